//! Live events: a new message, a conversation changing hands, a place in the queue, someone typing,
//! agents looking at a case.
//!
//! Inside a process, the [`Hub`] routes each event to the WebSockets of its conversation and to the
//! agents' consoles. Between processes on PostgreSQL, the [`Bus`] publishes through
//! `NOTIFY fairdesk_events` and every process (the publishing one included) delivers what its
//! `LISTEN` receives, so a customer on process A and an agent on process B see the same events in the
//! same order. PostgreSQL is already the shared state of a multi-process deployment, so it carries
//! the events too: no extra broker to run. On SQLite (one process) events go straight to the hub.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use fairdesk_store::{Backend, Store};
use serde::{Deserialize, Serialize};
use sqlx::postgres::PgListener;
use tokio::sync::broadcast;
use utoipa::ToSchema;

use crate::api::{ConversationView, MessageView};

pub const CHANNEL: &str = "fairdesk_events";
/// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; bigger events travel as a reference.
const NOTIFY_BYTES_MAX: usize = 7_900;
/// Events a slow WebSocket may fall behind before it misses some (it is told to reload).
const ROOM_CAPACITY: usize = 64;
const CONSOLE_CAPACITY: usize = 1_024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// A message was added to a conversation (by anyone).
    Message {
        conversation_id: String,
        message: MessageView,
    },
    /// A conversation changed state: queued, claimed, handed back, resolved.
    Conversation { conversation: ConversationView },
    /// The conversation's place in the human queue.
    QueuePosition {
        conversation_id: String,
        position: usize,
    },
    /// Someone is typing (`customer` or `agent`).
    Typing {
        conversation_id: String,
        author: String,
    },
    /// The agents looking at a conversation in the console changed (for agents only).
    Viewers {
        conversation_id: String,
        agents: Vec<String>,
    },
}

impl Event {
    pub fn conversation_id(&self) -> &str {
        match self {
            Event::Message {
                conversation_id, ..
            }
            | Event::QueuePosition {
                conversation_id, ..
            }
            | Event::Typing {
                conversation_id, ..
            }
            | Event::Viewers {
                conversation_id, ..
            } => conversation_id,
            Event::Conversation { conversation } => &conversation.id,
        }
    }
}

/// What travels over NOTIFY: the event, or where to read a message too big for a notification.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Envelope {
    Event {
        event: Event,
    },
    MessageRef {
        conversation_id: String,
        seq: i64,
    },
    /// The human queue changed: each process tells its own listeners their new place.
    QueueChanged,
}

/// In-process routing of events to the WebSockets that want them.
#[derive(Debug)]
pub struct Hub {
    rooms: Mutex<HashMap<String, broadcast::Sender<Arc<Event>>>>,
    console: broadcast::Sender<Arc<Event>>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            rooms: Mutex::new(HashMap::new()),
            console: broadcast::channel(CONSOLE_CAPACITY).0,
        }
    }
}

impl Hub {
    /// Events of one conversation.
    pub fn subscribe(&self, conversation_id: &str) -> broadcast::Receiver<Arc<Event>> {
        let mut rooms = self.rooms.lock().unwrap_or_else(|p| p.into_inner());
        rooms
            .entry(conversation_id.to_owned())
            .or_insert_with(|| broadcast::channel(ROOM_CAPACITY).0)
            .subscribe()
    }

    /// Every event (for agents' consoles).
    pub fn subscribe_console(&self) -> broadcast::Receiver<Arc<Event>> {
        self.console.subscribe()
    }

    pub fn deliver(&self, event: Event) {
        let event = Arc::new(event);
        {
            let mut rooms = self.rooms.lock().unwrap_or_else(|p| p.into_inner());
            let id = event.conversation_id();
            if let Some(room) = rooms.get(id)
                && room.send(Arc::clone(&event)).is_err()
            {
                // Nobody listens any more: forget the room.
                rooms.remove(id);
            }
        }
        // No console connected is not an error.
        let _ = self.console.send(event);
    }

    /// Open rooms (conversations with a live WebSocket in this process).
    pub fn rooms(&self) -> usize {
        self.rooms.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    fn has_room(&self, conversation_id: &str) -> bool {
        self.rooms
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains_key(conversation_id)
    }
}

/// Publishes events to every process.
#[derive(Debug, Clone)]
pub struct Bus {
    hub: Arc<Hub>,
    store: Store,
}

impl Bus {
    pub fn new(hub: Arc<Hub>, store: Store) -> Bus {
        Bus { hub, store }
    }

