//! The findings of the red-team pass of issue 13, one test each: strict request bodies, token
//! lifetimes, server-made request ids, hashed CSRF tokens, unique confirmation keys and complaint
//! references, login throttling and lockouts, per-customer caps, least privilege for agents,
//! close frames on shutdown, and merchant declines that reveal nothing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::time::{Duration, Instant};

use chrono::Utc;
use common::{AgentClient, PASSWORD, TestServer, count, operations, unique_key};
use fairdesk_server::ServiceLimits;
use fairdesk_store::{Backend, Role};
use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message as WsMessage;

async fn send(request: reqwest::RequestBuilder) -> (u16, Value) {
    let r = request.send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or_default()
}

fn message(body: &Value) -> &str {
    body["error"]["message"].as_str().unwrap_or_default()
}

async fn login(s: &TestServer, name: &str, password: &str) -> (u16, Value) {
    send(
        s.http
            .post(s.url("/api/v1/agent/login"))
            .json(&json!({ "name": name, "password": password })),
    )
    .await
}

// ---------------------------------------------------------------------------------------------
// Request bodies, tokens, request ids, CSRF

async fn a_refund_naming_a_currency_is_refused_and_changes_nothing(backend: Backend) {
    let s = TestServer::start(backend).await;
    let key = s.merchant_key("M-1").await;
    let before = operations(&s.store).await;
    let (status, body) = send(
        s.http
            .post(s.url("/api/v1/merchant/orders/O-1/refunds"))
            .bearer_auth(&key)
            .header("idempotency-key", unique_key())
            .json(&json!({ "amount_minor": 100, "currency": "EUR" })),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(code(&body), "unknown_field", "{body}");
    assert!(message(&body).contains("currency"), "{body}");
    assert_eq!(operations(&s.store).await, before, "nothing was executed");

    let (status, body) = send(
        s.http
            .post(s.url(&format!(
                "/api/v1/conversations/{}/messages",
                s.start_conversation("C-1").await.0
            )))
            .bearer_auth(s.token("C-1"))
            .json(&json!({ "text": "hi", "author": "agent" })),
    )
    .await;
    assert_eq!((status, code(&body)), (400, "unknown_field"), "{body}");
}
on_both_backends!(
    unknown_fields,
    a_refund_naming_a_currency_is_refused_and_changes_nothing
);

#[tokio::test]
async fn a_validly_signed_token_valid_until_year_9999_is_refused() {
    let s = TestServer::start(Backend::Sqlite).await;
    let forever = chrono::DateTime::from_timestamp(253_402_214_400, 0).unwrap();
    let token = s.secret.sign(&"C-1".parse().unwrap(), forever);
    let (status, body) = send(s.http.get(s.url("/api/v1/me/orders")).bearer_auth(&token)).await;
    assert_eq!((status, code(&body)), (401, "bad_token"), "{body}");
    assert!(message(&body).contains("minutes"), "{body}");
    let day = s.secret.sign(
        &"C-1".parse().unwrap(),
        Utc::now() + chrono::Duration::hours(23),
    );
    let (status, _) = send(s.http.get(s.url("/api/v1/me/orders")).bearer_auth(&day)).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn request_ids_are_made_by_the_server_whatever_the_client_sends() {
    let s = TestServer::start(Backend::Sqlite).await;
    let mut seen = Vec::new();
    for client in ["my-id-1", "bad id with spaces", &"x".repeat(200)] {
        let r = s
            .http
            .get(s.url("/health"))
            .header("x-request-id", client)
            .send()
            .await
            .unwrap();
        let id = r.headers()["x-request-id"].to_str().unwrap().to_owned();
        assert_ne!(id, client);
        assert_eq!(id.len(), 32, "{id}");
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
        seen.push(id);
    }
    seen.dedup();
    assert_eq!(seen.len(), 3, "every request gets its own id");
}

async fn csrf_tokens_are_stored_only_as_their_hash(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("anna", Role::Agent).await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT csrf_hash FROM agent_sessions")
        .fetch_all(s.store.pool())
        .await
        .unwrap();
    assert_eq!(stored, vec![fairdesk_server::auth::digest(&anna.csrf)]);
    assert!(!stored.contains(&anna.csrf));
    let (status, me) = anna.get("/api/v1/agent/me").await;
    assert_eq!(status, 200);
    assert_eq!(
        me["csrf_token"],
        anna.csrf.as_str(),
        "the token is derived again"
    );
    let (status, _) = anna.post("/api/v1/agent/logout", json!({})).await;
    assert_eq!(status, 204, "the derived token passes the CSRF check");
}
on_both_backends!(csrf_hashed, csrf_tokens_are_stored_only_as_their_hash);

// ---------------------------------------------------------------------------------------------
// Identifiers

async fn a_reused_key_conflict_never_shows_the_internal_key(backend: Backend) {
    let s = TestServer::start(backend).await;
    let key = s.merchant_key("M-1").await;
    let idem = unique_key();
    let refund = |amount: i64| {
        s.http
            .post(s.url("/api/v1/merchant/orders/O-1/refunds"))
            .bearer_auth(&key)
            .header("idempotency-key", &idem)
            .json(&json!({ "amount_minor": amount }))
    };
    assert_eq!(send(refund(100)).await.0, 200);
    let (status, body) = send(refund(200)).await;
    assert_eq!(
        (status, code(&body)),
        (409, "idempotency_key_reused"),
        "{body}"
    );
    let stored: String = sqlx::query_scalar("SELECT idem_key FROM operations ORDER BY seq DESC")
        .fetch_one(s.store.pool())
        .await
        .unwrap();
    assert!(!message(&body).contains(&stored), "{body}");
    assert!(!message(&body).contains("merchant:"), "{body}");
}
on_both_backends!(
    key_conflicts,
    a_reused_key_conflict_never_shows_the_internal_key
);

/// Proposes `text`'s action in a new conversation of C-2; the conversation and its expiry second.
async fn propose(s: &TestServer, text: &str) -> (String, i64) {
    let (id, _) = s.start_conversation("C-2").await;
    let turn = s.say("C-2", &id, text).await;
    assert!(
        turn["messages"].to_string().contains("confirm:yes"),
        "{text:?} proposed nothing: {turn}"
    );
    let c = s.store.conversation(&id).await.unwrap().unwrap();
    let expires = c.memory["pending"]["expires_at"].as_str().unwrap();
    let second = chrono::DateTime::parse_from_rfc3339(expires)
        .unwrap()
        .timestamp();
    (id, second)
}

async fn two_conversations_proposing_in_the_same_second_both_confirm(backend: Backend) {
    let limits = ServiceLimits {
        open_conversations_per_customer_max: 100,
        conversations_per_customer_per_hour_max: 100,
        ..ServiceLimits::default()
    };
    let s = TestServer::start_with(backend, limits).await;
    // Both proposals must fall in one second (the old keys collided then); retry until they do.
    let mut proposed = None;
    for _ in 0..5 {
        let (a, b) = tokio::join!(
            propose(&s, "I want to pay off everything I owe now"),
            propose(&s, "I want to cancel my order"),
        );
        if a.1 == b.1 {
            proposed = Some((a.0, b.0));
            break;
        }
    }
    let (pay_off, cancel) = proposed.expect("two proposals in one second");
    for id in [&pay_off, &cancel] {
        let (status, body) = send(
            s.http
                .post(s.url(&format!("/api/v1/conversations/{id}/messages")))
                .bearer_auth(s.token("C-2"))
                .json(&json!({ "text": "confirm:yes" })),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert!(!body.to_string().contains("cf-"), "an internal key: {body}");
    }
    let keys: Vec<String> =
        sqlx::query_scalar("SELECT idem_key FROM operations WHERE idem_key LIKE 'cf-%'")
            .fetch_all(s.store.pool())
            .await
            .unwrap();
    assert_eq!(
        keys.len(),
        2,
        "both confirmations reached the ledger: {keys:?}"
    );
    assert!(
        keys.iter().all(|k| k.contains("cv-")),
        "bound to the conversation: {keys:?}"
    );
}
on_both_backends!(
    confirmations,
    two_conversations_proposing_in_the_same_second_both_confirm
);

async fn complaint_references_are_unique_and_stored(backend: Backend) {
    let s = TestServer::start(backend).await;
    let mut references = Vec::new();
    for _ in 0..2 {
        let (id, _) = s.start_conversation("C-3").await;
        let body = s.say("C-3", &id, "I want to make a formal complaint").await;
        let text = body["messages"].to_string();
        let at = text.find("CMP-").expect("a reference was given");
        let reference: String = text[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        assert_eq!(
            s.store.complaint(&reference).await.unwrap().as_deref(),
            Some(id.as_str()),
            "{reference} is kept with its conversation"
        );
        references.push(reference);
    }
    assert_ne!(references[0], references[1]);
}
on_both_backends!(complaints, complaint_references_are_unique_and_stored);

// ---------------------------------------------------------------------------------------------
// Agent login

fn no_backoff() -> ServiceLimits {
    ServiceLimits {
        login_backoff_seconds_max: 0,
        ..ServiceLimits::default()
    }
}

async fn wrong_logins_back_off_even_for_the_right_password(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("anna", Role::Agent).await;
    for _ in 0..3 {
        assert_eq!(login(&s, "anna", "guess").await.0, 401);
    }
    let (status, body) = login(&s, "anna", PASSWORD).await;
    assert_eq!((status, code(&body)), (429, "throttled"), "{body}");
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    assert_eq!(
        login(&s, "anna", PASSWORD).await.0,
        200,
        "after the back-off"
    );
}
on_both_backends!(
    login_backoff,
    wrong_logins_back_off_even_for_the_right_password
);

async fn a_locked_name_stays_locked_until_a_supervisor_lifts_it(backend: Backend) {
    let limits = ServiceLimits {
        login_failures_max: 5,
        ..no_backoff()
    };
    let s = TestServer::start_with(backend, limits).await;
    s.add_agent("anna", Role::Agent).await;
    s.add_agent("sara", Role::Supervisor).await;
    s.add_agent("bert", Role::Agent).await;
    let sara = AgentClient::login(&s.base, "sara").await;
    let bert = AgentClient::login(&s.base, "bert").await;
    for _ in 0..5 {
        assert_eq!(login(&s, "anna", "guess").await.0, 401);
    }
    let (status, body) = login(&s, "anna", PASSWORD).await;
    assert_eq!((status, code(&body)), (429, "locked"), "{body}");
    let (status, body) = bert
        .post("/api/v1/agent/lockouts/anna/lift", json!({}))
        .await;
    assert_eq!((status, code(&body)), (403, "supervisors_only"), "{body}");
    assert_eq!(login(&s, "anna", PASSWORD).await.0, 429);
    let (status, _) = sara
        .post("/api/v1/agent/lockouts/anna/lift", json!({}))
        .await;
    assert_eq!(status, 204);
    assert_eq!(login(&s, "anna", PASSWORD).await.0, 200);
    let (status, _) = sara
        .post("/api/v1/agent/lockouts/anna/lift", json!({}))
        .await;
    assert_eq!(status, 404, "nothing left to lift");
}
on_both_backends!(
    login_lockout,
    a_locked_name_stays_locked_until_a_supervisor_lifts_it
);

async fn median_login_ms(s: &TestServer, name: &str) -> u128 {
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        assert_eq!(login(s, name, "guess").await.0, 401);
        times.push(started.elapsed().as_millis());
    }
    times.sort_unstable();
    times[2]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_unknown_name_takes_as_long_as_a_wrong_password() {
    let s = TestServer::start_with(Backend::Sqlite, no_backoff()).await;
    s.add_agent("anna", Role::Agent).await;
    let known = median_login_ms(&s, "anna").await;
    let unknown = median_login_ms(&s, "nobody-by-this-name").await;
    assert!(
        unknown * 3 >= known && known * 3 >= unknown,
        "unknown {unknown} ms, known {known} ms"
    );
}

async fn an_agent_keeps_at_most_the_capped_sessions(backend: Backend) {
    let limits = ServiceLimits {
        agent_sessions_max: 2,
        ..ServiceLimits::default()
    };
    let s = TestServer::start_with(backend, limits).await;
    s.add_agent("anna", Role::Agent).await;
    let first = AgentClient::login(&s.base, "anna").await;
    let _second = AgentClient::login(&s.base, "anna").await;
    let third = AgentClient::login(&s.base, "anna").await;
    assert_eq!(
        first.get("/api/v1/agent/me").await.0,
        401,
        "the oldest ended"
    );
    assert_eq!(third.get("/api/v1/agent/me").await.0, 200);
    assert_eq!(
        count(&s.store, "SELECT COUNT(*) FROM agent_sessions").await,
        2
    );
}
on_both_backends!(session_cap, an_agent_keeps_at_most_the_capped_sessions);

// ---------------------------------------------------------------------------------------------
// Per-customer caps

async fn a_customer_cannot_open_conversations_beyond_the_caps(backend: Backend) {
    let limits = ServiceLimits {
        open_conversations_per_customer_max: 2,
        ..ServiceLimits::default()
    };
    let s = TestServer::start_with(backend, limits).await;
    s.start_conversation("C-2").await;
    s.start_conversation("C-2").await;
    let (status, body) = send(
        s.http
            .post(s.url("/api/v1/conversations"))
            .bearer_auth(s.token("C-2")),
    )
    .await;
    assert_eq!((status, code(&body)), (429, "too_many_open"), "{body}");
    s.start_conversation("C-3").await;
    assert_eq!(
        count(&s.store, "SELECT COUNT(*) FROM conversations").await,
        3
    );
}
on_both_backends!(
    open_conversation_cap,
    a_customer_cannot_open_conversations_beyond_the_caps
);

async fn a_customer_cannot_start_more_conversations_an_hour_than_the_cap(backend: Backend) {
    let limits = ServiceLimits {
        conversations_per_customer_per_hour_max: 2,
        ..ServiceLimits::default()
    };
    let s = TestServer::start_with(backend, limits).await;
    for _ in 0..2 {
        let (id, _) = s.start_conversation("C-2").await;
        s.say("C-2", &id, "bye").await;
    }
    // Closed or not, they were started within the hour.
    sqlx::query("UPDATE conversations SET state = 'closed'")
        .execute(s.store.pool())
        .await
        .unwrap();
    let (status, body) = send(
        s.http
            .post(s.url("/api/v1/conversations"))
            .bearer_auth(s.token("C-2")),
    )
    .await;
    assert_eq!((status, code(&body)), (429, "too_many_started"), "{body}");
}
on_both_backends!(
    hourly_conversation_cap,
    a_customer_cannot_start_more_conversations_an_hour_than_the_cap
);

async fn a_customer_waiting_in_the_queue_cannot_queue_more_conversations(backend: Backend) {
    let limits = ServiceLimits {
        queued_conversations_per_customer_max: 1,
        ..ServiceLimits::default()
    };
    let s = TestServer::start_with(backend, limits).await;
    let (id, _) = s.start_conversation("C-4").await;
    s.say("C-4", &id, "I want to talk to a human").await;
    let (status, body) = send(
        s.http
            .post(s.url("/api/v1/conversations"))
            .bearer_auth(s.token("C-4")),
    )
    .await;
    assert_eq!((status, code(&body)), (429, "already_queued"), "{body}");
}
on_both_backends!(
    queued_cap,
    a_customer_waiting_in_the_queue_cannot_queue_more_conversations
);

async fn a_customers_handoffs_beyond_the_cap_wait_behind_everyone_else(backend: Backend) {
    let limits = ServiceLimits {
        queued_conversations_per_customer_max: 1,
        ..ServiceLimits::default()
    };
    let s = TestServer::start_with(backend, limits).await;
    let (first, _) = s.start_conversation("C-4").await;
    let (second, _) = s.start_conversation("C-4").await;
    let (other, _) = s.start_conversation("C-5").await;
    s.say("C-4", &first, "I want to talk to a human").await;
    s.say("C-4", &second, "I want to talk to a human").await;
    s.say("C-5", &other, "I want to talk to a human").await;
    let queue: Vec<String> = s
        .store
        .queued_conversations()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(
        queue,
        [first, other, second],
        "the second handoff waits last"
    );
}
on_both_backends!(
    queued_handoff_cap,
    a_customers_handoffs_beyond_the_cap_wait_behind_everyone_else
);

async fn messages_over_the_rate_limit_are_refused_and_not_stored(backend: Backend) {
    let limits = ServiceLimits {
        customer_messages_per_minute_max: 3,
        ..ServiceLimits::default()
    };
    let s = TestServer::start_with(backend, limits).await;
    let (id, _) = s.start_conversation("C-2").await;
    for _ in 0..3 {
        s.say("C-2", &id, "when is my next payment").await;
    }
    let stored = count(&s.store, "SELECT COUNT(*) FROM messages").await;
    let (status, body) = send(
        s.http
            .post(s.url(&format!("/api/v1/conversations/{id}/messages")))
            .bearer_auth(s.token("C-2"))
            .json(&json!({ "text": "one more" })),
    )
    .await;
    assert_eq!((status, code(&body)), (429, "slow_down"), "{body}");
    assert_eq!(
        count(&s.store, "SELECT COUNT(*) FROM messages").await,
        stored
    );
}
on_both_backends!(
    message_rate,
    messages_over_the_rate_limit_are_refused_and_not_stored
);

#[tokio::test]
async fn one_customer_cannot_hold_more_websockets_than_the_cap() {
    let limits = ServiceLimits {
        websockets_per_customer_max: 1,
        ..ServiceLimits::default()
    };
    let s = TestServer::start_with(Backend::Sqlite, limits).await;
    let (id, _) = s.start_conversation("C-2").await;
    let url = format!(
        "{}/api/v1/conversations/{id}/live?token={}",
        s.base.replacen("http", "ws", 1),
        s.token("C-2")
    );
    let first = tokio_tungstenite::connect_async(url.as_str()).await;
    assert!(first.is_ok());
    match tokio_tungstenite::connect_async(url.as_str()).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(r)) => assert_eq!(r.status(), 429),
        other => panic!("a second socket was not refused: {:?}", other.map(|_| ())),
    }
    let (other_id, _) = s.start_conversation("C-3").await;
    let other = format!(
        "{}/api/v1/conversations/{other_id}/live?token={}",
        s.base.replacen("http", "ws", 1),
        s.token("C-3")
    );
    assert!(tokio_tungstenite::connect_async(other).await.is_ok());
    drop(first);
}

// ---------------------------------------------------------------------------------------------
// Least privilege and shutdown

async fn an_agent_sees_the_queue_and_their_own_conversations_only(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("anna", Role::Agent).await;
    s.add_agent("sara", Role::Supervisor).await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let sara = AgentClient::login(&s.base, "sara").await;
    let mut live = anna.live().await;
    let (with_bot, _) = s.start_conversation("C-2").await;
    s.say("C-2", &with_bot, "when is my next payment").await;
    let (queued, _) = s.start_conversation("C-3").await;
    s.say("C-3", &queued, "I want to talk to a human").await;
    let path = |id: &str| format!("/api/v1/agent/conversations/{id}");
    let (status, body) = anna.get(&path(&with_bot)).await;
    assert_eq!((status, code(&body)), (403, "not_yours"), "{body}");
    assert_eq!(anna.get(&path(&queued)).await.0, 200);
    assert_eq!(sara.get(&path(&with_bot)).await.0, 200);
    // The console stream skips the bot's conversation: the first event anna gets is the queued
    // one's.
    let first = live.until(|_| true).await.to_string();
    assert!(
        !first.contains(&with_bot),
        "anna saw the bot's conversation: {first}"
    );
    assert!(first.contains(&queued), "{first}");
}
on_both_backends!(
    least_privilege,
    an_agent_sees_the_queue_and_their_own_conversations_only
);

#[tokio::test]
async fn on_shutdown_websockets_get_a_close_frame() {
    let s = TestServer::start(Backend::Sqlite).await;
    let url = s.url.clone();
    let policy = fairdesk_agent::AgentPolicy::default();
    let state = fairdesk_server::state(
        s.store.clone(),
        &url,
        common::secret(),
        policy,
        ServiceLimits::default(),
        fairdesk_server::WebConfig::default(),
    )
    .await
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(fairdesk_server::serve_until(listener, state, async {
        let _ = stopped.await;
    }));
    let (id, _) = s.start_conversation("C-2").await;
    let url = format!(
        "ws://{addr}/api/v1/conversations/{id}/live?token={}",
        s.token("C-2")
    );
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    stop.send(()).unwrap();
    let frame = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match ws.next().await {
                Some(Ok(WsMessage::Close(frame))) => return frame,
                Some(Ok(_)) => {}
                other => panic!("no close frame: {other:?}"),
            }
        }
    })
    .await
    .expect("a close frame within 5 s");
    assert_eq!(u16::from(frame.unwrap().code), 1001);
    server.await.unwrap().unwrap();
}

