//! The service's own records: human agents and their sessions, merchants' API keys, and customers'
//! ratings of their conversations.
//!
//! Passwords, session tokens and API keys arrive here already hashed by the caller; the store never
//! sees a usable secret.

use chrono::{DateTime, Utc};
use fairdesk_ledger::MerchantId;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::conversations::{CONVERSATION_COLUMNS, conversation_from, time};
use crate::{Conversation, Store, StoreError};

/// What a human agent may do: an agent works the conversations they claimed, a supervisor any.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Agent,
    Supervisor,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Supervisor => "supervisor",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Role, String> {
        match s {
            "agent" => Ok(Role::Agent),
            "supervisor" => Ok(Role::Supervisor),
            other => Err(format!(
                "unknown role {other:?}: use \"agent\" or \"supervisor\""
            )),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentAccount {
    pub id: String,
    pub name: String,
    /// An argon2 PHC string.
    pub password_hash: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

/// A logged-in agent's session, found by the hash of its cookie.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentSession {
    pub agent: AgentAccount,
    /// The SHA-256 (hex) of the session's CSRF token; the token itself is never stored.
    pub csrf_hash: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub conversation_id: String,
    pub score: i64,
    pub comment: Option<String>,
    pub created_at: DateTime<Utc>,
}

const AGENT_COLUMNS: &str = "a.id, a.name, a.password_hash, a.role, a.created_at";

fn agent_from(row: &AnyRow) -> Result<AgentAccount, StoreError> {
    Ok(AgentAccount {
        id: row.try_get(0)?,
        name: row.try_get(1)?,
        password_hash: row.try_get(2)?,
        role: row
            .try_get::<String, _>(3)?
            .parse()
            .map_err(StoreError::Corrupt)?,
        created_at: time(&row.try_get::<String, _>(4)?)?,
    })
}

impl Store {
    /// Adds an agent account; a taken name is refused with [`StoreError::Duplicate`].
    pub async fn add_agent(&self, agent: &AgentAccount) -> Result<(), StoreError> {
        let taken = sqlx::query("SELECT id FROM agents WHERE name = $1")
            .bind(agent.name.as_str())
            .fetch_optional(self.pool())
            .await?;
        if taken.is_some() {
            return Err(StoreError::Duplicate(format!("agent {}", agent.name)));
        }
        sqlx::query(
            "INSERT INTO agents (id, name, password_hash, role, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(agent.id.as_str())
        .bind(agent.name.as_str())
        .bind(agent.password_hash.as_str())
        .bind(agent.role.as_str())
        .bind(agent.created_at.to_rfc3339())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    pub async fn agent_by_name(&self, name: &str) -> Result<Option<AgentAccount>, StoreError> {
        let sql = format!("SELECT {AGENT_COLUMNS} FROM agents a WHERE a.name = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(name)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(agent_from).transpose()
    }

    pub async fn agent_by_id(&self, id: &str) -> Result<Option<AgentAccount>, StoreError> {
        let sql = format!("SELECT {AGENT_COLUMNS} FROM agents a WHERE a.id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(agent_from).transpose()
    }

    /// Starts a session. An agent keeps at most `sessions_max` live sessions: expired ones are
    /// removed, and the oldest beyond the cap ended, so a new login never fails for the cap.
    pub async fn create_session(
        &self,
        token_hash: &str,
        agent_id: &str,
        csrf_hash: &str,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
        sessions_max: usize,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query("DELETE FROM agent_sessions WHERE agent_id = $1 AND expires_at <= $2")
            .bind(agent_id)
            .bind(now.to_rfc3339())
            .execute(&mut *tx)
            .await?;
        let keep = i64::try_from(sessions_max.saturating_sub(1)).unwrap_or(i64::MAX);
        sqlx::query(
            "DELETE FROM agent_sessions WHERE agent_id = $1 AND token_hash NOT IN \
             (SELECT token_hash FROM agent_sessions WHERE agent_id = $1 \
              ORDER BY created_at DESC, token_hash LIMIT $2)",
        )
        .bind(agent_id)
        .bind(keep)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO agent_sessions (token_hash, agent_id, csrf_hash, expires_at, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(agent_id)
        .bind(csrf_hash)
        .bind(expires_at.to_rfc3339())
        .bind(now.to_rfc3339())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Live sessions of an agent at `now`.
    pub async fn session_count(
        &self,
        agent_id: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let n = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM agent_sessions WHERE agent_id = $1 AND expires_at > $2",
        )
        .bind(agent_id)
        .bind(now.to_rfc3339())
        .fetch_one(self.pool())
        .await?;
        Ok(n)
    }

    /// The session whose token hashes to `token_hash`, if it exists and has not expired at `now`.
    pub async fn session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<AgentSession>, StoreError> {
        let sql = format!(
            "SELECT {AGENT_COLUMNS}, s.csrf_hash, s.expires_at FROM agent_sessions s \
             JOIN agents a ON a.id = s.agent_id WHERE s.token_hash = $1"
        );
        let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(token_hash)
            .fetch_optional(self.pool())
            .await?
        else {
            return Ok(None);
        };
        let session = AgentSession {
            agent: agent_from(&row)?,
            csrf_hash: row.try_get(5)?,
            expires_at: time(&row.try_get::<String, _>(6)?)?,
        };
        Ok((session.expires_at > now).then_some(session))
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM agent_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn add_merchant_key(
        &self,
        key_hash: &str,
        merchant: &MerchantId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO merchant_keys (key_hash, merchant_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(key_hash)
        .bind(merchant.as_str())
        .bind(now.to_rfc3339())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The merchant whose API key hashes to `key_hash`.
    pub async fn merchant_by_key(&self, key_hash: &str) -> Result<Option<MerchantId>, StoreError> {
        let row = sqlx::query("SELECT merchant_id FROM merchant_keys WHERE key_hash = $1")
            .bind(key_hash)
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| {
            r.try_get::<String, _>(0)?
                .parse()
                .map_err(|e| StoreError::Corrupt(format!("{e}")))
        })
        .transpose()
    }

    /// Records the customer's rating of a conversation; a conversation is rated once, so a second
    /// rating is refused with [`StoreError::Duplicate`] (also when two race).
    pub async fn record_feedback(&self, f: &Feedback) -> Result<(), StoreError> {
        let done = sqlx::query(
            "INSERT INTO feedback (conversation_id, score, comment, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (conversation_id) DO NOTHING",
        )
        .bind(f.conversation_id.as_str())
        .bind(f.score)
        .bind(f.comment.clone())
        .bind(f.created_at.to_rfc3339())
        .execute(self.pool())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Duplicate(format!(
                "a rating of conversation {}",
                f.conversation_id
            )));
        }
        Ok(())
    }

    pub async fn feedback(&self, conversation_id: &str) -> Result<Option<Feedback>, StoreError> {
        let row = sqlx::query(
            "SELECT conversation_id, score, comment, created_at FROM feedback \
             WHERE conversation_id = $1",
        )
        .bind(conversation_id)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            Ok(Feedback {
                conversation_id: r.try_get(0)?,
                score: r.try_get(1)?,
                comment: r.try_get(2)?,
                created_at: time(&r.try_get::<String, _>(3)?)?,
            })
        })
        .transpose()
    }

    /// Conversations a person holds (state `human`), or only those of `agent_id`.
    pub async fn held_conversations(
        &self,
        agent_id: Option<&str>,
    ) -> Result<Vec<Conversation>, StoreError> {
        let sql = format!(
            "SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE state = 'human' \
             AND (CAST($1 AS TEXT) IS NULL OR agent_id = $1) ORDER BY updated_at, id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(agent_id.map(str::to_owned))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(conversation_from).collect()
    }
}
