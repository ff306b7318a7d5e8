//! Conversations and messages: what the customer and the assistant (or a human) said, and where the
//! conversation stands (with the bot, queued for a human, with a human, closed).
//!
//! A conversation row changes in place, guarded by a version number so two writers can't silently
//! overwrite each other; messages are append-only. The engine's working memory is stored as JSON in
//! the conversation so any process can continue any conversation.

use chrono::{DateTime, Utc};
use fairdesk_ledger::CustomerId;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversationState {
    Bot,
    Queued,
    Human,
    Closed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    Customer,
    Bot,
    Agent,
    System,
}

/// A button under a bot message: the label shown and the payload sent back when pressed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickReply {
    pub label: String,
    pub payload: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    pub id: String,
    pub customer: CustomerId,
    pub state: ConversationState,
    pub language: String,
    pub queue: Option<String>,
    pub priority: i64,
    pub queued_at: Option<DateTime<Utc>>,
    pub agent_id: Option<String>,
    /// The engine's working memory (open errand, pending confirmation, counters).
    pub memory: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub conversation_id: String,
    pub seq: i64,
    pub author: Author,
    pub body: String,
    pub language: Option<String>,
    pub intent: Option<String>,
    pub confidence: Option<f64>,
    pub quick_replies: Vec<QuickReply>,
    /// Engine time spent producing or understanding this message, in microseconds.
    pub engine_us: Option<i64>,
    pub created_at: DateTime<Utc>,
}

fn enum_text<T: Serialize>(value: &T) -> Result<String, StoreError> {
    Ok(serde_json::to_value(value)?
        .as_str()
        .unwrap_or_default()
        .to_owned())
}

fn enum_parse<T: for<'de> Deserialize<'de>>(text: String) -> Result<T, StoreError> {
    Ok(serde_json::from_value(serde_json::Value::String(text))?)
}

pub(crate) fn time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt(format!("timestamp {text:?}: {e}")))
}

pub(crate) const CONVERSATION_COLUMNS: &str = "id, customer_id, state, language, queue, priority, queued_at, \
                                    agent_id, memory, created_at, updated_at, version";

pub(crate) fn conversation_from(row: &AnyRow) -> Result<Conversation, StoreError> {
    let customer: String = row.try_get(1)?;
    Ok(Conversation {
        id: row.try_get(0)?,
        customer: customer
            .parse()
            .map_err(|e| StoreError::Corrupt(format!("{e}")))?,
        state: enum_parse(row.try_get(2)?)?,
        language: row.try_get(3)?,
        queue: row.try_get(4)?,
        priority: row.try_get(5)?,
        queued_at: row
            .try_get::<Option<String>, _>(6)?
            .as_deref()
            .map(time)
            .transpose()?,
        agent_id: row.try_get(7)?,
        memory: serde_json::from_str(&row.try_get::<String, _>(8)?)?,
        created_at: time(&row.try_get::<String, _>(9)?)?,
        updated_at: time(&row.try_get::<String, _>(10)?)?,
        version: row.try_get(11)?,
    })
}

fn message_from(row: &AnyRow) -> Result<Message, StoreError> {
    Ok(Message {
        conversation_id: row.try_get(0)?,
        seq: row.try_get(1)?,
        author: enum_parse(row.try_get(2)?)?,
        body: row.try_get(3)?,
        language: row.try_get(4)?,
        intent: row.try_get(5)?,
        confidence: row.try_get(6)?,
        quick_replies: serde_json::from_str(&row.try_get::<String, _>(7)?)?,
        engine_us: row.try_get(8)?,
        created_at: time(&row.try_get::<String, _>(9)?)?,
    })
}

