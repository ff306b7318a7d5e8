//! Trains the built-in BNPL understander (language identifier + intent model) from the example
//! files embedded in `fairdesk-understand` and writes it to `OUT_DIR`, where `src/lib.rs` embeds it.
//!
//! Training once here instead of at every start is what lets `fairdesk serve` answer within
//! milliseconds. The build script reruns whenever `fairdesk-understand` changes, which includes
//! any change to its training files, so the shipped model is never stale. Training is
//! deterministic: the same files give the same bytes.

use std::env;
use std::fs;
use std::path::PathBuf;

use fairdesk_understand::Understander;
use fairdesk_understand::understander::{bnpl_config, bnpl_training_examples};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    let examples = bnpl_training_examples()?;
    let model = Understander::train(&examples, &bnpl_config())?;
    let out = PathBuf::from(env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    fs::write(out.join("bnpl.understander"), model.to_bytes())?;
    Ok(())
}
