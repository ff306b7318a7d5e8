//! What the handlers announce after a change: new messages, a conversation changing hands, and the
//! queue positions that moved with it. Also counts messages for the metrics.

use fairdesk_store::{Author, Conversation, Message};

use crate::Shared;
use crate::api::{ConversationView, MessageView};
use crate::events::Event;

fn author_label(a: Author) -> &'static str {
    match a {
        Author::Customer => "customer",
        Author::Bot => "bot",
        Author::Agent => "agent",
        Author::System => "system",
    }
}

pub async fn messages(state: &Shared, messages: &[Message]) {
    for m in messages {
        state.metrics.messages.inc(author_label(m.author));
        state
            .bus
            .publish(Event::Message {
                conversation_id: m.conversation_id.clone(),
                message: MessageView::from_message(m),
            })
            .await;
    }
}

/// The name of the person who holds (or last held) a conversation.
pub async fn holder(state: &Shared, c: &Conversation) -> Option<String> {
    let id = c.agent_id.as_deref()?;
    match state.store().agent_by_id(id).await {
        Ok(agent) => agent.map(|a| a.name),
        Err(error) => {
            tracing::warn!(%error, "could not read the agent holding a conversation");
            None
        }
    }
}

/// A conversation changed state; everyone waiting in the queue learns their new place.
pub async fn conversation(state: &Shared, c: &Conversation) {
    let position = match state.store().queue_position(&c.id).await {
        Ok(p) => p,
        Err(error) => {
            tracing::warn!(%error, "could not read the queue position");
            None
        }
    };
    state
        .bus
        .publish(Event::Conversation {
            conversation: ConversationView::from_conversation(c, position)
                .with_agent(holder(state, c).await),
        })
        .await;
    state.bus.queue_changed().await;
}
