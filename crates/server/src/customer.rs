//! The customer API: start a conversation, send messages, read the transcript, rate it, and read
//! one's own orders. The customer comes from the signed token; a conversation that is not theirs
//! does not exist to them (404, as for one that does not exist at all).

use std::time::Instant;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;
use fairdesk_agent::{AuthenticatedCustomer, quick_reply_intent};
use fairdesk_store::{Author, Conversation, Feedback};

use crate::api::{
    ConversationView, ConversationWithMessages, MessageView, OrderView, RateConversation,
    SendMessage,
};
use crate::auth::Customer;
use crate::error::{ApiError, ApiJson, ApiPath, ErrorBody};
use crate::{Shared, publish};

/// Longest comment kept with a rating, in characters.
const COMMENT_CHARS_MAX: usize = 2_000;

pub(crate) async fn own_conversation(
    state: &Shared,
    who: &AuthenticatedCustomer,
    id: &str,
) -> Result<Conversation, ApiError> {
    state
        .store()
        .conversation(id)
        .await?
        .filter(|c| &c.customer == who.id())
        .ok_or_else(|| ApiError::not_found("conversation"))
}

/// Start a conversation. The first message says it is an AI assistant and how to reach a person.
#[utoipa::path(post, path = "/api/v1/conversations", tag = "customer",
    responses(
        (status = 201, description = "Started", body = ConversationWithMessages),
        (status = 401, description = "Missing, forged or expired token", body = ErrorBody),
        (status = 404, description = "The token's customer is not registered", body = ErrorBody),
    ))]
pub async fn start(
    State(state): State<Shared>,
    Customer(who): Customer,
) -> Result<(StatusCode, Json<ConversationWithMessages>), ApiError> {
    let turn = state.engine.start(&who, Utc::now()).await?;
    publish::messages(&state, &turn.messages).await;
    Ok((
        StatusCode::CREATED,
        Json(ConversationWithMessages {
            conversation: ConversationView::from_conversation(&turn.conversation, None),
            messages: turn
                .messages
                .iter()
                .map(MessageView::from_message)
                .collect(),
        }),
    ))
}

/// The conversation and its whole transcript.
#[utoipa::path(get, path = "/api/v1/conversations/{id}", tag = "customer",
    params(("id" = String, Path, description = "Conversation id")),
    responses(
        (status = 200, body = ConversationWithMessages),
        (status = 404, description = "No such conversation of this customer", body = ErrorBody),
    ))]
pub async fn transcript(
    State(state): State<Shared>,
    Customer(who): Customer,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ConversationWithMessages>, ApiError> {
    let c = own_conversation(&state, &who, &id).await?;
    let position = state.store().queue_position(&c.id).await?;
    let messages = state.store().messages(&c.id).await?;
    Ok(Json(ConversationWithMessages {
        conversation: ConversationView::from_conversation(&c, position),
        messages: messages
            .iter()
            .filter(|m| m.author != Author::System)
            .map(MessageView::from_message)
            .collect(),
    }))
}

/// Send a message (or a quick reply's payload). The answer holds the customer's message as stored
/// (card numbers masked) and the bot's replies; while a person holds the conversation the bot stays
/// silent and the person answers over the live channel.
#[utoipa::path(post, path = "/api/v1/conversations/{id}/messages", tag = "customer",
    params(("id" = String, Path, description = "Conversation id")),
    request_body = SendMessage,
    responses(
        (status = 200, body = ConversationWithMessages),
        (status = 400, description = "Empty or malformed message", body = ErrorBody),
        (status = 404, description = "No such conversation of this customer", body = ErrorBody),
        (status = 409, description = "Changed concurrently by another process; retry", body = ErrorBody),
    ))]
pub async fn send(
    State(state): State<Shared>,
    Customer(who): Customer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<SendMessage>,
) -> Result<Json<ConversationWithMessages>, ApiError> {
    if body.text.trim().is_empty() {
        return Err(ApiError::bad_request("the message text is empty"));
    }
    // The engine answers "no such conversation" for one that is not this customer's.
    let _turn_lock = state.turn_lock(&id).await;
    let started = Instant::now();
    let turn = state
        .engine
        .handle(&who, &id, &body.text, Utc::now())
        .await?;
    state.metrics.turn_seconds.observe(started.elapsed());
    let tier = if quick_reply_intent(&body.text).is_some() {
        "quick_reply"
    } else {
        "classifier"
    };
    state.metrics.tiers.inc(tier);
    if turn.resolved {
        state.metrics.resolutions.inc("bot");
    }
    let mut messages: Vec<_> = turn.received.iter().cloned().collect();
    messages.extend(turn.messages.iter().cloned());
    publish::messages(&state, &messages).await;
    if let Some(reason) = turn.handoff {
        state.metrics.handoffs.inc(reason.as_str());
        publish::messages(&state, &turn.notes).await;
        publish::conversation(&state, &turn.conversation).await;
    }
    Ok(Json(ConversationWithMessages {
        conversation: ConversationView::from_conversation(&turn.conversation, turn.queue_position),
        messages: messages.iter().map(MessageView::from_message).collect(),
    }))
}

/// Rate the conversation, 1 to 5, with an optional comment. Rating again replaces the rating.
#[utoipa::path(post, path = "/api/v1/conversations/{id}/feedback", tag = "customer",
    params(("id" = String, Path, description = "Conversation id")),
    request_body = RateConversation,
    responses(
        (status = 204, description = "Recorded"),
        (status = 422, description = "Score outside 1–5 or comment too long", body = ErrorBody),
        (status = 404, description = "No such conversation of this customer", body = ErrorBody),
    ))]
pub async fn rate(
    State(state): State<Shared>,
    Customer(who): Customer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<RateConversation>,
) -> Result<StatusCode, ApiError> {
    if !(1..=5).contains(&body.score) {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_score",
            "the score must be 1, 2, 3, 4 or 5",
        ));
    }
    if body
        .comment
        .as_ref()
        .is_some_and(|c| c.chars().count() > COMMENT_CHARS_MAX)
    {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_long",
            format!("the comment may have at most {COMMENT_CHARS_MAX} characters"),
        ));
    }
    let c = own_conversation(&state, &who, &id).await?;
    state
        .store()
        .record_feedback(&Feedback {
            conversation_id: c.id,
            score: body.score,
            comment: body.comment,
            created_at: Utc::now(),
        })
        .await?;
    state.metrics.ratings.inc(&body.score.to_string());
    Ok(StatusCode::NO_CONTENT)
}

/// The customer's orders and their plans, newest purchase first.
#[utoipa::path(get, path = "/api/v1/me/orders", tag = "customer",
    responses((status = 200, body = Vec<OrderView>), (status = 401, body = ErrorBody)))]
pub async fn my_orders(
    State(state): State<Shared>,
    Customer(who): Customer,
) -> Result<Json<Vec<OrderView>>, ApiError> {
    let orders = state.store().orders_of_customer(who.id()).await?;
    Ok(Json(orders.iter().map(OrderView::from_order).collect()))
}
