//! Conversation writes, and group commit on SQLite.
//!
//! Every change to a conversation (a new one with its greeting, a turn, a message, a state change)
//! is a [`Write`]. On PostgreSQL each runs in its own transaction. On SQLite only one connection can
//! write at a time and every commit waits for an fsync, so writes from concurrent chats queue for one
//! writer task, which commits whatever has queued up since its last commit in one transaction: one
//! fsync for many turns, and no connection sleeping in SQLite's busy handler for the write lock.
//!
//! The writer task owns its jobs: a caller that goes away (a customer who closes the tab mid-turn)
//! does not cancel a half-done transaction; the turn is saved whole or not at all.

use std::sync::{Arc, Mutex};

use sqlx::{AnyConnection, AnyPool};
use tokio::sync::{mpsc, oneshot};

use crate::conversations::{append_messages, insert_conversation, update_conversation};
use crate::{Backend, Conversation, Message, StoreError};

/// How many writes one group commit takes at most.
const BATCH_MAX: usize = 64;

/// How many times a write that lost a race with another process (busy database, a racing `seq`) is
/// retried.
const ATTEMPTS_MAX: u32 = 20;

/// One change to a conversation; saved whole or not at all.
#[derive(Clone, Debug)]
pub(crate) enum Write {
    /// A new conversation and its first messages.
    Create(Conversation, Vec<Message>),
    /// A changed conversation (if its version is still the one read, else
    /// [`StoreError::Conflict`]) and its new messages.
    Update(Conversation, Vec<Message>),
    /// New messages of a conversation, which itself is unchanged.
    Append(Vec<Message>),
}

/// The saved messages, with their `seq`s.
type Saved = Result<Vec<Message>, StoreError>;

struct Job {
    write: Write,
    reply: oneshot::Sender<Saved>,
}

/// The queue in front of SQLite's single writer.
#[derive(Clone, Debug)]
pub(crate) struct Writer {
    pool: AnyPool,
    /// Every write transaction of this process holds it, so writers wait their turn here rather than
    /// in SQLite's busy handler.
    lock: Arc<tokio::sync::Mutex<()>>,
    jobs: Arc<Mutex<Option<mpsc::UnboundedSender<Job>>>>,
}

impl Writer {
    pub(crate) fn new(pool: AnyPool) -> Writer {
        Writer {
            pool,
            lock: Arc::new(tokio::sync::Mutex::new(())),
            jobs: Arc::new(Mutex::new(None)),
        }
    }

    /// Held by every other write transaction of this process (the ledger's).
    pub(crate) async fn lock(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.lock.lock().await
    }

    /// Queues a write for the next group commit and waits for it.
    pub(crate) async fn submit(&self, write: Write) -> Saved {
        let (reply, done) = oneshot::channel();
        self.sender()
            .send(Job { write, reply })
            .map_err(|_| stopped())?;
        done.await.map_err(|_| stopped())?
    }

    /// The writer task's queue; the task is started on first use, and again if the runtime it ran
    /// on has shut down.
    fn sender(&self) -> mpsc::UnboundedSender<Job> {
        let mut jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = jobs.as_ref().filter(|tx| !tx.is_closed()) {
            return tx.clone();
        }
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(run(self.pool.clone(), Arc::clone(&self.lock), rx));
        *jobs = Some(tx.clone());
        tx
    }
}

fn stopped() -> StoreError {
    StoreError::Database(sqlx::Error::WorkerCrashed)
}

async fn run(
    pool: AnyPool,
    lock: Arc<tokio::sync::Mutex<()>>,
    mut jobs: mpsc::UnboundedReceiver<Job>,
) {
    let mut batch = Vec::with_capacity(BATCH_MAX);
    while jobs.recv_many(&mut batch, BATCH_MAX).await > 0 {
        let guard = lock.lock().await;
        // Whatever queued while waiting for the lock rides along.
        while batch.len() < BATCH_MAX {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let writes: Vec<&Write> = batch.iter().map(|j| &j.write).collect();
        match commit_group(&pool, "BEGIN IMMEDIATE", &writes).await {
            Ok(results) => {
                for (job, result) in batch.drain(..).zip(results) {
                    // A caller that went away no longer needs the answer; its turn is saved.
                    let _ = job.reply.send(result);
                }
            }
            // One bad write must not fail its neighbours: each is tried again on its own.
            Err(_) => {
                for job in batch.drain(..) {
                    let result = write_alone(&pool, Backend::Sqlite, &job.write).await;
                    let _ = job.reply.send(result);
                }
            }
        }
        drop(guard);
    }
}

/// Several writes in one transaction, retried when it lost a race. A version conflict fails only its
/// own write (it wrote nothing); any other error rolls the whole group back and is returned.
async fn commit_group(
    pool: &AnyPool,
    begin: &'static str,
    writes: &[&Write],
) -> Result<Vec<Saved>, StoreError> {
    for _ in 0..ATTEMPTS_MAX {
        let result = async {
            let mut tx = pool.begin_with(begin).await?;
            let mut results = Vec::with_capacity(writes.len());
            for write in writes {
                match apply(&mut tx, write).await {
                    Err(StoreError::Conflict(id)) => results.push(Err(StoreError::Conflict(id))),
                    other => results.push(Ok(other?)),
                }
            }
            tx.commit().await?;
            Ok::<_, StoreError>(results)
        }
        .await;
        match result {
            Err(e) if e.is_retryable() => continue,
            other => return other,
        }
    }
    Err(StoreError::Busy {
        attempts: ATTEMPTS_MAX,
    })
}

/// One write in its own transaction, retried when it lost a race.
pub(crate) async fn write_alone(pool: &AnyPool, backend: Backend, write: &Write) -> Saved {
    let begin = match backend {
        Backend::Sqlite => "BEGIN IMMEDIATE",
        Backend::Postgres => "BEGIN",
    };
    commit_group(pool, begin, &[write])
        .await?
        .pop()
        .unwrap_or_else(|| Err(StoreError::Corrupt("a write went unanswered".to_owned())))
}

/// Applies one write inside the caller's transaction; assigns the messages their `seq`s.
async fn apply(conn: &mut AnyConnection, write: &Write) -> Saved {
    let (id, messages) = match write {
        Write::Create(c, messages) => {
            insert_conversation(conn, c).await?;
            (c.id.as_str(), messages)
        }
        Write::Update(c, messages) => {
            if update_conversation(conn, c).await? != 1 {
                return Err(StoreError::Conflict(c.id.clone()));
            }
            (c.id.as_str(), messages)
        }
        Write::Append(messages) => match messages.first() {
            Some(m) => (m.conversation_id.as_str(), messages),
            None => return Ok(Vec::new()),
        },
    };
    if messages.is_empty() {
        return Ok(Vec::new());
    }
    let first = append_messages(conn, id, messages).await?;
    let saved: Vec<Message> = messages
        .iter()
        .zip(first..)
        .map(|(m, seq)| Message {
            seq,
            conversation_id: id.to_owned(),
            ..m.clone()
        })
        .collect();
    Ok(saved)
}
