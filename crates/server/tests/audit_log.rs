//! The audit log (tracing target `audit`) records the security and money events an operator needs:
//! logins (failed and successful), lockouts and their lifting, handoffs, claims, and every money
//! action — the bot's, an agent's, a merchant's — with its actor and idempotency key. Alone in its
//! binary, which captures the log.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{AgentClient, PASSWORD, TestServer};
use fairdesk_server::ServiceLimits;
use fairdesk_store::{Backend, Role};
use serde_json::json;

fn audit_lines(text: &str, event: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.contains(" audit:") && l.contains(&format!("event=\"{event}\"")))
        .map(str::to_owned)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn security_and_money_events_are_in_the_audit_log() {
    let log = common::capture_logs();
    let limits = ServiceLimits {
        login_failures_max: 3,
        login_backoff_seconds_max: 0,
        ..ServiceLimits::default()
    };
    let s = TestServer::start_with(Backend::Sqlite, limits).await;
    s.add_agent("anna", Role::Agent).await;
    s.add_agent("sara", Role::Supervisor).await;
    for _ in 0..3 {
        let r = s
            .http
            .post(s.url("/api/v1/agent/login"))
            .json(&json!({ "name": "bert\nINFO forged line", "password": "guess" }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
    }
    let sara = AgentClient::login(&s.base, "sara").await;
    let (status, _) = sara
        .post(
            "/api/v1/agent/lockouts/bertINFO forged line/lift",
            json!({}),
        )
        .await;
    assert_eq!(status, 204, "lifted by the name as the log shows it");
    let anna = AgentClient::login(&s.base, "anna").await;

    let (id, _) = s.start_conversation("C-3").await;
    s.say("C-3", &id, "I want to talk to a human").await;
    let (status, _) = anna
        .post(
            &format!("/api/v1/agent/conversations/{id}/claim"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, done) = anna
        .post(
            &format!("/api/v1/agent/conversations/{id}/actions"),
            json!({ "action": "open_dispute", "order": "O-3" }),
        )
        .await;
    assert_eq!(status, 200, "{done}");
    let agent_key = done["key"].as_str().unwrap().to_owned();

    let (bot, _) = s.start_conversation("C-2").await;
    s.say("C-2", &bot, "I want to cancel my order").await;
    s.say("C-2", &bot, "confirm:yes").await;

    let key = s.merchant_key("M-1").await;
    let r = s
        .http
        .post(s.url("/api/v1/merchant/orders/O-1/refunds"))
        .bearer_auth(&key)
        .header("idempotency-key", "refund-audit-1")
        .json(&json!({ "amount_minor": 100 }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    let text = log.text();
    let failures = audit_lines(&text, "login");
    assert_eq!(
        failures
            .iter()
            .filter(|l| l.contains("outcome=\"failure\""))
            .count(),
        3,
        "{text}"
    );
    assert!(
        failures
            .iter()
            .any(|l| l.contains("outcome=\"success\"") && l.contains("ag-anna")),
        "{text}"
    );
    assert!(!text.contains("bert\nINFO"), "a forged log line: {text}");
    assert!(
        !text.contains(PASSWORD) && !text.contains("guess"),
        "{text}"
    );
    assert_eq!(audit_lines(&text, "login_locked").len(), 1, "{text}");
    assert_eq!(audit_lines(&text, "lockout_lifted").len(), 1, "{text}");
    assert_eq!(audit_lines(&text, "handoff").len(), 1, "{text}");
    assert_eq!(audit_lines(&text, "claim").len(), 1, "{text}");
    let money = audit_lines(&text, "money_action");
    assert!(
        money
            .iter()
            .any(|l| l.contains("actor=\"agent\"") && l.contains(&agent_key)),
        "{text}"
    );
    assert!(
        money
            .iter()
            .any(|l| l.contains("cancel_order") && l.contains("idempotency_key=cf-")),
        "the bot's confirmed action: {text}"
    );
    assert!(
        money
            .iter()
            .any(|l| l.contains("actor=\"merchant\"") && l.contains("action=\"refund\"")),
        "{text}"
    );
}
