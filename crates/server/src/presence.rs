//! Who is looking at which case in the agent console, so that two people do not work one customer
//! without knowing it. An agent's console says which conversation it shows over its WebSocket
//! (`{"type":"viewing","conversation_id":…}`); the socket's end ends its presence. Kept in memory:
//! presence is a hint for people, not a lock (the claim is the lock, in the database), so each
//! process knows the viewers connected to it, and a restart forgets them.

use std::collections::HashMap;
use std::sync::Mutex;

#[derive(Debug, Default)]
pub struct Presence {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    next: u64,
    /// Per console socket: the conversation it shows and the agent's name.
    looking: HashMap<u64, (String, String)>,
}

impl Presence {
    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A new console socket's id.
    pub fn open(&self) -> u64 {
        let mut inner = self.inner();
        inner.next += 1;
        inner.next
    }

    /// The socket now shows `conversation` (or none); returns the one it showed before.
    pub fn look(&self, socket: u64, name: &str, conversation: Option<&str>) -> Option<String> {
        let mut inner = self.inner();
        let before = match conversation {
            Some(id) => inner
                .looking
                .insert(socket, (id.to_owned(), name.to_owned())),
            None => inner.looking.remove(&socket),
        };
        before.map(|(id, _)| id)
    }

    /// The names of the agents looking at a conversation, each once, sorted.
    pub fn viewers(&self, conversation: &str) -> Vec<String> {
        let mut names: Vec<String> = self
            .inner()
            .looking
            .values()
            .filter(|(id, _)| id == conversation)
            .map(|(_, name)| name.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viewers_come_and_go_with_their_sockets() {
        let p = Presence::default();
        let (a, b) = (p.open(), p.open());
        assert_eq!(p.look(a, "anna", Some("cv-1")), None);
        assert_eq!(p.look(b, "bertil", Some("cv-1")), None);
        assert_eq!(p.viewers("cv-1"), ["anna", "bertil"]);
        assert_eq!(p.look(b, "bertil", Some("cv-2")), Some("cv-1".to_owned()));
        assert_eq!(p.viewers("cv-1"), ["anna"]);
        assert_eq!(p.look(a, "anna", None), Some("cv-1".to_owned()));
        assert!(p.viewers("cv-1").is_empty());
        assert_eq!(p.viewers("cv-2"), ["bertil"]);
    }
}