impl Store {
    pub async fn create_conversation(&self, c: &Conversation) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO conversations ({CONVERSATION_COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(c.id.as_str())
            .bind(c.customer.as_str())
            .bind(enum_text(&c.state)?)
            .bind(c.language.as_str())
            .bind(c.queue.clone())
            .bind(c.priority)
            .bind(c.queued_at.map(|t| t.to_rfc3339()))
            .bind(c.agent_id.clone())
            .bind(serde_json::to_string(&c.memory)?)
            .bind(c.created_at.to_rfc3339())
            .bind(c.updated_at.to_rfc3339())
            .bind(c.version)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn conversation(&self, id: &str) -> Result<Option<Conversation>, StoreError> {
        let sql = format!("SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(conversation_from).transpose()
    }

    /// Saves a changed conversation if nobody else changed it since it was read; returns it with its
    /// new version, or [`StoreError::Conflict`].
    pub async fn save_conversation(&self, c: &Conversation) -> Result<Conversation, StoreError> {
        let sql = "UPDATE conversations SET state = $1, language = $2, queue = $3, priority = $4, \
                   queued_at = $5, agent_id = $6, memory = $7, updated_at = $8, version = $9 \
                   WHERE id = $10 AND version = $11";
        let done = sqlx::query(sql)
            .bind(enum_text(&c.state)?)
            .bind(c.language.as_str())
            .bind(c.queue.clone())
            .bind(c.priority)
            .bind(c.queued_at.map(|t| t.to_rfc3339()))
            .bind(c.agent_id.clone())
            .bind(serde_json::to_string(&c.memory)?)
            .bind(c.updated_at.to_rfc3339())
            .bind(c.version + 1)
            .bind(c.id.as_str())
            .bind(c.version)
            .execute(self.pool())
            .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict(c.id.clone()));
        }
        Ok(Conversation {
            version: c.version + 1,
            ..c.clone()
        })
    }

    /// Appends a message; its `seq` is assigned here (the given one is ignored).
    pub async fn append_message(&self, m: &Message) -> Result<Message, StoreError> {
        for _ in 0..20 {
            let next: i64 = sqlx::query(
                "SELECT CAST(COALESCE(MAX(seq), 0) + 1 AS BIGINT) FROM messages \
                 WHERE conversation_id = $1",
            )
            .bind(m.conversation_id.as_str())
            .fetch_one(self.pool())
            .await?
            .try_get(0)?;
            // sqlx 0.9.0's Any driver sends a NULL f64 to PostgreSQL as a float4 parameter, and a
            // statement prepared that way then refuses a real f64; so a missing confidence is
            // written as a literal NULL, never bound.
            let confidence = if m.confidence.is_some() {
                "$10"
            } else {
                "NULL"
            };
            let sql = format!(
                "INSERT INTO messages (conversation_id, seq, author, body, language, intent, \
                 quick_replies, engine_us, created_at, confidence) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, {confidence})"
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(m.conversation_id.as_str())
                .bind(next)
                .bind(enum_text(&m.author)?)
                .bind(m.body.as_str())
                .bind(m.language.clone())
                .bind(m.intent.clone())
                .bind(serde_json::to_string(&m.quick_replies)?)
                .bind(m.engine_us)
                .bind(m.created_at.to_rfc3339());
            if let Some(c) = m.confidence {
                query = query.bind(c);
            }
            let result = query.execute(self.pool()).await.map_err(StoreError::from);
            match result {
                Ok(_) => {
                    return Ok(Message {
                        seq: next,
                        ..m.clone()
                    });
                }
                Err(e) if e.is_retryable() => continue,
                Err(e) => return Err(e),
            }
        }
        Err(StoreError::Busy { attempts: 20 })
    }

    pub async fn messages(&self, conversation_id: &str) -> Result<Vec<Message>, StoreError> {
        let sql = "SELECT conversation_id, seq, author, body, language, intent, confidence, \
                   quick_replies, engine_us, created_at FROM messages \
                   WHERE conversation_id = $1 ORDER BY seq";
        let rows = sqlx::query(sql)
            .bind(conversation_id)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(message_from).collect()
    }

    /// Conversations waiting for a human, highest priority first, then longest waiting.
    pub async fn queued_conversations(&self) -> Result<Vec<Conversation>, StoreError> {
        let sql = format!(
            "SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE state = 'queued' \
             ORDER BY priority DESC, queued_at, id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(conversation_from).collect()
    }

    /// 1-based place of a queued conversation in the human queue.
    pub async fn queue_position(&self, id: &str) -> Result<Option<usize>, StoreError> {
        let queued = self.queued_conversations().await?;
        Ok(queued.iter().position(|c| c.id == id).map(|p| p + 1))
    }
}
