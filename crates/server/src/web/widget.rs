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
//! The interface is in English for now (the page says `lang="en"`; each message carries its own
//! language); its words move to the Fluent files with the language switch (#12).

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use fairdesk_ledger::Customer;
use maud::html;
use serde::Deserialize;

use super::{asset, content_security_policy, document, error_page, private_page};
use crate::Shared;

#[derive(Debug, Deserialize)]
pub(super) struct WidgetQuery {
    token: Option<String>,
}

pub(super) async fn page(
    State(state): State<Shared>,
    query: Result<Query<WidgetQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let token = query.ok().and_then(|Query(q)| q.token).unwrap_or_default();
    if token.is_empty() {
        return error_page(
            StatusCode::UNAUTHORIZED,
            "This chat cannot start",
            "The page that opened the chat did not say who you are. Open the chat from the \
             lender's website while logged in.",
        );
    }
    let verified =
        state
            .secret
            .verify_within(&token, Utc::now(), state.limits.customer_token_minutes_max);
    let customer = match verified {
        Ok(id) => state.store().customer(&id).await,
        Err(e) => {
            return error_page(
                StatusCode::UNAUTHORIZED,
                "This chat link is not valid",
                &format!("{e}. Reload the page you came from to get a fresh chat."),
            );
        }
    };
    match customer {
        Ok(Some(customer)) => chat(&state, &customer, &token),
        Ok(None) => error_page(
            StatusCode::NOT_FOUND,
            "This chat cannot start",
            "The lender does not know this customer. Contact the lender by e-mail or phone.",
        ),
        Err(e) => {
            tracing::error!(error = %e, "reading the widget's customer");
            error_page(
                StatusCode::SERVICE_UNAVAILABLE,
                "The chat is not available right now",
                "Try again in a minute.",
            )
        }
    }
}

/// The frame ancestors the widget allows: fairdesk itself and the configured embedding origins.
fn frame_ancestors(state: &Shared) -> String {
    std::iter::once("'self'")
        .chain(state.web.widget.embed_origins.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
}

fn chat(state: &Shared, customer: &Customer, token: &str) -> Response {
    let body = html! {
        main id="chat" class="chat" data-token=(token) data-customer=(customer.id) {
            header class="chat-head" {
                h1 { "Customer service" }
                p id="disclosure" class="disclosure" {
                    "You are chatting with an AI assistant, not a person. "
                    "A person takes over whenever you ask."
                }
                div class="actions" {
                    button id="person" type="button" class="person" { "Talk to a person" }
                    button id="close" type="button" class="close" hidden { "Close chat" }
                }
            }
            p id="status" class="status" role="status" {}
            ol id="transcript" class="transcript" aria-live="polite" aria-label="Conversation" {}
            p id="typing" class="typing" hidden { "Typing…" }
            form id="compose" class="compose" {
                label for="text" { "Your message" }
                div class="row" {
                    input id="text" name="text" type="text" autocomplete="off" maxlength="2000"
                        required;
                    button type="submit" { "Send" }
                }
            }
            noscript { p { "The chat needs JavaScript switched on." } }
        }
        script src="/widget/chat.js" {}
    };
    private_page(
        StatusCode::OK,
        &content_security_policy(&frame_ancestors(state)),
        document("en", "Customer service chat", "/widget/chat.css", body),
    )
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
