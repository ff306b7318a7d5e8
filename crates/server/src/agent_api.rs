//! The agent console's API: log in, see the queue, claim a conversation, read the case (transcript,
//! the bot's summary, the customer's orders), reply, act with the same money tools as the bot, hand
//! back to the bot, resolve. An agent works the conversations they claimed; a supervisor any.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use fairdesk_agent::AuthenticatedCustomer;
use fairdesk_agent::actions::{self, Action, ActionError};
use fairdesk_agent::mask::mask;
use fairdesk_agent::summary;
use fairdesk_ledger::OrderId;
use fairdesk_store::{Author, Conversation, ConversationState, Message, Role};

use crate::api::{
    ActionDone, AgentAction, AgentSessionView, AgentView, CaseView, ConversationView,
    ConversationWithMessages, CustomerView, MessageView, OrderView, QueueView, SendMessage,
};
use crate::auth::{Agent, Idempotency};
use crate::error::{ApiError, ApiJson, ApiPath, ErrorBody};
use crate::ws::agent_may_see;
use crate::{Shared, publish, session_cookie, with_cookie};

fn session_view(agent: &Agent) -> AgentSessionView {
    let a = &agent.session.agent;
    AgentSessionView {
        agent: AgentView::new(&a.id, &a.name, a.role),
        csrf_token: agent.csrf.clone(),
    }
}

/// End the session.
#[utoipa::path(post, path = "/api/v1/agent/logout", tag = "agent",
    responses((status = 204, description = "Logged out"), (status = 401, body = ErrorBody),
              (status = 403, description = "Missing CSRF token", body = ErrorBody)))]
pub async fn logout(State(state): State<Shared>, agent: Agent) -> Result<Response, ApiError> {
    state.store().delete_session(&agent.token_hash).await?;
    Ok(with_cookie(
        session_cookie("", 0, state.limits.secure_cookies),
        StatusCode::NO_CONTENT,
    ))
}

/// Who is logged in (and the CSRF token again, e.g. after a page reload).
#[utoipa::path(get, path = "/api/v1/agent/me", tag = "agent",
    responses((status = 200, body = AgentSessionView), (status = 401, body = ErrorBody)))]
pub async fn me(agent: Agent) -> Json<AgentSessionView> {
    Json(session_view(&agent))
}

/// The live queue and the conversations the agent holds.
#[utoipa::path(get, path = "/api/v1/agent/queue", tag = "agent",
    responses((status = 200, body = QueueView), (status = 401, body = ErrorBody)))]
pub async fn queue(State(state): State<Shared>, agent: Agent) -> Result<Json<QueueView>, ApiError> {
    let queued = state.store().queued_conversations().await?;
    let mine = (agent.session.agent.role == Role::Agent).then_some(agent.session.agent.id.as_str());
    let held = state.store().held_conversations(mine).await?;
    Ok(Json(QueueView {
        queued: queued
            .iter()
            .enumerate()
            .map(|(i, c)| ConversationView::from_conversation(c, Some(i + 1)))
            .collect(),
        held: held
            .iter()
            .map(|c| ConversationView::from_conversation(c, None))
            .collect(),
    }))
}

async fn conversation(state: &Shared, id: &str) -> Result<Conversation, ApiError> {
    state
        .store()
        .conversation(id)
        .await?
        .ok_or_else(|| ApiError::not_found("conversation"))
}

/// The conversation, if this agent may work it: they hold it, or they are a supervisor.
async fn workable(state: &Shared, agent: &Agent, id: &str) -> Result<Conversation, ApiError> {
    let c = conversation(state, id).await?;
    let me = &agent.session.agent;
    let holds = c.state == ConversationState::Human && c.agent_id.as_deref() == Some(&me.id);
    if holds || me.role == Role::Supervisor {
        Ok(c)
    } else {
        Err(ApiError::forbidden(
            "not_yours",
            "claim the conversation first (only its agent or a supervisor may work it)",
        ))
    }
}

/// The case: transcript, the bot's summary, the customer and their orders.
#[utoipa::path(get, path = "/api/v1/agent/conversations/{id}", tag = "agent",
    params(("id" = String, Path, description = "Conversation id")),
    responses((status = 200, body = CaseView), (status = 404, body = ErrorBody)))]