    pub fn hub(&self) -> &Arc<Hub> {
        &self.hub
    }

    pub async fn publish(&self, event: Event) {
        if self.store.backend() != Backend::Postgres {
            self.hub.deliver(event);
            return;
        }
        let mut payload = serde_json::to_string(&Envelope::Event {
            event: event.clone(),
        })
        .unwrap_or_default();
        if payload.len() > NOTIFY_BYTES_MAX
            && let Event::Message {
                conversation_id,
                message,
            } = &event
        {
            payload = serde_json::to_string(&Envelope::MessageRef {
                conversation_id: conversation_id.clone(),
                seq: message.seq,
            })
            .unwrap_or_default();
        }
        if let Err(error) = self.notify(payload).await {
            // Other processes miss it, this one still delivers it.
            tracing::warn!(%error, "could not NOTIFY an event; delivering locally only");
            self.hub.deliver(event);
        }
    }

    /// The human queue changed: every process delivers the new places to the conversations it has
    /// live sockets for (one notification, however long the queue).
    pub async fn queue_changed(&self) {
        if self.store.backend() != Backend::Postgres {
            self.announce_queue().await;
            return;
        }
        let payload = serde_json::to_string(&Envelope::QueueChanged).unwrap_or_default();
        if let Err(error) = self.notify(payload).await {
            tracing::warn!(%error, "could not NOTIFY a queue change; announcing locally only");
            self.announce_queue().await;
        }
    }

    async fn notify(&self, payload: String) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(payload)
            .execute(self.store.pool())
            .await
            .map(|_| ())
    }

    async fn announce_queue(&self) {
        let queued = match self.store.queued_conversations().await {
            Ok(q) => q,
            Err(error) => {
                tracing::warn!(%error, "could not read the queue to announce positions");
                return;
            }
        };
        for (i, c) in queued.iter().enumerate() {
            if self.hub.has_room(&c.id) {
                self.hub.deliver(Event::QueuePosition {
                    conversation_id: c.id.clone(),
                    position: i + 1,
                });
            }
        }
    }

    /// On PostgreSQL, starts delivering what other processes (and this one) publish. Returns once
    /// the LISTEN is in place, so no event published after the call is missed.
    pub async fn listen(&self, database_url: &str) -> Result<(), sqlx::Error> {
        if self.store.backend() != Backend::Postgres {
            return Ok(());
        }
        let mut listener = PgListener::connect(database_url).await?;
        listener.listen(CHANNEL).await?;
        let bus = self.clone();
        tokio::spawn(async move {
            loop {
                match listener.recv().await {
                    Ok(n) => bus.received(n.payload()).await,
                    Err(error) => {
                        tracing::warn!(%error, "event listener lost its connection; retrying");
                        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                    }
                }
            }
        });
        Ok(())
    }

    async fn received(&self, payload: &str) {
        match serde_json::from_str::<Envelope>(payload) {
            Ok(Envelope::Event { event }) => self.hub.deliver(event),
            Ok(Envelope::MessageRef {
                conversation_id,
                seq,
            }) => match self.store.messages(&conversation_id).await {
                Ok(messages) => {
                    if let Some(m) = messages.iter().find(|m| m.seq == seq) {
                        self.hub.deliver(Event::Message {
                            conversation_id,
                            message: MessageView::from_message(m),
                        });
                    }
                }
                Err(error) => tracing::warn!(%error, "could not load a referenced message"),
            },
            Ok(Envelope::QueueChanged) => self.announce_queue().await,
            Err(error) => tracing::warn!(%error, "ignored a malformed event notification"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typing(id: &str) -> Event {
        Event::Typing {
            conversation_id: id.to_owned(),
            author: "agent".to_owned(),
        }
    }

    #[tokio::test]
    async fn events_reach_their_room_and_every_console_only() {
        let hub = Hub::default();
        let mut a = hub.subscribe("cv-a");
        let mut b = hub.subscribe("cv-b");
        let mut console = hub.subscribe_console();
        hub.deliver(typing("cv-a"));
        assert_eq!(*a.recv().await.unwrap(), typing("cv-a"));
        assert!(b.try_recv().is_err());
        assert_eq!(*console.recv().await.unwrap(), typing("cv-a"));
    }

    #[tokio::test]
    async fn rooms_without_listeners_are_forgotten() {
        let hub = Hub::default();
        drop(hub.subscribe("cv-a"));
        assert_eq!(hub.rooms(), 1);
        hub.deliver(typing("cv-a"));
        assert_eq!(hub.rooms(), 0);
    }
}
