//! The customer API: start a conversation, send messages, read the transcript, rate it, and read
//! one's own orders. The customer comes from the signed token; a conversation that is not theirs
//! does not exist to them (404, as for one that does not exist at all).

use std::time::Instant;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use fairdesk_agent::locale::LANGUAGES;
use fairdesk_agent::mask::mask;
use fairdesk_agent::{AuthenticatedCustomer, quick_reply_intent};
use fairdesk_store::{Author, Conversation, ConversationState, Feedback, StoreError};

use crate::api::{
    ConsentRequest, ConsentView, ConversationView, ConversationWithMessages, MessageView,
    OrderView, RateConversation, SendMessage, StartQuery,
};
use crate::auth::Customer;
use crate::consent::Consent;
use crate::error::{ApiError, ApiJson, ApiPath, ApiQuery, ErrorBody};
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
/// `?language=de` starts it in the language the customer chose (else their own).
#[utoipa::path(post, path = "/api/v1/conversations", tag = "customer",
    params(StartQuery),
    responses(
        (status = 201, description = "Started", body = ConversationWithMessages),
        (status = 400, description = "A language the assistant does not speak", body = ErrorBody),
        (status = 401, description = "Missing, forged or expired token", body = ErrorBody),
        (status = 404, description = "The token's customer is not registered", body = ErrorBody),
        (status = 429, description = "Too many open or recent conversations", body = ErrorBody),
    ))]
pub async fn start(
    State(state): State<Shared>,
    Customer(who): Customer,
    ApiQuery(query): ApiQuery<StartQuery>,
) -> Result<(StatusCode, Json<ConversationWithMessages>), ApiError> {
    let language = match query.language.as_deref() {
        Some(l) if !LANGUAGES.contains(&l) => {
            return Err(ApiError::bad_request(format!(
                "the assistant does not speak `{l}`: use one of {}",
                LANGUAGES.join(", ")
            )));
        }
        other => other,
    };
    Ok((
        StatusCode::CREATED,
        Json(begin(&state, &who, language).await?),
    ))
}

/// Starts a conversation within the customer's caps (the API and the widget's form both do), in
/// `language` if given (one of [`LANGUAGES`]).
pub(crate) async fn begin(
    state: &Shared,
    who: &AuthenticatedCustomer,
    language: Option<&str>,
) -> Result<ConversationWithMessages, ApiError> {
    let now = Utc::now();
    may_start(state, who, now).await?;
    let turn = state.engine.start_in(who, language, now).await?;
    publish::messages(state, &turn.messages).await;
    Ok(ConversationWithMessages {
        conversation: ConversationView::from_conversation(&turn.conversation, None),
        messages: turn
            .messages
            .iter()
            .map(MessageView::from_message)
            .collect(),
    })
}

fn too_many(code: &'static str, message: String) -> ApiError {
    ApiError::new(StatusCode::TOO_MANY_REQUESTS, code, message)
}

/// The per-customer caps on conversations: open at once, waiting for a person, started per hour.
async fn may_start(
    state: &Shared,
    who: &AuthenticatedCustomer,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let limits = &state.limits;
    let load = state
        .store()
        .customer_load(who.id(), now - Duration::hours(1))
        .await?;
    if load.open >= limits.open_conversations_per_customer_max {
        return Err(too_many(
            "too_many_open",
            format!(
                "you have {} conversations open; continue in one of them",
                load.open
            ),
        ));
    }
    if load.queued >= limits.queued_conversations_per_customer_max {
        return Err(too_many(
            "already_queued",
            "you are already waiting for a person; they will answer in that conversation"
                .to_owned(),
        ));
    }
    if load.started_since >= limits.conversations_per_customer_per_hour_max {
        return Err(too_many(
            "too_many_started",
            format!(
                "at most {} new conversations an hour; continue in an open one or try later",
                limits.conversations_per_customer_per_hour_max
            ),
        ));
    }
    Ok(())
}