pub async fn case(
    State(state): State<Shared>,
    agent: Agent,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<CaseView>, ApiError> {
    let c = conversation(&state, &id).await?;
    let me = &agent.session.agent;
    if me.role != Role::Supervisor && !agent_may_see(&c, &me.id) {
        return Err(ApiError::forbidden(
            "not_yours",
            "an agent sees the conversations waiting in the queue and those they hold; \
             ask a supervisor for this one",
        ));
    }
    let messages = state.store().messages(&c.id).await?;
    let summary = messages
        .iter()
        .rev()
        .find(|m| m.author == Author::System)
        .map(|m| m.body.clone());
    let customer = state
        .store()
        .customer(&c.customer)
        .await?
        .ok_or_else(|| ApiError::not_found("customer"))?;
    let orders = state.store().orders_of_customer(&c.customer).await?;
    let position = state.store().queue_position(&c.id).await?;
    let mut viewers = state.presence.viewers(&c.id);
    viewers.retain(|name| name != &me.name);
    Ok(Json(CaseView {
        conversation: ConversationView::from_conversation(&c, position)
            .with_agent(publish::holder(&state, &c).await),
        viewers,
        agent_id: c.agent_id.clone(),
        summary,
        customer: CustomerView {
            id: customer.id.to_string(),
            name: customer.name,
            language: customer.language,
            country: customer.country,
        },
        orders: orders.iter().map(OrderView::from_order).collect(),
        messages: messages.iter().map(MessageView::from_message).collect(),
    }))
}

/// Take a queued conversation (a supervisor may also take one from the bot or another agent).
#[utoipa::path(post, path = "/api/v1/agent/conversations/{id}/claim", tag = "agent",
    params(("id" = String, Path, description = "Conversation id")),
    responses(
        (status = 200, body = ConversationView),
        (status = 409, description = "Already taken, or changed meanwhile", body = ErrorBody),
    ))]
pub async fn claim(
    State(state): State<Shared>,
    agent: Agent,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ConversationView>, ApiError> {
    let _turn_lock = state.turn_lock(&id).await;
    let mut c = conversation(&state, &id).await?;
    let me = &agent.session.agent;
    let open = c.state == ConversationState::Queued || me.role == Role::Supervisor;
    if !open {
        let message = match (c.state, publish::holder(&state, &c).await) {
            (ConversationState::Human, Some(name)) => format!(
                "{name} holds this conversation already; ask them or a supervisor to hand it over"
            ),
            (s, _) => format!(
                "the conversation is not waiting in the queue (it is {})",
                crate::api::state_name(s)
            ),
        };
        return Err(ApiError::new(StatusCode::CONFLICT, "not_queued", message));
    }
    c.state = ConversationState::Human;
    c.agent_id = Some(me.id.clone());
    c.updated_at = Utc::now();
    let c = state.store().save_conversation(&c).await?;
    tracing::info!(target: "audit", event = "claim", agent = %me.id, conversation = %c.id);
    publish::conversation(&state, &c).await;
    Ok(Json(
        ConversationView::from_conversation(&c, None).with_agent(Some(me.name.clone())),
    ))
}

/// Write to the customer.
#[utoipa::path(post, path = "/api/v1/agent/conversations/{id}/messages", tag = "agent",
    params(("id" = String, Path, description = "Conversation id")),
    request_body = SendMessage,
    responses((status = 200, body = MessageView), (status = 403, body = ErrorBody)))]
pub async fn reply(
    State(state): State<Shared>,
    agent: Agent,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<SendMessage>,
) -> Result<Json<MessageView>, ApiError> {
    let max = state.engine.policy().limits.message_bytes_max;
    if body.text.trim().is_empty() || body.text.len() > max {
        return Err(ApiError::bad_request(format!(
            "the message must have 1 to {max} bytes"
        )));
    }
    let c = workable(&state, &agent, &id).await?;
    let m = state
        .store()
        .append_message(&Message {
            conversation_id: c.id.clone(),
            seq: 0,
            author: Author::Agent,
            // An agent may paste a card number from elsewhere; it is masked like a customer's.
            body: mask(&body.text).text,
            language: Some(c.language.clone()),
            intent: None,
            confidence: None,
            quick_replies: Vec::new(),
            engine_us: None,
            created_at: Utc::now(),
        })
        .await?;
    publish::messages(&state, std::slice::from_ref(&m)).await;
    Ok(Json(MessageView::from_message(&m)))
}

fn action_name(a: &AgentAction) -> &'static str {
    match a {
        AgentAction::MoveDueDate { .. } => "move_due_date",
        AgentAction::WaiveLateFee { .. } => "waive_late_fee",
        AgentAction::Cancel { .. } => "cancel",
        AgentAction::StartReturn { .. } => "start_return",
        AgentAction::OpenDispute { .. } => "open_dispute",
    }
}

fn order_id(text: &str) -> Result<OrderId, ApiError> {
    text.parse().map_err(|_| ApiError::not_found("order"))
}

/// Act on one of the customer's orders with the bot's own tools and policy checks. Payments are
/// not offered here: money leaves a customer's card only on the customer's own confirmation.
#[utoipa::path(post, path = "/api/v1/agent/conversations/{id}/actions", tag = "agent",
    params(("id" = String, Path, description = "Conversation id"),
           ("Idempotency-Key" = String, Header, description = "Makes a retry change nothing twice")),
    request_body = AgentAction,
    responses(
        (status = 200, body = ActionDone),
        (status = 404, description = "No such order of this customer", body = ErrorBody),
        (status = 409, description = "The figures changed since the agent saw them", body = ErrorBody),
        (status = 422, description = "Refused by policy", body = ErrorBody),
    ))]
