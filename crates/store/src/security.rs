//! Records that keep the service safe from its own users: failed logins (for back-off and
//! lockouts that hold across processes), complaint references (unique and kept), and the counts
//! behind per-customer caps.
//!
//! Times are stored as RFC 3339 text in UTC, as everywhere in the store; such strings compare in
//! time order, so "since" conditions are plain text comparisons on both backends.

use chrono::{DateTime, Utc};
use fairdesk_ledger::CustomerId;
use sqlx::Row;

use crate::conversations::time;
use crate::{Store, StoreError};

/// The login record of one subject (`name:<agent name>` or `addr:<client address>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginThrottle {
    /// Failed logins since the last success (or the last lift).
    pub failures: i64,
    /// No login is tried for the subject before this time.
    pub blocked_until: Option<DateTime<Utc>>,
    /// Locked until a supervisor lifts it.
    pub locked: bool,
}

/// What one customer holds open, for the per-customer caps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CustomerLoad {
    /// Conversations not closed (with the bot, waiting in the queue, or with a person) and active
    /// at or after the `since` asked about: a conversation left idle stops counting, so a
    /// customer who never closes the chat is not locked out on their next visit.
    pub open: i64,
    /// Conversations waiting in the human queue.
    pub queued: i64,
    /// Conversations started at or after the `since` asked about.
    pub started_since: i64,
}

impl Store {
    pub async fn login_throttle(&self, subject: &str) -> Result<Option<LoginThrottle>, StoreError> {
        let row = sqlx::query(
            "SELECT failures, blocked_until, locked FROM login_throttle WHERE subject = $1",
        )
        .bind(subject)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            Ok(LoginThrottle {
                failures: r.try_get(0)?,
                blocked_until: r
                    .try_get::<Option<String>, _>(1)?
                    .map(|t| time(&t))
                    .transpose()?,
                locked: r.try_get::<i64, _>(2)? != 0,
            })
        })
        .transpose()
    }

    /// Counts a failed login of `subject`; returns the failures so far (concurrent failures are
    /// all counted: the increment is one statement).
    pub async fn record_login_failure(
        &self,
        subject: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let failures = sqlx::query_scalar::<_, i64>(
            "INSERT INTO login_throttle (subject, failures, locked, updated_at) \
             VALUES ($1, 1, 0, $2) ON CONFLICT (subject) DO UPDATE SET \
             failures = login_throttle.failures + 1, updated_at = excluded.updated_at \
             RETURNING failures",
        )
        .bind(subject)
        .bind(now.to_rfc3339())
        .fetch_one(self.pool())
        .await?;
        Ok(failures)
    }

    /// Blocks logins of `subject` until `until` (never shortening a longer block), and locks it
    /// when `lock` is set.
    pub async fn block_login(
        &self,
        subject: &str,
        until: DateTime<Utc>,
        lock: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE login_throttle SET \
             blocked_until = CASE WHEN blocked_until IS NULL OR blocked_until < $2 \
                             THEN $2 ELSE blocked_until END, \
             locked = CASE WHEN $3 = 1 THEN 1 ELSE locked END \
             WHERE subject = $1",
        )
        .bind(subject)
        .bind(until.to_rfc3339())
        .bind(i64::from(lock))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Forgets the failures, back-off and lockout of `subject` (a success, or a supervisor's
    /// lift); true when there was something to forget.
    pub async fn clear_login_throttle(&self, subject: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM login_throttle WHERE subject = $1")
            .bind(subject)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Keeps a complaint reference handed to a customer; a reference already taken is refused with
    /// [`StoreError::Duplicate`].
    pub async fn record_complaint(
        &self,
        reference: &str,
        conversation_id: &str,
        customer: &CustomerId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let taken = sqlx::query("SELECT reference FROM complaints WHERE reference = $1")
            .bind(reference)
            .fetch_optional(self.pool())
            .await?;
        if taken.is_some() {
            return Err(StoreError::Duplicate(format!("complaint {reference}")));
        }
        sqlx::query(
            "INSERT INTO complaints (reference, conversation_id, customer_id, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(reference)
        .bind(conversation_id)
        .bind(customer.as_str())
        .bind(now.to_rfc3339())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The conversation a complaint reference belongs to.
    pub async fn complaint(&self, reference: &str) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT conversation_id FROM complaints WHERE reference = $1")
            .bind(reference)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    /// The customer's open conversations active since `since`, their queued ones, and those
    /// started at or after `since`.
    pub async fn customer_load(
        &self,
        customer: &CustomerId,
        since: DateTime<Utc>,
    ) -> Result<CustomerLoad, StoreError> {
        let row = sqlx::query(
            "SELECT \
             COALESCE(SUM(CASE WHEN state <> 'closed' AND updated_at >= $2 THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN state = 'queued' THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN created_at >= $2 THEN 1 ELSE 0 END), 0) \
             FROM conversations WHERE customer_id = $1",
        )
        .bind(customer.as_str())
        .bind(since.to_rfc3339())
        .fetch_one(self.pool())
        .await?;
        Ok(CustomerLoad {
            open: row.try_get(0)?,
            queued: row.try_get(1)?,
            started_since: row.try_get(2)?,
        })
    }

    /// Messages the customer wrote at or after `since`: in all their conversations, and in
    /// `conversation_id`.
    pub async fn customer_messages_since(
        &self,
        customer: &CustomerId,
        conversation_id: &str,
        since: DateTime<Utc>,
    ) -> Result<(i64, i64), StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*), \
             COALESCE(SUM(CASE WHEN m.conversation_id = $2 THEN 1 ELSE 0 END), 0) \
             FROM messages m JOIN conversations c ON c.id = m.conversation_id \
             WHERE c.customer_id = $1 AND m.author = 'customer' AND m.created_at >= $3",
        )
        .bind(customer.as_str())
        .bind(conversation_id)
        .bind(since.to_rfc3339())
        .fetch_one(self.pool())
        .await?;
        Ok((row.try_get(0)?, row.try_get(1)?))
    }
}
