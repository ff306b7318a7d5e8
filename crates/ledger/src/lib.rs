//! fairdesk's money core: a BNPL lender's books as a pure function of operations.
//!
//! Money is integer minor units ([`Money`]); plans and schedules are computed ([`schedule`]); every
//! [`Operation`] is decided by [`apply`] into new aggregate versions and balanced [`Posting`]s, with the
//! invariants asserted on every result. There is no I/O and no clock here: the store persists, the caller
//! passes the date. [`MemoryBook`] keeps books in memory with the same idempotency rules as the store,
//! for tests and as the reference semantics.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod apply;
pub mod book;
pub mod error;
pub mod ids;
pub mod invariants;
mod lifecycle;
pub mod money;
pub mod ops;
pub mod order;
mod payments;
pub mod policy;
pub mod posting;
pub mod schedule;

pub use apply::{Books, Effect, apply};
pub use book::{KeyReused, MemoryBook, Outcome};
pub use error::LedgerError;
pub use ids::{CustomerId, IdError, IdempotencyKey, MerchantId, OrderId};
pub use money::{Currency, Money, MoneyError};
pub use ops::{DeclineReason, DisputeOutcome, Operation, Targets};
pub use order::{
    Closure, CreditCost, Customer, Installment, Merchant, Order, OrderStatus, Pause, PaymentMethod,
    PayoffQuote, Shipment,
};
pub use policy::Policy;
pub use posting::{Account, Balances, Posting};
pub use schedule::{PlanKind, Term};
