//! Scenario suites for the conversation engine: a fixture (customer, orders, their history as of a
//! date), customer turns with alternative phrasings, expectations per turn, and the end state of the
//! ledger and the conversation. Scenarios run through the same engine the server uses, each on a
//! fresh SQLite database, and every phrasing variant must pass (pass^k).

mod fixture;
mod proposal;
mod run;
pub mod scenario;

use thiserror::Error;

pub use run::{Outcome, Report, collect_files, group, load, run_files};
pub use scenario::Scenario;

#[derive(Debug, Error)]
pub enum EvalError {
    #[error("{path}: {message}")]
    File { path: String, message: String },
    #[error("fixture: {0}")]
    Fixture(String),
    #[error(transparent)]
    Engine(#[from] fairdesk_agent::EngineError),
    #[error(transparent)]
    Store(#[from] fairdesk_store::StoreError),
    #[error("temporary directory: {0}")]
    Io(#[from] std::io::Error),
}
