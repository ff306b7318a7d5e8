//! The live channels. A customer's WebSocket carries the events of one conversation (bot and agent
//! messages, typing, queue position, state changes) but never the internal notes meant for agents;
//! a supervisor's carries every event, an agent's those of the queue and of the conversations they
//! hold (least privilege). On shutdown every socket gets a close frame. Either side may send
//! `{"type":"typing"}` (an agent adds `"conversation_id"`); an agent's console also sends
//! `{"type":"viewing","conversation_id":…}` when it shows a case (see [`crate::presence`]).

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::extract::State;
use axum::extract::ws::{
    CloseFrame, Message as WsMessage, WebSocket, WebSocketUpgrade, close_code,
};
use axum::http::StatusCode;
use axum::response::Response;
use fairdesk_ledger::CustomerId;
use fairdesk_store::{Conversation, ConversationState, Role};
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use tokio::sync::broadcast;

use crate::Shared;
use crate::auth::{Agent, WsCustomer};
use crate::customer::own_conversation;
use crate::error::{ApiError, ApiPath};
use crate::events::Event;

/// What a client may send over the socket.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Incoming {
    Typing { conversation_id: Option<String> },
    Viewing { conversation_id: Option<String> },
}

/// An agent's console socket, as presence knows it.
struct Viewer {
    socket: u64,
    name: String,
}

/// Counts an open socket for the metrics (and for its customer's cap) while it lives.
struct Open {
    state: Shared,
    customer: Option<CustomerId>,
}

impl Open {
    fn new(state: &Shared, customer: Option<&CustomerId>) -> Result<Open, ApiError> {
        if let Some(c) = customer
            && !state.open_customer_socket(c)
        {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_sockets",
                format!(
                    "you have {} live connections open already; close one (e.g. another tab) first",
                    state.limits.websockets_per_customer_max
                ),
            ));
        }
        let open = state.metrics.websockets.fetch_add(1, Ordering::Relaxed);
        let guard = Open {
            state: Arc::clone(state),
            customer: customer.cloned(),
        };
        if open >= state.limits.websockets_max {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "too_many_sockets",
                "too many live connections on this server; retry shortly",
            ));
        }
        Ok(guard)
    }
}

impl Drop for Open {
    fn drop(&mut self) {
        self.state
            .metrics
            .websockets
            .fetch_sub(1, Ordering::Relaxed);
        if let Some(c) = &self.customer {
            self.state.close_customer_socket(c);
        }
    }
}

/// Sockets carry small JSON events both ways, so their buffers are small (tungstenite's defaults
/// reserve 128 KiB per socket up front, which 10 000 idle customers would turn into 1.3 GiB).
const BUFFER_BYTES: usize = 4 * 1024;
/// The largest message a client may send (it only ever sends `typing`).
const INCOMING_BYTES_MAX: usize = 16 * 1024;

fn small(upgrade: WebSocketUpgrade) -> WebSocketUpgrade {
    upgrade
        .read_buffer_size(BUFFER_BYTES)
        .write_buffer_size(BUFFER_BYTES)
        .max_message_size(INCOMING_BYTES_MAX)
        .max_frame_size(INCOMING_BYTES_MAX)
}

/// Who is at the other end, and so which events they may see.
enum Audience {
    /// One conversation's customer: its events, but never the notes meant for agents.
    Customer(String),
    /// A supervisor: every event.
    Supervisor,
    /// An agent: the queue and the conversations they hold, tracked as conversations change.
    Agent {
        id: String,
        visible: HashSet<String>,
    },
}

impl Audience {
    async fn admits(&mut self, state: &Shared, event: &Event) -> bool {
        match self {
            Audience::Customer(_) => match event {
                Event::Message { message, .. } => message.author != "system",
                Event::Viewers { .. } => false,
                _ => true,
            },
            Audience::Supervisor => true,
            Audience::Agent { id, visible } => {
                if let Event::Conversation { conversation } = event {
                    let now_visible = match state.store().conversation(&conversation.id).await {
                        Ok(Some(c)) => agent_may_see(&c, id),
                        _ => false,
                    };
                    // The change that takes a conversation out of sight is still shown.
                    let was_visible = if now_visible {
                        !visible.insert(conversation.id.clone())
                    } else {
                        visible.remove(&conversation.id)
                    };
                    return now_visible || was_visible;
                }
                visible.contains(event.conversation_id())
            }
        }
    }

    fn own_conversation(&self) -> Option<&str> {
        match self {
            Audience::Customer(id) => Some(id),
            _ => None,
        }
    }
}

/// Whether an agent (not a supervisor) may see a conversation: it waits in the queue, or they
/// hold it.
pub(crate) fn agent_may_see(c: &Conversation, agent_id: &str) -> bool {
    c.state == ConversationState::Queued
        || (c.state == ConversationState::Human && c.agent_id.as_deref() == Some(agent_id))
}

