//! What can go wrong when the ledger is persisted.

use fairdesk_ledger::{KeyReused, LedgerError};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    /// The money core refused the operation (also when replayed from the idempotency log).
    #[error("refused: {0}")]
    Rejected(LedgerError),
    #[error(transparent)]
    KeyReused(KeyReused),
    #[error("unsupported database URL {0:?}: use sqlite://PATH, a file path, or postgres://…")]
    BadUrl(String),
    /// A name or key that must be unique is taken.
    #[error("{0} already exists")]
    Duplicate(String),
    #[error("conversation {0} was changed by someone else meanwhile; reload and retry")]
    Conflict(String),
    /// A value the store refuses to keep (too long, NUL bytes).
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("the database is busy: gave up after {attempts} attempts")]
    Busy { attempts: u32 },
    /// Stored data could not be read back: a bug or tampering, never a customer's fault.
    #[error("corrupt ledger data: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// A transient conflict between concurrent transactions that a retry resolves: PostgreSQL
    /// serialization failures and deadlocks, unique violations from racing inserts of the same key or
    /// version, and SQLite's busy/locked results.
    pub(crate) fn is_retryable(&self) -> bool {
        let StoreError::Database(sqlx::Error::Database(e)) = self else {
            return false;
        };
        let code = e.code().unwrap_or_default();
        matches!(
            code.as_ref(),
            "40001" | "40P01" | "23505" | "5" | "6" | "261" | "517" | "2067" | "1555"
        )
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}
