//! The lender's conversation policy, read from a TOML file and validated at start.
//!
//! Everything a lender may want to tune without code lives here: the money core's limits (due-date
//! moves, fees, waivers, pauses), the human queues and their priorities, when the bot hands over, and
//! the limits on messages and turns. A bad file is refused at start with an error that names the
//! field, so a typo can't silently fall back to a default.

use std::collections::BTreeMap;
use std::path::Path;

use fairdesk_ledger::Policy as LedgerPolicy;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AgentPolicy {
    pub ledger: LedgerPolicy,
    pub handoff: HandoffPolicy,
    /// Human queues by name, with their priority (higher is served first).
    pub queues: BTreeMap<String, i64>,
    pub limits: Limits,
    /// Where customers update their card (never in chat) and their personal details.
    pub links: Links,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HandoffPolicy {
    /// Below this intent confidence a message counts as not understood.
    pub confidence_min: f32,
    /// Not-understood messages in a row before a person takes over.
    pub not_understood_in_a_row_max: u32,
    /// Failures of the same errand before a person takes over.
    pub errand_failures_max: u32,
    /// Declined proposals in a conversation before a person takes over.
    pub refusals_max: u32,
    /// Frustrated messages that still carry an errand, answered before a person takes over (one
    /// without an errand hands over at once).
    pub frustrated_messages_max: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    pub message_bytes_max: usize,
    pub turns_max: u32,
    pub confirmation_ttl_seconds: i64,
    /// Customer messages per rolling minute the bot answers; beyond it asks the customer to slow down.
    pub messages_per_minute_max: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Links {
    pub update_card: String,
    pub personal_details: String,
}

/// The queues the engine routes to; a policy file must define each.
pub const QUEUES: [&str; 6] = [
    "general",
    "payments",
    "disputes",
    "hardship",
    "fraud",
    "complaints",
];

impl Default for AgentPolicy {
    fn default() -> Self {
        let queues = [
            ("fraud", 100),
            ("hardship", 60),
            ("complaints", 50),
            ("disputes", 40),
            ("payments", 30),
            ("general", 10),
        ];
        AgentPolicy {
            ledger: LedgerPolicy::default(),
            handoff: HandoffPolicy::default(),
            queues: queues.into_iter().map(|(q, p)| (q.to_owned(), p)).collect(),
            limits: Limits::default(),
            links: Links::default(),
        }
    }
}

impl Default for HandoffPolicy {
    fn default() -> Self {
        HandoffPolicy {
            confidence_min: 0.40,
            not_understood_in_a_row_max: 2,
            errand_failures_max: 2,
            refusals_max: 2,
            frustrated_messages_max: 3,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            message_bytes_max: 4_000,
            turns_max: 60,
            confirmation_ttl_seconds: 600,
            messages_per_minute_max: 20,
        }
    }
}

impl Default for Links {
    fn default() -> Self {
        Links {
            update_card: "https://pay.example.com/card".to_owned(),
            personal_details: "https://pay.example.com/profile".to_owned(),
        }
    }
}

#[derive(Debug, Error)]
pub enum PolicyError {
    #[error("cannot read policy file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid policy file {path}: {message}")]
    Parse { path: String, message: String },
    #[error("invalid policy: {0}")]
    Invalid(String),
}

impl AgentPolicy {
    pub fn from_file(path: &Path) -> Result<AgentPolicy, PolicyError> {
        let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
            path: path.display().to_string(),
            source,
        })?;
        AgentPolicy::from_toml(&text).map_err(|e| match e {
            PolicyError::Parse { message, .. } => PolicyError::Parse {
                path: path.display().to_string(),
                message,
            },
            other => other,
        })
    }

    pub fn from_toml(text: &str) -> Result<AgentPolicy, PolicyError> {
        let policy: AgentPolicy = toml::from_str(text).map_err(|e| PolicyError::Parse {
            path: "(text)".to_owned(),
            message: e.to_string(),
        })?;
        policy.validate()?;
        Ok(policy)
    }

    pub fn validate(&self) -> Result<(), PolicyError> {
        let bad = |m: &str| Err(PolicyError::Invalid(m.to_owned()));
        if let Some(missing) = QUEUES.iter().find(|q| !self.queues.contains_key(**q)) {
            return Err(PolicyError::Invalid(format!("queues.{missing} is missing")));
        }
        if !(0.0..=1.0).contains(&self.handoff.confidence_min) {
            return bad("handoff.confidence_min must be between 0 and 1");
        }
        if self.handoff.not_understood_in_a_row_max == 0 || self.handoff.errand_failures_max == 0 {
            return bad("handoff counters must be at least 1");
        }
        if !(100..=100_000).contains(&self.limits.message_bytes_max) {
            return bad("limits.message_bytes_max must be between 100 and 100000");
        }
        if !(1..=600).contains(&self.limits.messages_per_minute_max) {
            return bad("limits.messages_per_minute_max must be between 1 and 600");
        }
        if !(10..=86_400).contains(&self.limits.confirmation_ttl_seconds) {
            return bad("limits.confirmation_ttl_seconds must be between 10 and 86400");
        }
        if self.ledger.due_date_move_days_max > 60 || self.ledger.grace_days > 60 {
            return bad("ledger day limits must be at most 60");
        }
        for link in [&self.links.update_card, &self.links.personal_details] {
            if !link.starts_with("https://") {
                return Err(PolicyError::Invalid(format!(
                    "links must be https:// URLs: {link}"
                )));
            }
        }
        Ok(())
    }

    pub fn queue_priority(&self, queue: &str) -> i64 {
        self.queues.get(queue).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_gives_the_default_policy() {
        assert_eq!(AgentPolicy::from_toml("").unwrap(), AgentPolicy::default());
    }

    #[test]
    fn the_documented_example_file_is_exactly_the_default_policy() {
        let example =
            AgentPolicy::from_toml(include_str!("../../../docs/policy.example.toml")).unwrap();
        assert_eq!(example, AgentPolicy::default());
    }

    #[test]
    fn values_can_be_overridden_per_section() {
        let p = AgentPolicy::from_toml(
            "[ledger]\ndue_date_move_days_max = 7\n[handoff]\nrefusals_max = 3\n",
        )
        .unwrap();
        assert_eq!(p.ledger.due_date_move_days_max, 7);
        assert_eq!(p.handoff.refusals_max, 3);
        assert_eq!(p.ledger.grace_days, LedgerPolicy::default().grace_days);
    }

    #[test]
    fn typos_and_bad_values_are_refused_with_the_field_named() {
        let typo = AgentPolicy::from_toml("[ledger]\ndue_date_move_dayz = 7\n").unwrap_err();
        assert!(typo.to_string().contains("due_date_move_dayz"), "{typo}");
        let range = AgentPolicy::from_toml("[handoff]\nconfidence_min = 2.0\n").unwrap_err();
        assert!(range.to_string().contains("confidence_min"), "{range}");
        let link = AgentPolicy::from_toml("[links]\nupdate_card = \"http://x\"\n").unwrap_err();
        assert!(link.to_string().contains("https"), "{link}");
        let queue = AgentPolicy::from_toml("[queues]\ngeneral = 1\n").unwrap_err();
        assert!(queue.to_string().contains("queues.payments"), "{queue}");
    }
}
