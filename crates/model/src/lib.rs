//! The built-in BNPL understander, shipped inside the binary.
//!
//! `build.rs` trains it from the training files of `fairdesk-understand` when the crate is built;
//! here it is only read back (tens of milliseconds, once per process). A process that needs
//! another model loads a file written by `fairdesk intents train --out` with
//! [`Understander::load`]: the same format, the same behaviour.

use std::sync::OnceLock;

use fairdesk_understand::{ModelError, Understander};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bnpl.understander"));

/// The built-in understander, read once per process.
pub fn bnpl() -> Result<&'static Understander, &'static ModelError> {
    static MODEL: OnceLock<Result<Understander, ModelError>> = OnceLock::new();
    MODEL
        .get_or_init(|| Understander::from_bytes(BYTES))
        .as_ref()
}

/// The built-in understander's file bytes (what `fairdesk intents train --out` would write for the
/// same training files).
pub fn bnpl_bytes() -> &'static [u8] {
    BYTES
}
