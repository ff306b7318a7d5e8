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
//! Every word of the page is in the customer's language, from the `widget-*` messages of the
//! Fluent files ([`Words`]); which language, and the switch that changes it, is
//! [`super::language`]'s business. The words `chat.js` needs are handed to it in `data-words`.
//! While the customer waits for a person, the status line says where they are in the queue and
//! for about how long ([`super::waiting`]).

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use fairdesk_agent::AuthenticatedCustomer;
use fairdesk_ledger::Customer;
use maud::{Markup, html};
use serde::Deserialize;

use super::language::{Asked, Words, negotiate, script_words};
use super::{asset, content_security_policy, document, error_page, private_page};
use crate::Shared;
use crate::api::{ConversationWithMessages, MessageView};
use crate::customer;
use crate::error::ApiError;

#[derive(Debug, Default, Deserialize)]
pub(super) struct WidgetQuery {
    token: Option<String>,
    conversation: Option<String>,
    /// The language the customer picked in the switch.
    lang: Option<String>,
    /// The browser's languages, as the loader read them (`navigator.languages`, comma-separated).
    languages: Option<String>,
}

pub(super) async fn page(
    State(state): State<Shared>,
    headers: HeaderMap,
    query: Result<Query<WidgetQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let token = q.token.unwrap_or_default();
    let customer = match verified(&state, &token).await {
        Ok(customer) => customer,
        Err(page) => return page,
    };
    let lang = negotiate(&Asked {
        chosen: q.lang.as_deref(),
        browser: q.languages.as_deref(),
        accept_language: headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
        on_file: &customer.language,
    });
    let words = Words::new(&state, lang);
    let shown = match q.conversation.filter(|c| !c.is_empty()) {
        Some(id) => {
            let who = AuthenticatedCustomer::verified(customer.id.clone());
            match customer::read(&state, &who, &id).await {
                Ok(found) => Some(found),
                Err(e) => return refused(e),
            }
        }
        None => None,
    };
    let status = match &shown {
        Some(c) => super::waiting::status_words(&state, &words, &c.conversation).await,
        None => String::new(),
    };
    let rating = super::rating::section(&state, &words, &token, shown.as_ref()).await;
    let page = Page {
        words,
        customer: &customer,
        token: &token,
        shown: shown.as_ref(),
        status,
    };
    chat(&state, &page, rating)
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
    /// The page's language: a new conversation starts in it.
    lang: Option<String>,
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
    let lang = post.lang.as_deref().and_then(|l| {
        fairdesk_agent::locale::LANGUAGES
            .iter()
            .copied()
            .find(|known| *known == l)
    });
    let id = match post.conversation.filter(|c| !c.is_empty()) {
        Some(id) => id,
        None => match customer::begin(&state, &who, lang).await {
            Ok(started) => started.conversation.id,
            Err(e) => return refused(e),
        },
    };
    if let Err(e) = customer::say(&state, &who, &id, &text).await {
        return refused(e);
    }
    Redirect::to(&page_address(&post.token, &id, lang)).into_response()
}

/// The widget page's address for a conversation, in the language it was shown in.
pub(super) fn page_address(token: &str, conversation: &str, lang: Option<&str>) -> String {
    let mut to = format!(
        "/widget?token={}&conversation={}",
        encode(token),
        encode(conversation)
    );
    if let Some(lang) = lang {
        to.push_str("&lang=");
        to.push_str(&encode(lang));
    }
    to
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

/// What the chat page shows: in which words, to whom, which conversation, and its status line.
struct Page<'a> {
    words: Words<'a>,
    customer: &'a Customer,
    token: &'a str,
    shown: Option<&'a ConversationWithMessages>,
    status: String,
}

