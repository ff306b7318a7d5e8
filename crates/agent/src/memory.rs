//! The engine's working memory of one conversation, stored as JSON with the conversation.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use fairdesk_ledger::OrderId;
use serde::{Deserialize, Serialize};

use crate::actions::Action;
use crate::flows::Errand;
use crate::handoff::HandoffReason;

/// An errand waiting for the customer to say which order they mean.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwaitingOrder {
    pub errand: Errand,
    pub candidates: Vec<OrderId>,
    /// Dates the customer named when asking, carried over to the chosen order.
    #[serde(default)]
    pub dates: Vec<chrono::NaiveDate>,
}

/// A money action the bot proposed, waiting for the customer's explicit yes. Bound to the exact
/// action and parameters; it expires; its id is the idempotency key of the execution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    pub id: String,
    pub errand: Errand,
    pub action: Action,
    pub expires_at: DateTime<Utc>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    pub awaiting_order: Option<AwaitingOrder>,
    pub pending: Option<Pending>,
    pub not_understood_in_a_row: u32,
    pub failures: BTreeMap<String, u32>,
    pub refusals: u32,
    pub turns: u32,
    pub confirmations_issued: u32,
    /// What the bot did or learned, for the human's summary.
    pub log: Vec<String>,
    pub last_errand: Option<Errand>,
    pub last_order: Option<OrderId>,
    pub frustrated: bool,
    /// The bot offered to connect a person; a yes hands over.
    #[serde(default)]
    pub offered_person: bool,
    pub handoff: Option<HandoffReason>,
}

impl Memory {
    pub fn from_json(value: &serde_json::Value) -> Memory {
        serde_json::from_value(value.clone()).unwrap_or_default()
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Records an errand that could not be completed; returns how often it failed.
    pub fn fail(&mut self, errand: Errand) -> u32 {
        let n = self.failures.entry(errand.as_str().to_owned()).or_insert(0);
        *n += 1;
        *n
    }
}
