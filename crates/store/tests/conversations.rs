//! Conversations on both backends: versioned updates, append-only messages, the human queue.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::fresh;
use fairdesk_store::{
    Author, Backend, Conversation, ConversationState, Message, QuickReply, StoreError,
};

fn conversation(id: &str, minutes: i64) -> Conversation {
    let t = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap() + Duration::minutes(minutes);
    Conversation {
        id: id.to_owned(),
        customer: "C-1".parse().unwrap(),
        state: ConversationState::Bot,
        language: "sv".to_owned(),
        queue: None,
        priority: 0,
        queued_at: None,
        agent_id: None,
        memory: serde_json::json!({"turns": 0}),
        created_at: t,
        updated_at: t,
        version: 0,
    }
}

fn message(conversation: &str, body: &str) -> Message {
    Message {
        conversation_id: conversation.to_owned(),
        seq: 0,
        author: Author::Customer,
        body: body.to_owned(),
        language: Some("sv".to_owned()),
        intent: Some("greeting".to_owned()),
        confidence: Some(0.75),
        quick_replies: vec![QuickReply {
            label: "Ja".to_owned(),
            payload: "confirm:yes".to_owned(),
        }],
        engine_us: Some(1_234),
        created_at: Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap(),
    }
}

async fn conversations_round_trip_and_stale_writes_are_refused(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    let c = conversation("cv-1", 0);
    store.start_conversation(&c, &[]).await.unwrap();
    assert_eq!(store.conversation("cv-1").await.unwrap(), Some(c.clone()));
    let saved = store
        .save_conversation(&Conversation {
            state: ConversationState::Human,
            ..c.clone()
        })
        .await
        .unwrap();
    assert_eq!(saved.version, 1);
    let stale = store.save_conversation(&c).await;
    assert!(matches!(stale, Err(StoreError::Conflict(_))), "{stale:?}");
    assert_eq!(
        store.conversation("cv-1").await.unwrap().unwrap().state,
        ConversationState::Human
    );
    assert_eq!(store.conversation("cv-404").await.unwrap(), None);
}
on_both_backends!(
    round_trip,
    conversations_round_trip_and_stale_writes_are_refused
);

async fn messages_get_consecutive_numbers_and_cannot_be_changed(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    store
        .start_conversation(&conversation("cv-1", 0), &[])
        .await
        .unwrap();
    for body in ["hej", "när är nästa betalning?", "tack"] {
        store.append_message(&message("cv-1", body)).await.unwrap();
    }
    let transcript = store.messages("cv-1").await.unwrap();
    let seqs: Vec<i64> = transcript.iter().map(|m| m.seq).collect();
    assert_eq!(seqs, vec![1, 2, 3]);
    assert_eq!(
        transcript[1],
        Message {
            seq: 2,
            ..message("cv-1", "när är nästa betalning?")
        }
    );
    assert!(
        sqlx::query("UPDATE messages SET body = 'x'")
            .execute(store.pool())
            .await
            .is_err()
    );
    assert!(
        sqlx::query("DELETE FROM messages")
            .execute(store.pool())
            .await
            .is_err()
    );
}
on_both_backends!(
    messages,
    messages_get_consecutive_numbers_and_cannot_be_changed
);

async fn the_queue_serves_higher_priority_first_then_longest_waiting(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    for (id, minutes, priority) in [
        ("cv-a", 0, 10),
        ("cv-b", 1, 100),
        ("cv-c", 2, 10),
        ("cv-d", 3, 0),
    ] {
        let mut c = conversation(id, minutes);
        store.start_conversation(&c, &[]).await.unwrap();
        if priority > 0 {
            c.state = ConversationState::Queued;
            c.priority = priority;
            c.queued_at = Some(c.created_at);
            store.save_conversation(&c).await.unwrap();
        }
    }
    let queue: Vec<String> = store
        .queued_conversations()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(queue, vec!["cv-b", "cv-a", "cv-c"]);
    assert_eq!(store.queue_position("cv-c").await.unwrap(), Some(3));
    assert_eq!(store.queue_position("cv-d").await.unwrap(), None);
}
on_both_backends!(
    queue,
    the_queue_serves_higher_priority_first_then_longest_waiting
);

