//! The shapes the API speaks, separate from the storage types so that either can change without
//! breaking the other. Every type here appears in the OpenAPI document.

use chrono::{DateTime, NaiveDate, Utc};
use fairdesk_ledger::{Order, OrderStatus, PlanKind};
use fairdesk_store::{Conversation, ConversationState, Message, Role};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct QuickReplyView {
    pub label: String,
    /// Send this back as the message text when the button is pressed.
    pub payload: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageView {
    pub seq: i64,
    /// `customer`, `bot`, `agent` or `system`.
    pub author: String,
    pub body: String,
    pub language: Option<String>,
    pub quick_replies: Vec<QuickReplyView>,
    pub created_at: DateTime<Utc>,
}

impl MessageView {
    pub fn from_message(m: &Message) -> MessageView {
        MessageView {
            seq: m.seq,
            author: serde_json::to_value(m.author)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            body: m.body.clone(),
            language: m.language.clone(),
            quick_replies: m
                .quick_replies
                .iter()
                .map(|q| QuickReplyView {
                    label: q.label.clone(),
                    payload: q.payload.clone(),
                })
                .collect(),
            created_at: m.created_at,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConversationView {
    pub id: String,
    /// `bot`, `queued`, `human` or `closed`.
    pub state: String,
    pub language: String,
    /// The human queue, while queued or with a person.
    pub queue: Option<String>,
    pub queue_position: Option<usize>,
    /// The name of the person who holds (or last held) it: the customer sees who joined.
    #[serde(default)]
    pub agent: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub fn state_name(s: ConversationState) -> &'static str {
    match s {
        ConversationState::Bot => "bot",
        ConversationState::Queued => "queued",
        ConversationState::Human => "human",
        ConversationState::Closed => "closed",
    }
}

impl ConversationView {
    pub fn from_conversation(c: &Conversation, queue_position: Option<usize>) -> ConversationView {
        ConversationView {
            id: c.id.clone(),
            state: state_name(c.state).to_owned(),
            language: c.language.clone(),
            queue: c.queue.clone(),
            queue_position,
            agent: None,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }

    /// The same view, naming the person who holds the conversation.
    pub fn with_agent(mut self, agent: Option<String>) -> ConversationView {
        self.agent = agent;
        self
    }
}

/// A conversation with its messages (all of them, or the new ones of a turn).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConversationWithMessages {
    pub conversation: ConversationView,
    pub messages: Vec<MessageView>,
}

/// How to start a conversation.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StartQuery {
    /// The language the customer chose (`en`, `sv`, `nb`, `da`, `fi`, `de`, `nl`, `pl`, `fr`, `es`,
    /// `it`); default the customer's own.
    pub language: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendMessage {
    /// What the customer typed, or a quick reply's payload.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RateConversation {
    /// 1 (very unhappy) to 5 (very happy).
    pub score: i64,
    pub comment: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InstallmentView {
    pub seq: u8,
    pub due: NaiveDate,
    /// Principal, interest and any fee still owed on it, in minor units.
    pub amount_due_minor: i64,
    pub paid_minor: i64,
    pub fee_minor: i64,
    /// The fee was waived: it is not owed, whatever `fee_minor` says it was.
    pub fee_waived: bool,
    pub open: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OrderView {
    pub id: String,
    pub merchant: String,
    pub description: String,
    pub amount_minor: i64,
    pub currency: String,
    /// `pay_in_4`, `pay_in_30` or `financing`.
    pub plan: String,
    /// `active`, `paid_off`, `refunded` or `cancelled`.
    pub status: String,
    pub purchased_on: NaiveDate,
    pub shipped_on: Option<NaiveDate>,
    pub carrier: Option<String>,
    pub tracking: Option<String>,
    pub delivered_on: Option<NaiveDate>,
    pub outstanding_minor: i64,
    pub refunded_minor: i64,
    pub paused: bool,
    pub installments: Vec<InstallmentView>,
}

impl OrderView {
    pub fn from_order(o: &Order) -> OrderView {
        OrderView {
            id: o.id.to_string(),
            merchant: o.merchant.to_string(),
            description: o.description.clone(),
            amount_minor: o.amount.amount_minor,
            currency: o.currency().code().to_owned(),
            plan: o.plan.label().to_owned(),
            status: match o.status {
                OrderStatus::Active => "active",
                OrderStatus::PaidOff => "paid_off",
                OrderStatus::Refunded => "refunded",
                OrderStatus::Cancelled => "cancelled",
            }
            .to_owned(),
            purchased_on: o.purchased_on,
            shipped_on: o.shipped_on,
            carrier: o.shipment.carrier.clone(),
            tracking: o.shipment.tracking.clone(),
            delivered_on: o.shipment.delivered_on,
            outstanding_minor: o.outstanding_minor(),
            refunded_minor: o.refunded_minor,
            paused: o.pause.is_some(),
            installments: o
                .installments
                .iter()
                .map(|i| InstallmentView {
                    seq: i.seq,
                    due: i.due,
                    amount_due_minor: if i.is_open() { i.amount_due_minor() } else { 0 },
                    paid_minor: i.paid_minor,
                    fee_minor: i.fee_minor,
                    fee_waived: i.fee_waived,
                    open: i.is_open(),
                })
                .collect(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Login {
    pub name: String,
    pub password: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AgentView {
    pub id: String,
    pub name: String,
    /// `agent` or `supervisor`.
    pub role: String,
}

impl AgentView {
    pub fn new(id: &str, name: &str, role: Role) -> AgentView {
        AgentView {
            id: id.to_owned(),
            name: name.to_owned(),
            role: role.as_str().to_owned(),
        }
    }
}

/// The logged-in agent, and the token to send as `X-CSRF-Token` on every change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AgentSessionView {
    pub agent: AgentView,
    pub csrf_token: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct QueueView {
    /// Waiting for a person, highest priority first, then longest waiting.
    pub queued: Vec<ConversationView>,
    /// Held by the asking agent (a supervisor sees everyone's).
    pub held: Vec<ConversationView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CustomerView {
    pub id: String,
    pub name: String,
    pub language: String,
    pub country: String,
}

/// Everything an agent needs to take over: the transcript, the bot's summary, the customer's orders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CaseView {
    pub conversation: ConversationView,
    pub agent_id: Option<String>,
    /// The bot's handoff summary: errand, order, what was done, sentiment.
    pub summary: Option<String>,
    pub customer: CustomerView,
    pub orders: Vec<OrderView>,
    pub messages: Vec<MessageView>,
    /// Other agents looking at the case right now (names; kept in memory by this process).
    #[serde(default)]
    pub viewers: Vec<String>,
}

/// A money action an agent takes for the conversation's customer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum AgentAction {
    MoveDueDate {
        order: String,
        installment: u8,
        new_due: NaiveDate,
    },
    WaiveLateFee {
        order: String,
        installment: u8,
        /// The fee the agent saw; refused if it changed.
        fee_minor: i64,
    },
    Cancel {
        order: String,
    },
    StartReturn {
        order: String,
    },
    OpenDispute {
        order: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ActionDone {
    pub order: OrderView,
    /// The idempotency key the action ran under (a repeat of the same key changes nothing).
    pub key: String,
}

/// A plan as a checkout names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlanChoice {
    /// Named as orders show their plan (`PlanKind::label`); the first spelling, from the snake_case
    /// rule, is still accepted.
    #[serde(rename = "pay_in_4", alias = "pay_in4")]
    PayIn4,
    #[serde(rename = "pay_in_30", alias = "pay_in30")]
    PayIn30,
    Financing6,
    Financing12,
    Financing24,
    Financing36,
}

impl PlanChoice {
    pub fn plan(self, apr_nominal_bp: u32) -> PlanKind {
        use fairdesk_ledger::Term;
        let financing = |term| PlanKind::Financing {
            term,
            apr_nominal_bp,
        };
        match self {
            PlanChoice::PayIn4 => PlanKind::PayIn4,
            PlanChoice::PayIn30 => PlanKind::PayIn30,
            PlanChoice::Financing6 => financing(Term::M6),
            PlanChoice::Financing12 => financing(Term::M12),
            PlanChoice::Financing24 => financing(Term::M24),
            PlanChoice::Financing36 => financing(Term::M36),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrder {
    pub customer: String,
    pub description: String,
    pub amount_minor: i64,
    /// ISO code; must be the merchant's currency.
    pub currency: String,
    pub plan: PlanChoice,
    /// The customer's consent to this purchase (merchant, amount, currency), from the lender's
    /// side of the checkout: see `POST /api/v1/me/checkout-consents`.
    #[serde(default)]
    pub consent: Option<String>,
}

/// A purchase the customer agrees to at a merchant's checkout.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentRequest {
    pub merchant: String,
    pub amount_minor: i64,
    /// ISO code.
    pub currency: String,
}

/// The customer's signed consent, for the merchant to pass as `consent` when creating the order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConsentView {
    pub consent: String,
    pub expires_at: DateTime<Utc>,
}

/// The carrier and tracking number of a shipment (both optional).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShippedBody {
    #[serde(default)]
    pub carrier: Option<String>,
    #[serde(default)]
    pub tracking: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AmountBody {
    pub amount_minor: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Health {
    pub status: String,
}
