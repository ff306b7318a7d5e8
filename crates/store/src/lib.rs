//! fairdesk's persistence: the ledger on SQLite (embedded default) or PostgreSQL, through one API.
//!
//! Every operation runs in one transaction: look up its idempotency key, load the aggregates it reads,
//! decide it with the pure money core, then append the operation (with its outcome, a refusal
//! included), the new aggregate versions and the postings. Nothing is ever updated or deleted — the
//! migrations install triggers that refuse it. Writers are serialized by `BEGIN IMMEDIATE` on SQLite and
//! by SERIALIZABLE transactions with retry on PostgreSQL, so concurrent requests cannot both spend the
//! same refundable amount, and concurrent duplicates of one key have exactly one effect.

mod audit;
mod collect;
mod contacts;
mod conversations;
mod directory;
mod error;
mod group;
mod load;
mod schema;
mod security;
mod service;
mod stats;
pub mod testing;
mod write;

use std::time::Duration;

use chrono::NaiveDate;
use fairdesk_ledger::{
    Customer, CustomerId, IdempotencyKey, KeyReused, Merchant, MerchantId, Operation, Order,
    OrderId, Outcome, Policy, Posting,
};
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};

pub use audit::{AuditReport, CurrencyTotals};
pub use collect::CollectReport;
pub use contacts::{CONTACT_CHARS_MAX, Contact};
pub use conversations::{Author, Conversation, ConversationState, Message, QuickReply};
pub use error::StoreError;
pub use security::{CustomerLoad, LoginThrottle};
pub use service::{AgentAccount, AgentSession, Feedback, Role};
pub use stats::{Durations, Figures, NO_ERRAND, REPEAT_DAYS, Stats, TAKEN_OVER, WINDOW_DAYS_MAX};

/// Which database a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The result of executing an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// Position of the operation in the ledger's log.
    pub op_seq: i64,
    pub postings: Vec<Posting>,
    /// True when the key had been executed before and this is the stored outcome.
    pub replayed: bool,
}

/// One operation to execute, as the batch API takes it.
#[derive(Clone, Debug)]
pub struct Request {
    pub key: IdempotencyKey,
    pub op: Operation,
    pub as_of: NaiveDate,
}

/// How many times a transaction that lost a race is retried before giving up.
const ATTEMPTS_MAX: u32 = 50;

#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    policy: Policy,
    /// SQLite's single writer (group commit); none on PostgreSQL.
    writer: Option<group::Writer>,
}