pub async fn act(
    State(state): State<Shared>,
    agent: Agent,
    ApiPath(id): ApiPath<String>,
    key: Idempotency,
    ApiJson(body): ApiJson<AgentAction>,
) -> Result<Json<ActionDone>, ApiError> {
    let c = workable(&state, &agent, &id).await?;
    let action = match body.clone() {
        AgentAction::MoveDueDate {
            order,
            installment,
            new_due,
        } => Action::MoveDueDate {
            order: order_id(&order)?,
            installment,
            new_due,
            latest: false,
        },
        AgentAction::WaiveLateFee {
            order,
            installment,
            fee_minor,
        } => Action::WaiveLateFee {
            order: order_id(&order)?,
            installment,
            fee_minor,
        },
        AgentAction::Cancel { order } => Action::Cancel {
            order: order_id(&order)?,
        },
        AgentAction::StartReturn { order } => Action::StartReturn {
            order: order_id(&order)?,
        },
        AgentAction::OpenDispute { order } => Action::OpenDispute {
            order: order_id(&order)?,
        },
    };
    let me = &agent.session.agent;
    let ledger_key = key.ledger_key("agent", &me.id)?;
    let who = AuthenticatedCustomer::verified(c.customer.clone());
    let now = Utc::now();
    actions::execute(state.store(), &who, &action, &ledger_key, now.date_naive())
        .await
        .map_err(|e| match e {
            ActionError::NotFound => ApiError::not_found("order"),
            ActionError::Changed => ApiError::new(StatusCode::CONFLICT, "changed", e.to_string()),
            ActionError::Refused(e) => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "refused", e.to_string())
            }
            ActionError::Store(e) => e.into(),
        })?;
    let id = action.order().ok_or_else(|| ApiError::not_found("order"))?;
    let order = state
        .store()
        .order(id)
        .await?
        .ok_or_else(|| ApiError::not_found("order"))?;
    let merchant = state
        .store()
        .merchant(&order.merchant)
        .await?
        .map_or_else(|| order.merchant.to_string(), |m| m.name);
    let note = state
        .store()
        .append_message(&Message {
            conversation_id: c.id.clone(),
            seq: 0,
            author: Author::System,
            body: format!(
                "{} (agent {}): {}",
                me.name,
                me.id,
                summary::action_done(&action, Some(&order), &merchant)
            ),
            language: None,
            intent: None,
            confidence: None,
            quick_replies: Vec::new(),
            engine_us: None,
            created_at: now,
        })
        .await?;
    publish::messages(&state, std::slice::from_ref(&note)).await;
    tracing::info!(
        target: "audit", event = "money_action", actor = "agent", agent = %me.id,
        conversation = %c.id, order = %order.id, action = action_name(&body),
        idempotency_key = %ledger_key
    );
    Ok(Json(ActionDone {
        order: OrderView::from_order(&order),
        key: ledger_key.to_string(),
    }))
}

/// Close the conversation as resolved.
#[utoipa::path(post, path = "/api/v1/agent/conversations/{id}/resolve", tag = "agent",
    params(("id" = String, Path, description = "Conversation id")),
    responses((status = 200, body = ConversationView), (status = 403, body = ErrorBody)))]
pub async fn resolve(
    State(state): State<Shared>,
    agent: Agent,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ConversationView>, ApiError> {
    let _turn_lock = state.turn_lock(&id).await;
    let mut c = workable(&state, &agent, &id).await?;
    c.state = ConversationState::Closed;
    c.queue = None;
    c.queued_at = None;
    c.updated_at = Utc::now();
    let c = state.store().save_conversation(&c).await?;
    tracing::info!(target: "audit", event = "resolve", agent = %agent.session.agent.id, conversation = %c.id);
    state.metrics.resolutions.inc("agent");
    publish::conversation(&state, &c).await;
    Ok(Json(ConversationView::from_conversation(&c, None)))
}

/// Give the conversation back to the bot, which greets the customer again.
#[utoipa::path(post, path = "/api/v1/agent/conversations/{id}/hand-back", tag = "agent",
    params(("id" = String, Path, description = "Conversation id")),
    responses((status = 200, body = ConversationWithMessages), (status = 403, body = ErrorBody)))]
pub async fn hand_back(
    State(state): State<Shared>,
    agent: Agent,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ConversationWithMessages>, ApiError> {
    let _turn_lock = state.turn_lock(&id).await;
    workable(&state, &agent, &id).await?;
    let turn = state.engine.hand_back(&id, Utc::now()).await?;
    tracing::info!(target: "audit", event = "hand_back", agent = %agent.session.agent.id, conversation = %id);
    publish::messages(&state, &turn.messages).await;
    publish::conversation(&state, &turn.conversation).await;
    Ok(Json(ConversationWithMessages {
        conversation: ConversationView::from_conversation(&turn.conversation, None),
        messages: turn
            .messages
            .iter()
            .map(MessageView::from_message)
            .collect(),
    }))
}
