//! The chat widget: the page a customer chats in, inside an iframe so the host page's CSS cannot
//! break it, and `/widget.js`, the one `<script>` tag a lender puts on its pages to show it.
//!
//! The lender's page hands the widget a signed customer token (`data-token` on the script tag);
//! the loader passes it to the frame as `/widget?token=…`, so the server can refuse a bad token with
//! a readable page before any chat starts. The access log writes the route, never the query, and
//! the page is sent with `Referrer-Policy: no-referrer`, so the token stays out of logs and other
//! sites. The page keeps the token for its API calls; the conversation's id lives in the tab's
//! `sessionStorage`, so a reload continues the same conversation.
//!
//! Without JavaScript the same page still works: the form posts to `/widget`, which sends the
//! message and redirects back to the page with the conversation in its address, rendered on the
//! server (quick replies and "Talk to a person" are small forms of their own).
//!
//! Once the conversation is closed, the page asks "How did we do?" (see [`super::rating`]).
//!
//! The interface is in English for now (the page says `lang="en"`; each message carries its own
//! language); its words move to the Fluent files with the language switch (#12). The notices that
//! a person joined or closed the chat are already in the customer's language.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use fairdesk_agent::AuthenticatedCustomer;
use fairdesk_ledger::Customer;
use maud::{Markup, html};
use serde::Deserialize;

use super::{asset, content_security_policy, document, error_page, private_page};
use crate::Shared;
use crate::api::{ConversationView, ConversationWithMessages, MessageView};
use crate::customer;
use crate::error::ApiError;

#[derive(Debug, Deserialize)]
pub(super) struct WidgetQuery {
    token: Option<String>,
    conversation: Option<String>,
}

pub(super) async fn page(
    State(state): State<Shared>,
    query: Result<Query<WidgetQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let (token, conversation) = match query {
        Ok(Query(q)) => (q.token.unwrap_or_default(), q.conversation),
        Err(_) => (String::new(), None),
    };
    let customer = match verified(&state, &token).await {
        Ok(customer) => customer,
        Err(page) => return page,
    };
    let shown = match conversation.filter(|c| !c.is_empty()) {
        Some(id) => {
            let who = AuthenticatedCustomer::verified(customer.id.clone());
            match customer::read(&state, &who, &id).await {
                Ok(found) => Some(found),
                Err(e) => return refused(e),
            }
        }
        None => None,
    };
    let rating = super::rating::section(&state, &token, shown.as_ref()).await;
    chat(&state, &customer, &token, shown.as_ref(), rating)
}

/// The customer a widget token names, or the page that says why there is none.
pub(super) async fn verified(state: &Shared, token: &str) -> Result<Customer, Response> {
    if token.is_empty() {
        return Err(error_page(
            StatusCode::UNAUTHORIZED,
            "This chat cannot start",
            "The page that opened the chat did not say who you are. Open the chat from the \
             lender's website while logged in.",
        ));
    }
    let verified =
        state
            .secret
            .verify_within(token, Utc::now(), state.limits.customer_token_minutes_max);
    let id = verified.map_err(|e| {
        error_page(
            StatusCode::UNAUTHORIZED,
            "This chat link is not valid",
            &format!("{e}. Reload the page you came from to get a fresh chat."),
        )
    })?;
    match state.store().customer(&id).await {
        Ok(Some(customer)) => Ok(customer),
        Ok(None) => Err(error_page(
            StatusCode::NOT_FOUND,
            "This chat cannot start",
            "The lender does not know this customer. Contact the lender by e-mail or phone.",
        )),
        Err(e) => Err(refused(e.into())),
    }
}

/// An API error as a page: what went wrong for a 4xx, only "try again" for a 5xx (whose details
/// are logged, never shown).
pub(super) fn refused(e: ApiError) -> Response {
    if e.status.is_server_error() {
        tracing::error!(error = %e.message, "the widget's request failed");
        return error_page(
            e.status,
            "The chat is not available right now",
            "Try again in a minute.",
        );
    }
    error_page(
        e.status,
        "The message was not sent",
        &format!("{}. Go back and try again.", e.message),
    )
}

#[derive(Debug, Deserialize)]
pub(super) struct WidgetPost {
    token: String,
    conversation: Option<String>,
    text: Option<String>,
    /// A quick reply's or the "Talk to a person" button's payload; it wins over `text`.
    payload: Option<String>,
}

/// The form's message, without JavaScript: starts the conversation if there is none yet, sends
/// the message, and shows the page again (303, so a reload does not send it twice).
pub(super) async fn post(
    State(state): State<Shared>,
    form: Result<Form<WidgetPost>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(post)) = form else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "The message was not sent",
            "The form arrived incomplete. Go back and send it again.",
        );
    };
    let customer = match verified(&state, &post.token).await {
        Ok(customer) => customer,
        Err(page) => return page,
    };
    let who = AuthenticatedCustomer::verified(customer.id);
    let text = post
        .payload
        .filter(|p| !p.is_empty())
        .or(post.text)
        .unwrap_or_default();
    if text.trim().is_empty() {
        return refused(ApiError::bad_request("the message is empty"));
    }
    let id = match post.conversation.filter(|c| !c.is_empty()) {
        Some(id) => id,
        None => match customer::begin(&state, &who).await {
            Ok(started) => started.conversation.id,
            Err(e) => return refused(e),
        },
    };
    if let Err(e) = customer::say(&state, &who, &id, &text).await {
        return refused(e);
    }
    let to = format!(
        "/widget?token={}&conversation={}",
        encode(&post.token),
        encode(&id)
    );
    Redirect::to(&to).into_response()
}