async fn messages_with_and_without_confidence_mix(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    store
        .start_conversation(&conversation("cv-1", 0), &[])
        .await
        .unwrap();
    // Alternate a missing and a present confidence many times, so pooled connections that prepared
    // the insert one way are reused the other way.
    for i in 0..40 {
        let mut m = message("cv-1", &format!("message {i}"));
        m.confidence = (i % 2 == 1).then_some(0.5);
        store.append_message(&m).await.unwrap();
    }
    let stored = store.messages("cv-1").await.unwrap();
    assert_eq!(stored.len(), 40);
    assert_eq!(stored[0].confidence, None);
    assert_eq!(stored[1].confidence, Some(0.5));
}
on_both_backends!(confidence, messages_with_and_without_confidence_mix);

async fn a_turn_is_saved_whole_or_not_at_all(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    let c = conversation("cv-1", 0);
    store.start_conversation(&c, &[]).await.unwrap();
    store.append_message(&message("cv-1", "hej")).await.unwrap();
    let mut changed = c.clone();
    changed.state = ConversationState::Queued;
    changed.priority = 10;
    changed.queued_at = Some(c.created_at);
    let (saved, messages) = store
        .save_turn(
            &changed,
            &[
                message("cv-1", "jag vill prata med en människa"),
                message("cv-1", "summary"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(saved.version, 1);
    assert_eq!(messages.iter().map(|m| m.seq).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(
        store.conversation("cv-1").await.unwrap(),
        Some(saved.clone())
    );
    assert_eq!(store.messages("cv-1").await.unwrap().len(), 3);

    // A turn computed from the old version is refused and leaves nothing behind.
    let stale = store.save_turn(&changed, &[message("cv-1", "late")]).await;
    assert!(matches!(stale, Err(StoreError::Conflict(_))), "{stale:?}");
    assert_eq!(store.messages("cv-1").await.unwrap().len(), 3);

    // Where a conversation would stand in the queue before it is saved.
    let mut other = conversation("cv-2", 5);
    store.start_conversation(&other, &[]).await.unwrap();
    other.state = ConversationState::Queued;
    other.priority = 10;
    other.queued_at = Some(other.created_at);
    assert_eq!(store.queue_position_of(&other).await.unwrap(), 2);
    other.priority = 100;
    assert_eq!(store.queue_position_of(&other).await.unwrap(), 1);
}
on_both_backends!(turns, a_turn_is_saved_whole_or_not_at_all);

/// Many turns at once (committed together on SQLite): each is saved whole with its own numbering,
/// and a stale one among them is refused without taking its neighbours down.
async fn concurrent_turns_are_saved_whole_and_a_stale_one_fails_alone(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    let ids: Vec<String> = (0..40).map(|i| format!("cv-{i}")).collect();
    for (i, id) in ids.iter().enumerate() {
        let greeting = [message(id, "hej")];
        let saved = store
            .start_conversation(&conversation(id, i64::try_from(i).unwrap()), &greeting)
            .await
            .unwrap();
        assert_eq!(saved[0].seq, 1);
    }
    let mut turns = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let store = store.clone();
        let mut c = conversation(id, i64::try_from(i).unwrap());
        c.memory = serde_json::json!({"turns": 1});
        // Every tenth turn was computed from a version that is no longer current.
        if i % 10 == 9 {
            c.version = 7;
        }
        let id = id.clone();
        turns.push(tokio::spawn(async move {
            let sent = [message(&id, "question"), message(&id, "answer")];
            store.save_turn(&c, &sent).await
        }));
    }
    for (i, turn) in turns.into_iter().enumerate() {
        let result = turn.await.unwrap();
        let stored = store.messages(&ids[i]).await.unwrap();
        if i % 10 == 9 {
            assert!(matches!(result, Err(StoreError::Conflict(_))), "{result:?}");
            assert_eq!(stored.len(), 1);
        } else {
            let (c, saved) = result.unwrap();
            assert_eq!(c.version, 1);
            assert_eq!(saved.iter().map(|m| m.seq).collect::<Vec<_>>(), [2, 3]);
            let bodies: Vec<_> = stored.iter().map(|m| m.body.as_str()).collect();
            assert_eq!(bodies, ["hej", "question", "answer"]);
            assert_eq!(
                store.conversation(&ids[i]).await.unwrap().unwrap().memory,
                serde_json::json!({"turns": 1})
            );
        }
    }
}
on_both_backends!(
    concurrent,
    concurrent_turns_are_saved_whole_and_a_stale_one_fails_alone
);
