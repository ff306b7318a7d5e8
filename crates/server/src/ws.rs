//! The live channels. A customer's WebSocket carries the events of one conversation (bot and agent
//! messages, typing, queue position, state changes) but never the internal notes meant for agents;
//! an agent's carries every event. Either side may send `{"type":"typing"}` (an agent adds
//! `"conversation_id"`).

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::extract::State;
use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::http::StatusCode;
use axum::response::Response;
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
}

/// Counts an open socket for the metrics while it lives.
struct Open(Shared);

impl Open {
    fn new(state: &Shared) -> Result<Open, ApiError> {
        let open = state.metrics.websockets.fetch_add(1, Ordering::Relaxed);
        let guard = Open(Arc::clone(state));
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
        self.0.metrics.websockets.fetch_sub(1, Ordering::Relaxed);
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

fn for_customer(event: &Event) -> bool {
    !matches!(event, Event::Message { message, .. } if message.author == "system")
}

pub async fn customer(
    State(state): State<Shared>,
    WsCustomer(who): WsCustomer,
    ApiPath(id): ApiPath<String>,
    upgrade: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let c = own_conversation(&state, &who, &id).await?;
    let open = Open::new(&state)?;
    let events = state.bus.hub().subscribe(&c.id);
    let position = state.store().queue_position(&c.id).await?;
    Ok(small(upgrade).on_upgrade(move |socket| async move {
        let first = position.map(|position| Event::QueuePosition {
            conversation_id: c.id.clone(),
            position,
        });
        pump(
            socket,
            events,
            first,
            for_customer,
            &open.0,
            Some(c.id.clone()),
        )
        .await;
        drop(open);
    }))
}

pub async fn agent(
    State(state): State<Shared>,
    _agent: Agent,
    upgrade: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let open = Open::new(&state)?;
    let events = state.bus.hub().subscribe_console();
    Ok(small(upgrade).on_upgrade(move |socket| async move {
        pump(socket, events, None, |_| true, &open.0, None).await;
        drop(open);
    }))
}

/// Forwards events to the socket and the client's typing signals to the bus until either side ends.
async fn pump(
    socket: WebSocket,
    mut events: broadcast::Receiver<Arc<Event>>,
    first: Option<Event>,
    wanted: fn(&Event) -> bool,
    state: &Shared,
    customer_conversation: Option<String>,
) {
    let (mut tx, mut rx) = socket.split();
    if let Some(event) = first
        && let Ok(text) = serde_json::to_string(&event)
        && tx.send(WsMessage::Text(text.into())).await.is_err()
    {
        return;
    }
    loop {
        tokio::select! {
            event = events.recv() => match event {
                Ok(event) => {
                    if !wanted(&event) {
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
                Some(Ok(WsMessage::Text(text))) => {
                    let Ok(Incoming::Typing { conversation_id }) = serde_json::from_str(&text) else {
                        continue;
                    };
                    let (conversation_id, author) = match (&customer_conversation, conversation_id) {
                        (Some(own), _) => (own.clone(), "customer"),
                        (None, Some(id)) => (id, "agent"),
                        (None, None) => continue,
                    };
                    state.bus.publish(Event::Typing {
                        conversation_id,
                        author: author.to_owned(),
                    }).await;
                }
                Some(Ok(WsMessage::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(_)) => {}
            },
        }
    }
}
