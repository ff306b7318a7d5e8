//! Understanding customers in their own language: language identification, intent
//! classification and slot extraction for fairdesk's conversation engine.
//!
//! Everything here is tier 1 of the design's cascade: small linear models over character and
//! word n-grams, trained in seconds from the repository's own example files, classifying in
//! microseconds with no downloads and no clock.
//!
//! - [`Understander`]: language + BNPL [`Intent`] + confidence for one message; the built-in
//!   model is trained from the embedded example files by `fairdesk-model`'s build script.
//! - [`read_reply`]: whether an answer to a proposal is a yes (a whitelist, see [`reply`]).
//! - [`TextClassifier`]: the generic classifier underneath (any label set, e.g. BANKING77), with
//!   versioned model files ([`format`]) and evaluation ([`eval`]).
//! - [`extract_slots`]: order references, amounts, dates, installments and merchants.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod artifact;
pub mod classifier;
pub mod clauses;
pub mod dataset;
pub mod eval;
pub mod features;
pub mod format;
pub mod gibberish;
pub mod handoff;
pub mod intent;
pub mod lang;
pub mod linear;
pub mod reply;
pub mod slots;
pub mod text;
pub mod understander;
pub mod vectorizer;

pub use classifier::{ClassifierConfig, Prediction, Reject, TextClassifier, TrainError};
pub use dataset::{DataError, Example, read_all, read_examples};
pub use format::ModelError;
pub use intent::Intent;
pub use lang::{Lang, LanguageIdentifier};
pub use reply::{Proposal, Reply, read_reply};
pub use slots::{
    Amount, DateOrder, Installment, MerchantMatch, SlotContext, Slots, Span, extract_slots,
    without_dates,
};
pub use understander::{UnderstandError, Understander, Understanding};