// ---------------------------------------------------------------------------------------------
// Merchants

async fn a_decline_reveals_neither_figures_nor_whether_the_customer_exists(backend: Backend) {
    let s = TestServer::start(backend).await;
    let key = s.merchant_key("M-1").await;
    let order = |customer: &str, amount: i64| {
        s.http
            .post(s.url("/api/v1/merchant/orders"))
            .bearer_auth(&key)
            .header("idempotency-key", unique_key())
            .json(&json!({
                "customer": customer, "description": "Boots", "amount_minor": amount,
                "currency": "SEK", "plan": "pay_in_4",
                "consent": common::consent(customer, "M-1", amount, "SEK")
            }))
    };
    let (status, unknown) = send(order("C-999", 1_000)).await;
    assert_eq!(status, 422, "{unknown}");
    let (status, over) = send(order("C-1", 10_000_000)).await;
    assert_eq!(status, 422, "{over}");
    assert_eq!(unknown, over, "the two declines read the same");
    assert!(!over.to_string().contains("100000"), "{over}");
}
on_both_backends!(
    declines,
    a_decline_reveals_neither_figures_nor_whether_the_customer_exists
);

async fn a_card_number_in_an_item_description_is_masked(backend: Backend) {
    let s = TestServer::start(backend).await;
    let key = s.merchant_key("M-1").await;
    let (status, body) = send(
        s.http
            .post(s.url("/api/v1/merchant/orders"))
            .bearer_auth(&key)
            .header("idempotency-key", unique_key())
            .json(&json!({
                "customer": "C-1", "description": "Boots\u{0007} 4111\t1111  1111 1111",
                "amount_minor": 1_000, "currency": "SEK", "plan": "pay_in_4",
                "consent": common::consent("C-1", "M-1", 1_000, "SEK")
            })),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let description = body["description"].as_str().unwrap();
    assert_eq!(description, "Boots  [card •••• 1111]");
}
on_both_backends!(
    merchant_text,
    a_card_number_in_an_item_description_is_masked
);

fn order_body(customer: &str, amount: i64, consent: Option<String>) -> Value {
    json!({
        "customer": customer, "description": "Tent", "amount_minor": amount,
        "currency": "SEK", "plan": "pay_in_4", "consent": consent
    })
}

async fn an_order_needs_the_customers_consent_to_that_merchant_amount_and_currency(
    backend: Backend,
) {
    let s = TestServer::start(backend).await;
    let m1 = s.merchant_key("M-1").await;
    let create = |body: Value| {
        s.http
            .post(s.url("/api/v1/merchant/orders"))
            .bearer_auth(&m1)
            .header("idempotency-key", unique_key())
            .json(&body)
    };
    let before = operations(&s.store).await;
    let (status, body) = send(create(order_body("C-1", 5_000, None))).await;
    assert_eq!((status, code(&body)), (422, "declined"), "{body}");
    assert!(message(&body).contains("consent_required"), "{body}");
    let expired = fairdesk_server::consent::Consent::new(
        "C-1",
        "M-1",
        5_000,
        "SEK",
        Utc::now() - chrono::Duration::minutes(1),
    )
    .unwrap()
    .sign(&common::secret());
    for (what, consent) in [
        (
            "another merchant",
            common::consent("C-1", "M-2", 5_000, "SEK"),
        ),
        (
            "another amount",
            common::consent("C-1", "M-1", 4_000, "SEK"),
        ),
        (
            "another currency",
            common::consent("C-1", "M-1", 5_000, "EUR"),
        ),
        (
            "another customer",
            common::consent("C-3", "M-1", 5_000, "SEK"),
        ),
        (
            "forged",
            common::consent("C-1", "M-1", 5_000, "SEK").replace("~SEK~", "~SEK~1"),
        ),
        ("expired", expired),
    ] {
        let (status, body) = send(create(order_body("C-1", 5_000, Some(consent)))).await;
        assert_eq!(status, 422, "{what}: {body}");
        assert_eq!(
            message(&body),
            "declined (reason: consent_invalid)",
            "{what}"
        );
    }
    assert_eq!(operations(&s.store).await, before, "nothing was executed");

    // The customer's side signs the consent; one consent makes one order.
    let (status, signed) = send(
        s.http
            .post(s.url("/api/v1/me/checkout-consents"))
            .bearer_auth(s.token("C-1"))
            .json(&json!({ "merchant": "M-1", "amount_minor": 5_000, "currency": "SEK" })),
    )
    .await;
    assert_eq!(status, 201, "{signed}");
    let consent = signed["consent"].as_str().unwrap().to_owned();
    let (status, order) = send(create(order_body("C-1", 5_000, Some(consent.clone())))).await;
    assert_eq!(status, 201, "{order}");
    let (status, again) = send(create(order_body("C-1", 5_000, Some(consent)))).await;
    assert_eq!(status, 422, "a second order on one consent: {again}");
    assert_eq!(
        s.store
            .orders_of_customer(&"C-1".parse().unwrap())
            .await
            .unwrap()
            .len(),
        2,
        "the seeded order and the consented one"
    );
    assert!(s.store.audit().await.unwrap().is_clean());
}
on_both_backends!(
    consent,
    an_order_needs_the_customers_consent_to_that_merchant_amount_and_currency
);

#[tokio::test]
async fn a_consent_request_with_a_bad_merchant_or_currency_is_refused() {
    let s = TestServer::start(Backend::Sqlite).await;
    for body in [
        json!({ "merchant": "M 1", "amount_minor": 5, "currency": "SEK" }),
        json!({ "merchant": "M-1", "amount_minor": 5, "currency": "XYZ" }),
        json!({ "merchant": "M-1", "amount_minor": 0, "currency": "SEK" }),
        json!({ "merchant": "M-1", "amount_minor": 5, "currency": "SEK", "customer": "C-2" }),
    ] {
        let (status, r) = send(
            s.http
                .post(s.url("/api/v1/me/checkout-consents"))
                .bearer_auth(s.token("C-1"))
                .json(&body),
        )
        .await;
        assert_eq!(status, 400, "{body}: {r}");
    }
}
