//! Session caps, login throttling records, complaint references, per-customer counts and the
//! database file's permissions, on both backends where a database is involved.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::fresh;
use fairdesk_store::{
    AgentAccount, Author, Backend, Conversation, ConversationState, CustomerLoad, LoginThrottle,
    Message, Role, StoreError,
};

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap() + Duration::minutes(minute)
}

async fn add_anna(store: &fairdesk_store::Store) {
    store
        .add_agent(&AgentAccount {
            id: "ag-1".to_owned(),
            name: "anna".to_owned(),
            password_hash: "$argon2id$fake".to_owned(),
            role: Role::Agent,
            created_at: at(0),
        })
        .await
        .unwrap();
}

async fn an_agent_keeps_at_most_the_capped_number_of_sessions(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    add_anna(&store).await;
    for n in 0..5 {
        let hash = format!("hash-{n}");
        store
            .create_session(&hash, "ag-1", "csrf", at(600), at(n), 3)
            .await
            .unwrap();
    }
    assert_eq!(store.session_count("ag-1", at(10)).await.unwrap(), 3);
    for (n, live) in [(0, false), (1, false), (2, true), (3, true), (4, true)] {
        let found = store.session(&format!("hash-{n}"), at(10)).await.unwrap();
        assert_eq!(found.is_some(), live, "session {n}");
    }
}
on_both_backends!(
    session_cap,
    an_agent_keeps_at_most_the_capped_number_of_sessions
);

async fn login_failures_are_counted_blocked_locked_and_lifted(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    assert_eq!(store.login_throttle("name:anna").await.unwrap(), None);
    for expected in 1..=3 {
        assert_eq!(
            store
                .record_login_failure("name:anna", at(0))
                .await
                .unwrap(),
            expected
        );
    }
    store.block_login("name:anna", at(5), false).await.unwrap();
    // A shorter block never shortens a longer one.
    store.block_login("name:anna", at(1), true).await.unwrap();
    assert_eq!(
        store.login_throttle("name:anna").await.unwrap(),
        Some(LoginThrottle {
            failures: 3,
            blocked_until: Some(at(5)),
            locked: true,
        })
    );
    assert_eq!(store.login_throttle("addr:127.0.0.1").await.unwrap(), None);
    assert!(store.clear_login_throttle("name:anna").await.unwrap());
    assert!(!store.clear_login_throttle("name:anna").await.unwrap());
    assert_eq!(store.login_throttle("name:anna").await.unwrap(), None);
}
on_both_backends!(
    login_throttle,
    login_failures_are_counted_blocked_locked_and_lifted
);

fn conversation(id: &str, customer: &str, state: ConversationState, minute: i64) -> Conversation {
    Conversation {
        id: id.to_owned(),
        customer: customer.parse().unwrap(),
        state,
        language: "en".to_owned(),
        queue: None,
        priority: 0,
        queued_at: None,
        agent_id: None,
        memory: serde_json::json!({}),
        created_at: at(minute),
        updated_at: at(minute),
        version: 0,
    }
}

fn said(conversation_id: &str, author: Author, minute: i64) -> Message {
    Message {
        conversation_id: conversation_id.to_owned(),
        seq: 0,
        author,
        body: "hello".to_owned(),
        language: None,
        intent: None,
        confidence: None,
        quick_replies: Vec::new(),
        engine_us: None,
        created_at: at(minute),
    }
}

async fn complaint_references_are_unique_and_kept(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    let c = conversation("cv-1", "C-1", ConversationState::Bot, 0);
    store.start_conversation(&c, &[]).await.unwrap();
    let customer = "C-1".parse().unwrap();
    store
        .record_complaint("CMP-1", "cv-1", &customer, at(0))
        .await
        .unwrap();
    assert!(matches!(
        store
            .record_complaint("CMP-1", "cv-1", &customer, at(1))
            .await,
        Err(StoreError::Duplicate(_))
    ));
    assert_eq!(
        store.complaint("CMP-1").await.unwrap().as_deref(),
        Some("cv-1")
    );
    assert_eq!(store.complaint("CMP-2").await.unwrap(), None);
}
on_both_backends!(complaints, complaint_references_are_unique_and_kept);

async fn a_customers_open_queued_and_recent_conversations_and_messages_are_counted(
    backend: Backend,
) {
    let (store, _g) = fresh(backend).await;
    for (id, customer, state, minute) in [
        ("cv-0", "C-1", ConversationState::Bot, 0),
        ("cv-1", "C-1", ConversationState::Bot, 25),
        ("cv-2", "C-1", ConversationState::Queued, 30),
        ("cv-3", "C-1", ConversationState::Closed, 50),
        ("cv-4", "C-2", ConversationState::Queued, 50),
    ] {
        let c = conversation(id, customer, state, minute);
        store
            .start_conversation(&c, &[said(id, Author::Customer, minute)])
            .await
            .unwrap();
    }
    store
        .append_message(&said("cv-1", Author::Customer, 55))
        .await
        .unwrap();
    store
        .append_message(&said("cv-1", Author::Bot, 55))
        .await
        .unwrap();
    let c1 = "C-1".parse().unwrap();
    assert_eq!(
        store.customer_load(&c1, at(20)).await.unwrap(),
        CustomerLoad {
            open: 2,
            queued: 1,
            started_since: 3,
        }
    );
    assert_eq!(
        store
            .customer_messages_since(&c1, "cv-1", at(40))
            .await
            .unwrap(),
        (2, 1)
    );
}
on_both_backends!(
    customer_counts,
    a_customers_open_queued_and_recent_conversations_and_messages_are_counted
);

#[cfg(unix)]
#[tokio::test]
async fn a_new_sqlite_database_and_its_journal_files_are_readable_by_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    let store = fairdesk_store::Store::open(
        &format!("sqlite://{}", path.display()),
        fairdesk_ledger::Policy::default(),
    )
    .await
    .unwrap();
    let c = conversation("cv-1", "C-1", ConversationState::Bot, 0);
    store.start_conversation(&c, &[]).await.unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let file = format!("{}{suffix}", path.display());
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{file} has mode {mode:o}");
    }
}
