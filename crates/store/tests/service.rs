//! Agents, sessions, merchant keys and feedback on both backends.
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
    AgentAccount, Backend, Conversation, ConversationState, Feedback, Role, StoreError,
};

fn agent(id: &str, name: &str, role: Role) -> AgentAccount {
    AgentAccount {
        id: id.to_owned(),
        name: name.to_owned(),
        password_hash: format!("$argon2id$fake${name}"),
        role,
        created_at: Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap(),
    }
}

async fn agents_and_sessions(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    let anna = agent("ag-1", "anna", Role::Supervisor);
    store.add_agent(&anna).await.unwrap();
    assert!(matches!(
        store.add_agent(&agent("ag-2", "anna", Role::Agent)).await,
        Err(StoreError::Duplicate(_))
    ));
    assert_eq!(
        store.agent_by_name("anna").await.unwrap(),
        Some(anna.clone())
    );
    assert_eq!(store.agent_by_name("bert").await.unwrap(), None);

    let now = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    let expires = now + Duration::hours(8);
    store
        .create_session("hash-1", "ag-1", "csrf-hash-1", expires, now, 5)
        .await
        .unwrap();
    let session = store.session("hash-1", now).await.unwrap().unwrap();
    assert_eq!(session.agent, anna);
    assert_eq!(session.csrf_hash, "csrf-hash-1");
    assert!(store.session("hash-1", expires).await.unwrap().is_none());
    assert!(store.session("hash-2", now).await.unwrap().is_none());
    store.delete_session("hash-1").await.unwrap();
    assert!(store.session("hash-1", now).await.unwrap().is_none());
}
on_both_backends!(agents, agents_and_sessions);

async fn keys_feedback_and_held_conversations(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    let shop = "M-1".parse().unwrap();
    store
        .add_merchant_key("key-hash", &shop, now)
        .await
        .unwrap();
    assert_eq!(store.merchant_by_key("key-hash").await.unwrap(), Some(shop));
    assert_eq!(store.merchant_by_key("other").await.unwrap(), None);

    for (id, agent) in [
        ("cv-1", Some("ag-1")),
        ("cv-2", Some("ag-2")),
        ("cv-3", None),
    ] {
        let c = Conversation {
            id: id.to_owned(),
            customer: "C-1".parse().unwrap(),
            state: ConversationState::Bot,
            language: "en".to_owned(),
            queue: None,
            priority: 0,
            queued_at: None,
            agent_id: None,
            memory: serde_json::json!({}),
            created_at: now,
            updated_at: now,
            version: 0,
        };
        store.start_conversation(&c, &[]).await.unwrap();
        if let Some(agent) = agent {
            store
                .save_conversation(&Conversation {
                    state: ConversationState::Human,
                    agent_id: Some(agent.to_owned()),
                    ..c
                })
                .await
                .unwrap();
        }
    }
    let ids = |cs: Vec<Conversation>| cs.into_iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(
        ids(store.held_conversations(None).await.unwrap()),
        ["cv-1", "cv-2"]
    );
    assert_eq!(
        ids(store.held_conversations(Some("ag-2")).await.unwrap()),
        ["cv-2"]
    );

    let mut f = Feedback {
        conversation_id: "cv-1".to_owned(),
        score: 4,
        comment: Some("quick".to_owned()),
        created_at: now,
    };
    store.record_feedback(&f).await.unwrap();
    let again = Feedback {
        score: 1,
        ..f.clone()
    };
    assert!(
        matches!(
            store.record_feedback(&again).await,
            Err(StoreError::Duplicate(_))
        ),
        "a conversation is rated once"
    );
    assert_eq!(store.feedback("cv-1").await.unwrap(), Some(f.clone()));
    assert_eq!(store.feedback("cv-2").await.unwrap(), None);
    f.conversation_id = "cv-2".to_owned();
    f.score = 6;
    assert!(
        store.record_feedback(&f).await.is_err(),
        "scores are 1 to 5"
    );
}
on_both_backends!(keys, keys_feedback_and_held_conversations);
