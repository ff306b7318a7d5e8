//! fairdesk's conversation engine: understand → hand off → decide → act → reply.
//!
//! Each customer message is masked (card numbers, IBANs, national ids), understood (language,
//! intent, slots), checked for a handoff in code (before any flow), then routed to the flow of its
//! errand. Flows answer from figures computed by the ledger or propose a money action; the customer's
//! explicit yes, bound to the exact action and amount, executes it idempotently. Replies come from
//! localized templates. The customer's identity comes from the caller as an
//! [`AuthenticatedCustomer`], never from the text.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod actions;
mod engine;
pub mod flows;
mod guard;
pub mod handoff;
pub mod help;
pub mod locale;
pub mod mask;
pub mod memory;
pub mod policy;
mod reference;
pub mod replies;
mod split;
pub mod summary;

use fairdesk_ledger::CustomerId;

pub use engine::{Engine, EngineError, Turn, quick_reply_intent};
pub use policy::AgentPolicy;

/// A customer whose identity the caller has verified (a signed token, a session). Tools act only on
/// this customer's orders; no text the customer or a model writes can change it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthenticatedCustomer(CustomerId);

impl AuthenticatedCustomer {
    /// Wraps an id the caller has authenticated. Call only after verifying the customer.
    pub fn verified(id: CustomerId) -> AuthenticatedCustomer {
        AuthenticatedCustomer(id)
    }

    pub fn id(&self) -> &CustomerId {
        &self.0
    }
}