fn chat(state: &Shared, page: &Page<'_>, rating: Markup) -> Response {
    let Page {
        words,
        customer,
        token,
        shown,
        ..
    } = page;
    let lang = words.lang;
    let conversation = shown.map(|c| c.conversation.id.as_str());
    let (joined, closed) = person_notices(words);
    let body = html! {
        main id="chat" class="chat" data-token=(token) data-customer=(customer.id)
            data-conversation=[conversation] data-joined=(joined) data-closed=(closed)
            data-words=(script_words(words)) {
            header class="chat-head" {
                h1 { (words.get("widget-title")) }
                p id="disclosure" class="disclosure" { (words.get("widget-disclosure")) }
                div class="actions" {
                    // A form of its own: in the message form it would be what Enter presses.
                    form method="post" action="/widget" {
                        (hidden_fields(token, conversation, lang))
                        button id="person" type="submit" name="payload" value=(PERSON_PAYLOAD)
                            class="person" { (words.get("widget-person")) }
                    }
                    (super::language::switch(words, lang, token, conversation))
                    button id="close" type="button" class="close" hidden {
                        (words.get("widget-close"))
                    }
                }
            }
            p id="status" class="status" role="status" { (page.status) }
            // Focusable, so the keyboard can scroll it (WCAG 2.1.1).
            ol id="transcript" class="transcript" aria-live="polite" tabindex="0"
                aria-label=(words.get("widget-conversation")) {
                @if let Some(c) = shown { (transcript(words, &c.messages, token, &c.conversation.id)) }
            }
            p id="typing" class="typing" aria-live="polite" {}
            (rating)
            form id="compose" class="compose" method="post" action="/widget" {
                (hidden_fields(token, conversation, lang))
                label for="text" { (words.get("widget-message")) }
                div class="row" {
                    input id="text" name="text" type="text" autocomplete="off" maxlength="2000"
                        required;
                    button type="submit" { (words.get("widget-send")) }
                }
            }
        }
        script src="/widget/chat.js" {}
    };
    private_page(
        StatusCode::OK,
        &content_security_policy(&frame_ancestors(state)),
        document(
            lang,
            &words.get("widget-page-title"),
            "/widget/chat.css",
            body,
        ),
    )
}

/// What the customer reads, in their language, when a person joins the chat and when the person
/// closes it; `{name}` is the person's name, filled in by the script.
fn person_notices(words: &Words<'_>) -> (String, String) {
    let name = [("name", "{name}".to_owned())];
    (
        words.with("person-joined", &name),
        words.with("person-closed", &name),
    )
}

/// The payload of "Talk to a person" (the engine's quick reply for it).
const PERSON_PAYLOAD: &str = "intent:human_agent";

/// The transcript rendered on the server, for a browser without JavaScript; the last message's
/// quick replies are buttons of the form.
fn transcript(
    words: &Words<'_>,
    messages: &[MessageView],
    token: &str,
    conversation: &str,
) -> Markup {
    let last = messages.len().saturating_sub(1);
    let person = words.get("widget-person");
    html! {
        @for (n, m) in messages.iter().enumerate() {
            li class={ "message " (m.author) } lang=[m.language.as_deref()] {
                span class="who" { (author_words(words, &m.author)) }
                p {
                    @if m.body == PERSON_PAYLOAD { (person) }
                    @else { (shown_body(messages, &m.body)) }
                }
                @if n == last && !m.quick_replies.is_empty() {
                    form class="quick-replies" method="post" action="/widget"
                        aria-label=(words.get("widget-suggested")) {
                        (hidden_fields(token, Some(conversation), words.lang))
                        @for r in &m.quick_replies {
                            button type="submit" name="payload" value=(r.payload) { (r.label) }
                        }
                    }
                }
            }
        }
    }
}

/// What every form of the page sends besides its message: who, in which conversation, and the
/// page's language.
pub(super) fn hidden_fields(token: &str, conversation: Option<&str>, lang: &str) -> Markup {
    html! {
        input type="hidden" name="token" value=(token);
        input type="hidden" name="lang" value=(lang);
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

fn author_words(words: &Words<'_>, author: &str) -> String {
    match author {
        "customer" => words.get("widget-you"),
        "bot" => words.get("widget-bot"),
        "agent" => words.get("widget-agent"),
        other => other.to_owned(),
    }
}

/// The loader a lender's page includes: a launcher button that opens the widget's frame. Its two
/// words (the launcher's label, the frame's title) go into it in every language, as JSON.
pub(super) async fn loader(State(state): State<Shared>) -> Response {
    let replies = state.engine.replies();
    let words: serde_json::Map<String, serde_json::Value> = fairdesk_agent::locale::LANGUAGES
        .iter()
        .map(|lang| {
            let entry = serde_json::json!({
                "launcher": replies.render(lang, "widget-launcher", &[]),
                "title": replies.render(lang, "widget-page-title", &[]),
            });
            ((*lang).to_owned(), entry)
        })
        .collect();
    let json = serde_json::Value::Object(words).to_string();
    let script = include_str!("assets/widget.js").replacen("/*words*/{}", &json, 1);
    asset("text/javascript; charset=utf-8", script)
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