pub async fn customer(
    State(state): State<Shared>,
    WsCustomer(who): WsCustomer,
    ApiPath(id): ApiPath<String>,
    upgrade: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let c = own_conversation(&state, &who, &id).await?;
    let open = Open::new(&state, Some(who.id()))?;
    let events = state.bus.hub().subscribe(&c.id);
    let position = state.store().queue_position(&c.id).await?;
    Ok(small(upgrade).on_upgrade(move |socket| async move {
        let first = position.map(|position| Event::QueuePosition {
            conversation_id: c.id.clone(),
            position,
        });
        let audience = Audience::Customer(c.id.clone());
        pump(socket, events, first, audience, None, &open.state).await;
        drop(open);
    }))
}

pub async fn agent(
    State(state): State<Shared>,
    agent: Agent,
    upgrade: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let open = Open::new(&state, None)?;
    let events = state.bus.hub().subscribe_console();
    let me = &agent.session.agent;
    let audience = if me.role == Role::Supervisor {
        Audience::Supervisor
    } else {
        let queued = state.store().queued_conversations().await?;
        let held = state.store().held_conversations(Some(&me.id)).await?;
        Audience::Agent {
            id: me.id.clone(),
            visible: queued.into_iter().chain(held).map(|c| c.id).collect(),
        }
    };
    let viewer = Viewer {
        socket: state.presence.open(),
        name: me.name.clone(),
    };
    Ok(small(upgrade).on_upgrade(move |socket| async move {
        pump(socket, events, None, audience, Some(&viewer), &open.state).await;
        look(&open.state, &viewer, None).await;
        drop(open);
    }))
}

/// The frame a socket gets when the server shuts down: 1001, "going away".
fn going_away() -> WsMessage {
    WsMessage::Close(Some(CloseFrame {
        code: close_code::AWAY,
        reason: "the server is shutting down; reconnect shortly".into(),
    }))
}

/// Forwards events to the socket and the client's typing signals to the bus until either side
/// ends, or the server shuts down (then with a close frame).
async fn pump(
    socket: WebSocket,
    mut events: broadcast::Receiver<Arc<Event>>,
    first: Option<Event>,
    mut audience: Audience,
    viewer: Option<&Viewer>,
    state: &Shared,
) {
    let (mut tx, mut rx) = socket.split();
    let mut closing = state.closing.subscribe();
    if let Some(event) = first
        && let Ok(text) = serde_json::to_string(&event)
        && tx.send(WsMessage::Text(text.into())).await.is_err()
    {
        return;
    }
    loop {
        tokio::select! {
            () = async { let _ = closing.wait_for(|closing| *closing).await; } => {
                let _ = tx.send(going_away()).await;
                let _ = tx.close().await;
                return;
            }
            event = events.recv() => match event {
                Ok(event) => {
                    if !audience.admits(state, &event).await {
                        continue;
                    }
                    let Ok(text) = serde_json::to_string(event.as_ref()) else { continue };
                    if tx.send(WsMessage::Text(text.into())).await.is_err() {
                        return;
                    }
                }
                // A slow reader missed some events; it keeps the later ones (the transcript
                // endpoint has everything).
                Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => return,
            },
            incoming = rx.next() => match incoming {
                Some(Ok(WsMessage::Text(text))) => received(state, &audience, viewer, &text).await,
                Some(Ok(WsMessage::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(_)) => {}
            },
        }
    }
}

/// What a client sent: a typing signal, or (from an agent's console) the case it shows.
async fn received(state: &Shared, audience: &Audience, viewer: Option<&Viewer>, text: &str) {
    match serde_json::from_str(text) {
        Ok(Incoming::Typing { conversation_id }) => {
            typing(state, audience, conversation_id).await;
        }
        Ok(Incoming::Viewing { conversation_id }) => {
            let Some(viewer) = viewer else { return };
            let seen = match (&conversation_id, audience) {
                (Some(id), Audience::Agent { visible, .. }) => visible.contains(id),
                _ => true,
            };
            if seen {
                look(state, viewer, conversation_id.as_deref()).await;
            }
        }
        Err(_) => {}
    }
}

/// Records which case a console shows, and tells the agents of the cases it left and entered.
async fn look(state: &Shared, viewer: &Viewer, conversation_id: Option<&str>) {
    let before = state
        .presence
        .look(viewer.socket, &viewer.name, conversation_id);
    let changed = before
        .into_iter()
        .chain(conversation_id.map(str::to_owned))
        .collect::<HashSet<_>>();
    for conversation_id in changed {
        let agents = state.presence.viewers(&conversation_id);
        state
            .bus
            .publish(Event::Viewers {
                conversation_id,
                agents,
            })
            .await;
    }
}

/// Passes on a client's typing signal: a customer's for their conversation, an agent's for a
/// conversation they may see.
async fn typing(state: &Shared, audience: &Audience, conversation_id: Option<String>) {
    let (conversation_id, author) = match (audience.own_conversation(), conversation_id) {
        (Some(own), _) => (own.to_owned(), "customer"),
        (None, Some(id)) => (id, "agent"),
        (None, None) => return,
    };
    if let Audience::Agent { visible, .. } = audience
        && !visible.contains(&conversation_id)
    {
        return;
    }
    state
        .bus
        .publish(Event::Typing {
            conversation_id,
            author: author.to_owned(),
        })
        .await;
}