/// A customer's handoffs beyond `queued_conversations_per_customer_max` wait behind everyone
/// else's (lowest priority), so one customer cannot crowd a queue (100 fake fraud reports ahead of
/// a real one). The conversation and its place in the queue.
async fn demote_beyond_cap(
    state: &Shared,
    who: &AuthenticatedCustomer,
    c: Conversation,
    position: Option<usize>,
) -> Result<(Conversation, Option<usize>), ApiError> {
    let load = state.store().customer_load(who.id(), Utc::now()).await?;
    if load.queued <= state.limits.queued_conversations_per_customer_max || c.priority == 0 {
        return Ok((c, position));
    }
    let demoted = state
        .store()
        .save_conversation(&Conversation { priority: 0, ..c })
        .await?;
    let position = state.store().queue_position(&demoted.id).await?;
    Ok((demoted, position))
}

/// The message rate limits, checked before anything is stored: the customer's messages per
/// minute across their conversations, and the conversation's (the bot's own limit).
async fn within_rate(
    state: &Shared,
    who: &AuthenticatedCustomer,
    conversation_id: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let (all, here) = state
        .store()
        .customer_messages_since(who.id(), conversation_id, now - Duration::minutes(1))
        .await?;
    let here_max = i64::from(state.engine.policy().limits.messages_per_minute_max);
    if all >= state.limits.customer_messages_per_minute_max || here >= here_max {
        return Err(too_many(
            "slow_down",
            "too many messages in the last minute; wait a moment and send it again (it was not \
             kept)"
                .to_owned(),
        ));
    }
    Ok(())
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
    Ok(Json(read(&state, &who, &id).await?))
}

/// A conversation of the customer's as they see it: without the notes meant for agents.
pub(crate) async fn read(
    state: &Shared,
    who: &AuthenticatedCustomer,
    id: &str,
) -> Result<ConversationWithMessages, ApiError> {
    let c = own_conversation(state, who, id).await?;
    let position = state.store().queue_position(&c.id).await?;
    let messages = state.store().messages(&c.id).await?;
    Ok(ConversationWithMessages {
        conversation: ConversationView::from_conversation(&c, position),
        messages: messages
            .iter()
            .filter(|m| m.author != Author::System)
            .map(MessageView::from_message)
            .collect(),
    })
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
        (status = 429, description = "Over the message rate limit; the message was not kept", body = ErrorBody),
    ))]
pub async fn send(
    State(state): State<Shared>,
    Customer(who): Customer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<SendMessage>,
) -> Result<Json<ConversationWithMessages>, ApiError> {
    Ok(Json(say(&state, &who, &id, &body.text).await?))
}

/// One customer message and the answers to it (the API and the widget's form both send them).
pub(crate) async fn say(
    state: &Shared,
    who: &AuthenticatedCustomer,
    id: &str,
    text: &str,
) -> Result<ConversationWithMessages, ApiError> {
    if text.trim().is_empty() {
        return Err(ApiError::bad_request("the message text is empty"));
    }
    // The engine answers "no such conversation" for one that is not this customer's.
    let _turn_lock = state.turn_lock(id).await;
    let now = Utc::now();
    within_rate(state, who, id, now).await?;
    let started = Instant::now();
    let turn = state.engine.handle(who, id, text, now).await?;
    state.metrics.turn_seconds.observe(started.elapsed());
    let tier = if quick_reply_intent(text).is_some() {
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
    publish::messages(state, &messages).await;
    let (mut conversation, mut position) = (turn.conversation, turn.queue_position);
    if let Some(reason) = turn.handoff {
        tracing::info!(
            target: "audit", event = "handoff", customer = %who.id(),
            conversation = %conversation.id, reason = reason.as_str()
        );
        state.metrics.handoffs.inc(reason.as_str());
        (conversation, position) = demote_beyond_cap(state, who, conversation, position).await?;
        // The change first: it is what lets an agent's console see the conversation, notes
        // included.
        publish::conversation(state, &conversation).await;
        publish::messages(state, &turn.notes).await;
    }
    Ok(ConversationWithMessages {
        conversation: ConversationView::from_conversation(&conversation, position),
        messages: messages.iter().map(MessageView::from_message).collect(),
    })
}

/// Rate a closed conversation, 1 to 5, with an optional comment; once (the dashboard's customer
/// satisfaction, CSAT).
#[utoipa::path(post, path = "/api/v1/conversations/{id}/feedback", tag = "customer",
    params(("id" = String, Path, description = "Conversation id")),
    request_body = RateConversation,
    responses(
        (status = 204, description = "Recorded"),
        (status = 422, description = "Score outside 1–5 or comment too long", body = ErrorBody),
        (status = 404, description = "No such conversation of this customer", body = ErrorBody),
        (status = 409, description = "Not closed yet (`not_closed`), or already rated \
                                      (`already_rated`)", body = ErrorBody),
    ))]
