//! While a customer waits for a person (issue 12): the widget's status line says where they are
//! in the queue and about how long the wait is, in their language, and `/widget/status` gives
//! `chat.js` the same line whenever the place in the queue changes.
//!
//! The expected wait is simple on purpose: the median time from handoff to a person joining over
//! the latest [`WAIT_SAMPLE`] handoffs, times the customer's place in the queue, in whole minutes
//! rounded up. Without any handoff yet the line says "a few minutes" rather than invent a figure.

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use super::language::{Asked, Words, negotiate};
use crate::Shared;
use crate::api::ConversationView;
use crate::auth::Customer;
use crate::customer;
use crate::error::ApiError;

/// How many of the latest handoffs the expected wait is measured on.
pub(crate) const WAIT_SAMPLE: u32 = 50;

/// The expected wait, in minutes, of the customer at `position` in the queue (1 is next); `None`
/// without any history to go by.
pub(crate) async fn expected_minutes(state: &Shared, position: usize) -> Option<i64> {
    let median = match state.store().recent_time_to_person(WAIT_SAMPLE).await {
        Ok(median) => median?,
        Err(e) => {
            tracing::warn!(error = %e, "the expected wait could not be read");
            return None;
        }
    };
    let position = i64::try_from(position.max(1)).unwrap_or(i64::MAX);
    let seconds = median.max(0).saturating_mul(position);
    Some((seconds.saturating_add(59) / 60).max(1))
}

/// The status line for a conversation, in the widget's language: where it stands, and while
/// queued, the place in the queue and the expected wait.
pub(super) async fn status_words(
    state: &Shared,
    words: &Words<'_>,
    c: &ConversationView,
) -> String {
    match (c.state.as_str(), c.queue_position) {
        ("queued", Some(n)) => {
            let place = words.with("widget-queued", &[("position", n.to_string())]);
            let wait = match expected_minutes(state, n).await {
                Some(minutes) => words.count("widget-wait", "minutes", minutes),
                None => words.get("widget-wait-unknown"),
            };
            format!("{place} {wait}")
        }
        ("queued", None) => words.get("widget-queued-unknown"),
        ("human", _) => words.get("widget-human"),
        ("closed", _) => words.get("widget-closed"),
        _ => String::new(),
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct StatusQuery {
    conversation: String,
    lang: Option<String>,
}

/// The status line `chat.js` shows.
#[derive(Debug, Serialize)]
pub(super) struct StatusLine {
    state: String,
    queue_position: Option<usize>,
    expected_wait_minutes: Option<i64>,
    text: String,
}

/// `GET /widget/status?conversation=…&lang=…` with the customer's token as a bearer token: the
/// conversation's status line in that language.
pub(super) async fn status(
    State(state): State<Shared>,
    Customer(who): Customer,
    query: Result<Query<StatusQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<StatusLine>, ApiError> {
    let Query(q) = query?;
    let found = customer::read(&state, &who, &q.conversation).await?;
    let c = found.conversation;
    let lang = negotiate(&Asked {
        chosen: q.lang.as_deref(),
        on_file: &c.language,
        ..Asked::default()
    });
    let words = Words::new(&state, lang);
    let expected_wait_minutes = match (c.state.as_str(), c.queue_position) {
        ("queued", Some(n)) => expected_minutes(&state, n).await,
        _ => None,
    };
    Ok(Json(StatusLine {
        text: status_words(&state, &words, &c).await,
        state: c.state,
        queue_position: c.queue_position,
        expected_wait_minutes,
    }))
}