/// Percent-encodes a query value (tokens and ids are mostly plain already).
pub(super) fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The frame ancestors the widget allows: fairdesk itself and the configured embedding origins.
fn frame_ancestors(state: &Shared) -> String {
    std::iter::once("'self'")
        .chain(state.web.widget.embed_origins.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
}

fn chat(
    state: &Shared,
    customer: &Customer,
    token: &str,
    shown: Option<&ConversationWithMessages>,
    rating: Markup,
) -> Response {
    let conversation = shown.map(|c| c.conversation.id.as_str());
    let (joined, closed) = person_notices(state, &customer.language);
    let body = html! {
        main id="chat" class="chat" data-token=(token) data-customer=(customer.id)
            data-conversation=[conversation] data-joined=(joined) data-closed=(closed) {
            header class="chat-head" {
                h1 { "Customer service" }
                p id="disclosure" class="disclosure" {
                    "You are chatting with an AI assistant, not a person. "
                    "A person takes over whenever you ask."
                }
                div class="actions" {
                    // A form of its own: in the message form it would be what Enter presses.
                    form method="post" action="/widget" {
                        (hidden_fields(token, conversation))
                        button id="person" type="submit" name="payload" value=(PERSON_PAYLOAD)
                            class="person" { "Talk to a person" }
                    }
                    button id="close" type="button" class="close" hidden { "Close chat" }
                }
            }
            p id="status" class="status" role="status" {
                @if let Some(c) = shown { (state_words(&c.conversation)) }
            }
            ol id="transcript" class="transcript" aria-live="polite" aria-label="Conversation" {
                @if let Some(c) = shown { (transcript(&c.messages, token, &c.conversation.id)) }
            }
            p id="typing" class="typing" hidden { "Typing…" }
            (rating)
            form id="compose" class="compose" method="post" action="/widget" {
                (hidden_fields(token, conversation))
                label for="text" { "Your message" }
                div class="row" {
                    input id="text" name="text" type="text" autocomplete="off" maxlength="2000"
                        required;
                    button type="submit" { "Send" }
                }
            }
        }
        script src="/widget/chat.js" {}
    };
    private_page(
        StatusCode::OK,
        &content_security_policy(&frame_ancestors(state)),
        document("en", "Customer service chat", "/widget/chat.css", body),
    )
}

/// What the customer reads, in their language, when a person joins the chat and when the person
/// closes it; `{name}` is the person's name, filled in by the script.
fn person_notices(state: &Shared, language: &str) -> (String, String) {
    let name = [("name", "{name}".to_owned())];
    let replies = state.engine.replies();
    (
        replies.render(language, "person-joined", &name),
        replies.render(language, "person-closed", &name),
    )
}

/// The payload of "Talk to a person" (the engine's quick reply for it).
const PERSON_PAYLOAD: &str = "intent:human_agent";

/// The transcript rendered on the server, for a browser without JavaScript; the last message's
/// quick replies are buttons of the form.
fn transcript(messages: &[MessageView], token: &str, conversation: &str) -> Markup {
    let last = messages.len().saturating_sub(1);
    html! {
        @for (n, m) in messages.iter().enumerate() {
            li class={ "message " (m.author) } lang=[m.language.as_deref()] {
                span class="who" { (author_words(&m.author)) }
                p { (shown_body(messages, &m.body)) }
                @if n == last && !m.quick_replies.is_empty() {
                    form class="quick-replies" method="post" action="/widget"
                        aria-label="Suggested replies" {
                        (hidden_fields(token, Some(conversation)))
                        @for r in &m.quick_replies {
                            button type="submit" name="payload" value=(r.payload) { (r.label) }
                        }
                    }
                }
            }
        }
    }
}

/// What every form of the page sends besides its message: who, and in which conversation.
pub(super) fn hidden_fields(token: &str, conversation: Option<&str>) -> Markup {
    html! {
        input type="hidden" name="token" value=(token);
        @if let Some(id) = conversation {
            input type="hidden" name="conversation" value=(id);
        }
    }
}

/// A customer's quick reply shows as the label of its button, not as its payload.
pub(super) fn shown_body<'a>(messages: &'a [MessageView], body: &'a str) -> &'a str {
    if body == PERSON_PAYLOAD {
        return "Talk to a person";
    }
    messages
        .iter()
        .flat_map(|m| &m.quick_replies)
        .find(|r| r.payload == body)
        .map_or(body, |r| r.label.as_str())
}

fn author_words(author: &str) -> &str {
    match author {
        "customer" => "You",
        "bot" => "AI assistant",
        "agent" => "Person",
        other => other,
    }
}

fn state_words(c: &ConversationView) -> String {
    match (c.state.as_str(), c.queue_position) {
        ("queued", Some(n)) => format!("Waiting for a person: you are number {n} in the queue."),
        ("queued", None) => "Waiting for a person.".to_owned(),
        ("human", _) => "A person is with you now.".to_owned(),
        ("closed", _) => "This conversation is closed.".to_owned(),
        _ => String::new(),
    }
}

/// The loader a lender's page includes: a launcher button that opens the widget's frame.
pub(super) async fn loader() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("assets/widget.js"),
    )
}

pub(super) async fn chat_js() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("assets/chat.js"),
    )
}

pub(super) async fn chat_css() -> Response {
    asset("text/css; charset=utf-8", include_str!("assets/chat.css"))
}