pub async fn rate(
    State(state): State<Shared>,
    Customer(who): Customer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<RateConversation>,
) -> Result<StatusCode, ApiError> {
    rate_closed(&state, &who, &id, body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Records a customer's rating of their closed conversation (the API and the widget's form both
/// send them).
pub(crate) async fn rate_closed(
    state: &Shared,
    who: &AuthenticatedCustomer,
    id: &str,
    body: RateConversation,
) -> Result<(), ApiError> {
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
    let c = own_conversation(state, who, id).await?;
    if c.state != ConversationState::Closed {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "not_closed",
            "a conversation is rated once it is closed; it is still open",
        ));
    }
    state
        .store()
        .record_feedback(&Feedback {
            conversation_id: c.id,
            score: body.score,
            // Feedback is read by people: card numbers and the like are masked as in messages.
            comment: body.comment.map(|c| mask(&c).text),
            created_at: Utc::now(),
        })
        .await
        .map_err(|e| match e {
            StoreError::Duplicate(_) => ApiError::new(
                StatusCode::CONFLICT,
                "already_rated",
                "this conversation was rated already; a conversation is rated once",
            ),
            other => other.into(),
        })?;
    state.metrics.ratings.inc(&body.score.to_string());
    Ok(())
}

/// Agree to a purchase at a merchant's checkout: a consent, signed for this customer, merchant,
/// amount and currency, that the merchant passes along when it creates the order.
#[utoipa::path(post, path = "/api/v1/me/checkout-consents", tag = "customer",
    request_body = ConsentRequest,
    responses(
        (status = 201, body = ConsentView),
        (status = 400, description = "Malformed merchant id, amount or currency", body = ErrorBody),
        (status = 401, body = ErrorBody),
    ))]
pub async fn checkout_consent(
    State(state): State<Shared>,
    Customer(who): Customer,
    ApiJson(body): ApiJson<ConsentRequest>,
) -> Result<(StatusCode, Json<ConsentView>), ApiError> {
    let merchant: fairdesk_ledger::MerchantId = body
        .merchant
        .parse()
        .map_err(|e| ApiError::bad_request(format!("merchant: {e}")))?;
    let currency: fairdesk_ledger::Currency = body.currency.parse().map_err(|_| {
        ApiError::bad_request(format!(
            "unknown currency {:?}; use an ISO code",
            body.currency
        ))
    })?;
    if body.amount_minor < 1 {
        return Err(ApiError::bad_request("amount_minor must be at least 1"));
    }
    let consent = Consent::new(
        who.id().as_str(),
        merchant.as_str(),
        body.amount_minor,
        currency.code(),
        Utc::now() + Duration::minutes(state.limits.checkout_consent_minutes),
    )
    .map_err(ApiError::internal)?;
    tracing::info!(
        target: "audit", event = "checkout_consent", customer = %who.id(), merchant = %merchant,
        amount_minor = body.amount_minor, currency = currency.code()
    );
    Ok((
        StatusCode::CREATED,
        Json(ConsentView {
            consent: consent.sign(&state.secret),
            expires_at: consent.expires,
        }),
    ))
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