impl Store {
    /// Connects (creating a SQLite file if needed) and brings the schema up to date.
    pub async fn open(url: &str, policy: Policy) -> Result<Store, StoreError> {
        install_default_drivers();
        let (backend, url) = normalize_url(url)?;
        let options = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(30))
            // A SQLite connection is a file handle that cannot go stale; pinging it before every use
            // would cost a thread hand-off per statement.
            .test_before_acquire(backend == Backend::Postgres);
        let options = match backend {
            Backend::Sqlite => options.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA mmap_size = 268435456; \
                         PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;",
                    )
                    .await
                    .map(|_| ())
                })
            }),
            Backend::Postgres => options,
        };
        if backend == Backend::Sqlite {
            create_private(&url)?;
        }
        let pool = options.connect(&url).await?;
        schema::migrator(backend).run(&pool).await?;
        let writer = (backend == Backend::Sqlite).then(|| group::Writer::new(pool.clone()));
        Ok(Store {
            pool,
            backend,
            policy,
            writer,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    fn writer(&self) -> Option<&group::Writer> {
        self.writer.as_ref()
    }

    /// Executes one operation atomically and idempotently. A refusal by the money core is returned as
    /// [`StoreError::Rejected`] and is itself stored under the key.
    pub async fn execute(
        &self,
        key: &IdempotencyKey,
        op: &Operation,
        as_of: NaiveDate,
    ) -> Result<Receipt, StoreError> {
        // A replay needs no write lock: answer it from the log before starting a transaction.
        let stored = load::stored_operation(&mut *self.pool.acquire().await?, key).await?;
        if let Some(stored) = stored {
            return write::replay(stored, key, op);
        }
        let request = Request {
            key: key.clone(),
            op: op.clone(),
            as_of,
        };
        let mut results = self.execute_batch(std::slice::from_ref(&request)).await?;
        results
            .pop()
            .unwrap_or(Err(StoreError::Corrupt("empty batch result".to_owned())))
    }

    /// Executes several operations in one transaction (used by seeding and the collection job to cut
    /// commit costs). Each operation keeps its own idempotency and outcome; a database failure rolls
    /// the whole batch back and is returned as the outer error.
    pub async fn execute_batch(
        &self,
        requests: &[Request],
    ) -> Result<Vec<Result<Receipt, StoreError>>, StoreError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            match write::run_batch(self, requests).await {
                Err(e) if e.is_retryable() && attempt < ATTEMPTS_MAX => {
                    let backoff_ms = 1u64 << attempt.min(7);
                    tokio::time::sleep(Duration::from_millis(backoff_ms + u64::from(attempt)))
                        .await;
                }
                Err(e) if e.is_retryable() => return Err(StoreError::Busy { attempts: attempt }),
                other => return other,
            }
        }
    }

    pub async fn order(&self, id: &OrderId) -> Result<Option<Order>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(load::latest_order(&mut conn, id).await?.map(|(o, _)| o))
    }

    pub async fn customer(&self, id: &CustomerId) -> Result<Option<Customer>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(load::latest_customer(&mut conn, id).await?.map(|(c, _)| c))
    }

    pub async fn merchant(&self, id: &MerchantId) -> Result<Option<Merchant>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(load::latest_merchant(&mut conn, id).await?.map(|(m, _)| m))
    }

    /// The customer's orders, newest purchase first.
    pub async fn orders_of_customer(&self, id: &CustomerId) -> Result<Vec<Order>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let mut orders = load::latest_orders(&mut conn, Some(id)).await?;
        orders.sort_by(|a, b| (b.purchased_on, &b.id).cmp(&(a.purchased_on, &a.id)));
        Ok(orders)
    }

    /// A customer and their orders (newest first), read together; `None` for an unknown customer.
    pub async fn customer_with_orders(
        &self,
        id: &CustomerId,
    ) -> Result<Option<(Customer, Vec<Order>)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let Some((customer, mut orders)) = load::customer_with_orders(&mut conn, id).await? else {
            return Ok(None);
        };
        orders.sort_by(|a, b| (b.purchased_on, &b.id).cmp(&(a.purchased_on, &a.id)));
        Ok(Some((customer, orders)))
    }

    /// The stored outcome of a key, if it was executed.
    pub async fn outcome(
        &self,
        key: &IdempotencyKey,
    ) -> Result<Option<(Operation, Outcome)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        load::stored_operation(&mut conn, key)
            .await
            .map(|o| o.map(|s| (s.op, s.outcome)))
    }

    /// Recomputes every invariant from the stored postings and versions.
    pub async fn audit(&self) -> Result<AuditReport, StoreError> {
        audit::run(self).await
    }

    /// The daily collection job for `as_of`; see [`collect`].
    pub async fn collect(&self, as_of: NaiveDate) -> Result<CollectReport, StoreError> {
        collect::run(self, as_of).await
    }
}

fn normalize_url(url: &str) -> Result<(Backend, String), StoreError> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Backend::Postgres, url.to_owned()));
    }
    let path = match url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        Some(rest) => rest,
        None if !url.contains("://") && !url.is_empty() => url,
        None => return Err(StoreError::BadUrl(url.to_owned())),
    };
    if path.is_empty() || path.contains(":memory:") {
        // An in-memory database is private to one connection, so a pool would see several.
        return Err(StoreError::BadUrl(url.to_owned()));
    }
    let sep = if path.contains('?') { '&' } else { '?' };
    let mode = if path.contains("mode=") {
        String::new()
    } else {
        format!("{sep}mode=rwc")
    };
    Ok((Backend::Sqlite, format!("sqlite://{path}{mode}")))
}

/// Creates a new SQLite database file readable and writable by its owner only (0600): it holds
/// customers' conversations. SQLite gives its `-wal` and `-shm` files the same permissions as the
/// database file. An existing file keeps the permissions its operator chose.
fn create_private(url: &str) -> Result<(), StoreError> {
    let path = url
        .strip_prefix("sqlite://")
        .unwrap_or(url)
        .split('?')
        .next()
        .unwrap_or_default();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::Invalid(format!(
            "cannot create the database file {path}: {e}"
        ))),
    }
}

impl From<KeyReused> for StoreError {
    fn from(e: KeyReused) -> Self {
        StoreError::KeyReused(e)
    }
}
