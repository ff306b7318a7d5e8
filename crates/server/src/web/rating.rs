//! "How did we do?" in the chat widget: once the conversation is closed, five buttons rate it,
//! 1 to 5, and a thank-you follows; a conversation is rated once. The ratings are the customer
//! satisfaction (CSAT) of the operations dashboard.
//!
//! The server draws the section into the widget's page (shown when the page shows a closed
//! conversation); `chat.js` shows it when the conversation closes and sends the rating to the
//! customer API. Without JavaScript the buttons post to `/widget/rating`.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use fairdesk_agent::AuthenticatedCustomer;
use maud::{Markup, html};
use serde::Deserialize;

use super::error_page;
use super::language::Words;
use super::widget::{hidden_fields, page_address, refused, verified};
use crate::Shared;
use crate::api::{ConversationWithMessages, RateConversation};
use crate::customer;

/// The scores a customer can give, with the message that says what each means.
const SCORES: [(i64, &str); 5] = [
    (1, "widget-rating-1"),
    (2, "widget-rating-2"),
    (3, "widget-rating-3"),
    (4, "widget-rating-4"),
    (5, "widget-rating-5"),
];

/// "How did we do?": five buttons that rate the conversation once it is closed, and the thanks
/// after. Drawn shown when the page shows a closed conversation (the thanks if it was rated), else
/// hidden until `chat.js` sees the conversation close.
pub(super) async fn section(
    state: &Shared,
    words: &Words<'_>,
    token: &str,
    shown: Option<&ConversationWithMessages>,
) -> Markup {
    let closed = shown.filter(|c| c.conversation.state == "closed");
    let rated = match closed {
        Some(c) => matches!(
            state.store().feedback(&c.conversation.id).await,
            Ok(Some(_))
        ),
        None => false,
    };
    let conversation = shown.map(|c| c.conversation.id.as_str());
    html! {
        section id="rating" class="rating" aria-labelledby="rating-title" hidden[closed.is_none()] {
            h2 id="rating-title" { (words.get("widget-rating-title")) }
            form id="rating-form" method="post" action="/widget/rating" hidden[rated] {
                (hidden_fields(token, conversation, words.lang))
                p id="rating-scale" class="scale" { (words.get("widget-rating-scale")) }
                div class="scores" role="group" aria-labelledby="rating-title rating-scale" {
                    @for (score, meaning) in SCORES {
                        button type="submit" name="score" value=(score)
                            aria-label=(format!("{score}, {}", words.get(meaning))) { (score) }
                    }
                }
            }
            p id="rating-thanks" class="thanks" tabindex="-1" hidden[!rated] {
                (words.get("widget-rating-thanks"))
            }
        }
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct RatingPost {
    token: String,
    conversation: String,
    score: i64,
    /// The page's language, to show the page again in.
    lang: Option<String>,
}

/// The rating form, without JavaScript: rates the conversation and shows the page again, thanks
/// included (303, so a reload does not rate twice).
pub(super) async fn rate(
    State(state): State<Shared>,
    form: Result<Form<RatingPost>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(post)) = form else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "The rating was not saved",
            "The form arrived incomplete. Go back and choose a score from 1 to 5.",
        );
    };
    let customer = match verified(&state, &post.token).await {
        Ok(customer) => customer,
        Err(page) => return page,
    };
    let who = AuthenticatedCustomer::verified(customer.id);
    let body = RateConversation {
        score: post.score,
        comment: None,
    };
    if let Err(e) = customer::rate_closed(&state, &who, &post.conversation, body).await {
        if e.status.is_server_error() {
            return refused(e);
        }
        return error_page(
            e.status,
            "The rating was not saved",
            &format!("{}. Go back to the chat.", e.message),
        );
    }
    let to = page_address(&post.token, &post.conversation, post.lang.as_deref());
    Redirect::to(&to).into_response()
}
