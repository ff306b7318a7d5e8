//! Conversations and messages: what the customer and the assistant (or a human) said, and where the
//! conversation stands (with the bot, queued for a human, with a human, closed).
//!
//! A conversation row changes in place, guarded by a version number so two writers can't silently
//! overwrite each other; messages are append-only. The engine's working memory is stored as JSON in
//! the conversation so any process can continue any conversation.

use chrono::{DateTime, Utc};
use fairdesk_ledger::CustomerId;
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::group::{Write, write_alone};
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

/// Errands that are small talk, not something the customer came for.
const SMALL_TALK: [&str; 2] = ["greeting", "thanks_goodbye"];

/// What the stats keep from the engine's working memory: whether the bot has resolved an errand
/// (its count `resolved`), and the errand it works on (`last_errand`), small talk left out.
fn memory_facts(memory: &serde_json::Value) -> (i64, Option<String>) {
    let resolved = memory
        .get("resolved")
        .and_then(serde_json::Value::as_u64)
        .is_some_and(|n| n > 0);
    let errand = memory
        .get("last_errand")
        .and_then(serde_json::Value::as_str)
        .filter(|e| !SMALL_TALK.contains(e))
        .map(str::to_owned);
    (i64::from(resolved), errand)
}

/// Writes a conversation's new state if its version is still `c.version`; returns rows changed.
///
/// The one place a conversation changes, so the times the stats need are set here, from the old
/// row (the right-hand sides of `SET` read it) and the change's `updated_at`: the first handoff
/// and its queue, the first person joining, the bot's first resolved errand, the current close
/// (cleared when the customer writes again), and the first errand.
pub(crate) async fn update_conversation(
    conn: &mut AnyConnection,
    c: &Conversation,
) -> Result<u64, StoreError> {
    let sql = "UPDATE conversations SET state = $1, language = $2, queue = $3, priority = $4, \
               queued_at = $5, agent_id = $6, memory = $7, updated_at = $8, version = $9, \
               handed_at = CASE WHEN handed_at IS NULL AND $1 = 'queued' THEN $8 ELSE handed_at END, \
               handed_queue = CASE WHEN handed_at IS NULL AND $1 = 'queued' THEN $3 \
                 ELSE handed_queue END, \
               joined_at = CASE WHEN joined_at IS NULL AND $1 = 'human' THEN $8 ELSE joined_at END, \
               bot_resolved_at = CASE WHEN bot_resolved_at IS NULL AND $12 = 1 THEN $8 \
                 ELSE bot_resolved_at END, \
               closed_at = CASE WHEN $1 <> 'closed' THEN NULL WHEN state = 'closed' THEN closed_at \
                 ELSE $8 END, \
               errand = COALESCE(errand, $13) \
               WHERE id = $10 AND version = $11";
    let (resolved, errand) = memory_facts(&c.memory);
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
        .bind(resolved)
        .bind(errand)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}

/// Appends messages to a conversation after its last one, in one statement; returns the `seq` the
/// first one got (the others follow in order).
pub(crate) async fn append_messages(
    conn: &mut AnyConnection,
    conversation_id: &str,
    messages: &[Message],
) -> Result<i64, StoreError> {
    // sqlx 0.9.0's Any driver sends a NULL f64 to PostgreSQL as a float4 parameter, and a statement
    // prepared that way then refuses a real f64; so a missing confidence is written as a literal
    // NULL, never bound.
    let mut rows = Vec::with_capacity(messages.len());
    let mut n = 1;
    for (k, m) in messages.iter().enumerate() {
        let mut params = vec![(k + 1).to_string()];
        params.extend((1..=7).map(|i| format!("${}", n + i)));
        n += 7;
        if m.confidence.is_some() {
            n += 1;
            params.push(format!("${n}"));
        } else {
            params.push("CAST(NULL AS DOUBLE PRECISION)".to_owned());
        }
        rows.push(format!("({})", params.join(", ")));
    }
    let sql = format!(
        "INSERT INTO messages (conversation_id, seq, author, body, language, intent, \
         quick_replies, engine_us, created_at, confidence) \
         SELECT $1, last.seq + v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, \
         v.column7, v.column8, v.column9 \
         FROM (SELECT COALESCE(MAX(seq), 0) AS seq FROM messages WHERE conversation_id = $1) last, \
         (VALUES {}) v RETURNING seq",
        rows.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(conversation_id);
    for m in messages {
        query = query
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
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let mut first = i64::MAX;
    for row in &rows {
        first = first.min(row.try_get::<i64, _>(0)?);
    }
    if rows.len() != messages.len() {
        return Err(StoreError::Corrupt(format!(
            "{} of {} messages saved",
            rows.len(),
            messages.len()
        )));
    }
    Ok(first)
}

pub(crate) async fn insert_conversation(
    conn: &mut AnyConnection,
    c: &Conversation,
) -> Result<(), StoreError> {
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
        .execute(&mut *conn)
        .await?;
    Ok(())
}

impl Store {
    /// Saves one change to conversations, queued for a group commit on SQLite.
    async fn write(&self, write: Write) -> Result<Vec<Message>, StoreError> {
        match self.writer() {
            Some(writer) => writer.submit(write).await,
            None => write_alone(self.pool(), self.backend(), &write).await,
        }
    }

    /// Saves a new conversation and its first messages together; returns the messages with their
    /// `seq`s.
    pub async fn start_conversation(
        &self,
        c: &Conversation,
        messages: &[Message],
    ) -> Result<Vec<Message>, StoreError> {
        self.write(Write::Create(c.clone(), messages.to_vec()))
            .await
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
        self.write(Write::Update(c.clone(), Vec::new())).await?;
        Ok(Conversation {
            version: c.version + 1,
            ..c.clone()
        })
    }

    /// Appends a message; its `seq` is assigned here (the given one is ignored).
    pub async fn append_message(&self, m: &Message) -> Result<Message, StoreError> {
        self.write(Write::Append(vec![m.clone()]))
            .await?
            .pop()
            .ok_or_else(|| StoreError::Corrupt("an appended message was not saved".to_owned()))
    }

    /// Saves one turn atomically: the changed conversation (if nobody else changed it since it was
    /// read, else [`StoreError::Conflict`]) and its new messages in order, `seq`s assigned here. One
    /// commit per turn, and never half a turn.
    pub async fn save_turn(
        &self,
        c: &Conversation,
        messages: &[Message],
    ) -> Result<(Conversation, Vec<Message>), StoreError> {
        let saved = self
            .write(Write::Update(c.clone(), messages.to_vec()))
            .await?;
        let c = Conversation {
            version: c.version + 1,
            ..c.clone()
        };
        Ok((c, saved))
    }

    /// The 1-based place a queued conversation has (or would have, once saved) in the human queue.
    pub async fn queue_position_of(&self, c: &Conversation) -> Result<usize, StoreError> {
        let ahead: i64 = sqlx::query(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM conversations WHERE state = 'queued' AND id <> $1 \
             AND (priority > $2 OR (priority = $2 AND (queued_at < $3 OR (queued_at = $3 AND id < $1))))",
        )
        .bind(c.id.as_str())
        .bind(c.priority)
        .bind(c.queued_at.unwrap_or(c.updated_at).to_rfc3339())
        .fetch_one(self.pool())
        .await?
        .try_get(0)?;
        Ok(usize::try_from(ahead).unwrap_or(0) + 1)
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
