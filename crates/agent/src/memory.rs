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
    /// The proposal as the customer read it, to ask again after a question in between.
    #[serde(default)]
    pub message: String,
}

/// The summary log keeps this many latest entries.
const LOG_ENTRIES_MAX: usize = 30;

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
    /// When the customer's recent messages arrived (for the rate limit), oldest first.
    #[serde(default)]
    pub recent: Vec<DateTime<Utc>>,
    /// The bot offered to connect a person; a yes hands over.
    #[serde(default)]
    pub offered_person: bool,
    pub handoff: Option<HandoffReason>,
    /// Frustrated messages so far.
    #[serde(default)]
    pub frustrated_messages: u32,
    /// The message id of the last request declined in code (someone else's purchases, role-play,
    /// claimed staff), so that insisting gets the same answer rather than a queue.
    #[serde(default)]
    pub declined: Option<String>,
    /// Errands answered or done in this conversation.
    #[serde(default)]
    pub resolved: u32,
    /// The second errand of a message that asked for two, waiting until the first one's open
    /// question (a proposal, a choice of order) is answered.
    #[serde(default)]
    pub later: Option<String>,
}

impl Memory {
    pub fn from_json(value: &serde_json::Value) -> Memory {
        serde_json::from_value(value.clone()).unwrap_or_default()
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Adds an entry to the log for the human's summary, keeping only the latest entries.
    pub fn note(&mut self, entry: String) {
        self.log.push(entry);
        if self.log.len() > LOG_ENTRIES_MAX {
            let excess = self.log.len() - LOG_ENTRIES_MAX;
            self.log.drain(..excess);
        }
    }

    /// Records a customer message at `now`; returns how many arrived within the last minute.
    pub fn arrived(&mut self, now: DateTime<Utc>, keep_max: usize) -> usize {
        let minute_ago = now - chrono::Duration::seconds(60);
        self.recent.retain(|t| *t > minute_ago);
        self.recent.push(now);
        if self.recent.len() > keep_max {
            let excess = self.recent.len() - keep_max;
            self.recent.drain(..excess);
        }
        self.recent.len()
    }

    /// Whether the bot asked something the next message answers: a proposal, a choice of order,
    /// a person offered.
    pub fn has_open_question(&self) -> bool {
        self.pending.is_some() || self.awaiting_order.is_some() || self.offered_person
    }

    /// Records an errand that could not be completed; returns how often it failed.
    pub fn fail(&mut self, errand: Errand) -> u32 {
        let n = self.failures.entry(errand.as_str().to_owned()).or_insert(0);
        *n += 1;
        *n
    }
}
