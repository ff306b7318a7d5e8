//! The service end to end: a real server on a free port, spoken to over HTTP and WebSocket, on
//! SQLite and on PostgreSQL.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{AgentClient, TestServer, Ws};
use fairdesk_store::{Backend, Role};
use serde_json::{Value, json};

fn bodies(turn: &Value) -> Vec<String> {
    turn["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect()
}

async fn a_customer_resolves_an_errand(backend: Backend) {
    let s = TestServer::start(backend).await;
    let (id, welcome) = s.start_conversation("C-3").await;
    let hello = bodies(&welcome).join(" ");
    assert!(
        hello.contains("AI"),
        "the first message says it is an AI: {hello}"
    );

    let turn = s.say("C-3", &id, "when is my next payment due?").await;
    assert_eq!(turn["conversation"]["state"], "bot");
    let messages = turn["messages"].as_array().unwrap();
    assert_eq!(messages[0]["author"], "customer");
    let reply = bodies(&turn)[1..].join(" ");
    // 1 000.00 in four installments: 250.00 each.
    assert!(
        reply.contains("250"),
        "the reply names the computed amount: {reply}"
    );

    let r = s
        .http
        .get(s.url(&format!("/api/v1/conversations/{id}")))
        .bearer_auth(s.token("C-3"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let transcript: Value = r.json().await.unwrap();
    let all = bodies(&transcript);
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(all[1], "when is my next payment due?");

    let r = s
        .http
        .get(s.url("/api/v1/me/orders"))
        .bearer_auth(s.token("C-3"))
        .send()
        .await
        .unwrap();
    let orders: Value = r.json().await.unwrap();
    let ids: Vec<&str> = orders
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["O-3"]);
    assert_eq!(orders[0]["installments"][1]["amount_due_minor"], 25_000);
}
on_both_backends!(errand, a_customer_resolves_an_errand);

async fn a_person_is_one_message_away_and_answers_live(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("anna", Role::Agent).await;
    let (id, _) = s.start_conversation("C-1").await;
    let mut customer_ws = Ws::customer(&s.base, &id, &s.token("C-1")).await;
    let agent = AgentClient::login(&s.base, "anna").await;
    let mut console = agent.live().await;

    let turn = s.say("C-1", &id, "jag vill prata med en människa").await;
    assert_eq!(turn["conversation"]["state"], "queued");
    assert_eq!(turn["conversation"]["queue_position"], 1);
    assert!(
        turn["messages"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["author"] != "system"),
        "the customer never sees the internal summary"
    );
    customer_ws
        .until(|e| e["type"] == "conversation" && e["conversation"]["state"] == "queued")
        .await;
    console
        .until(|e| e["type"] == "message" && e["message"]["author"] == "system")
        .await;

    let (status, queue) = agent.get("/api/v1/agent/queue").await;
    assert_eq!(status, 200);
    assert_eq!(queue["queued"][0]["id"], id.as_str());
    let (status, case) = agent
        .get(&format!("/api/v1/agent/conversations/{id}"))
        .await;
    assert_eq!(status, 200);
    assert!(
        case["summary"].as_str().unwrap().contains("Handoff"),
        "{case}"
    );
    assert_eq!(case["orders"][0]["id"], "O-1");

    let (status, claimed) = agent
        .post(
            &format!("/api/v1/agent/conversations/{id}/claim"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200, "{claimed}");
    assert_eq!(claimed["state"], "human");
    customer_ws
        .until(|e| e["type"] == "conversation" && e["conversation"]["state"] == "human")
        .await;

    let (status, _) = agent
        .post(
            &format!("/api/v1/agent/conversations/{id}/messages"),
            json!({ "text": "Hej! Jag heter Anna, hur kan jag hjälpa dig?" }),
        )
        .await;
    assert_eq!(status, 200);
    let live = customer_ws
        .until(|e| e["type"] == "message" && e["message"]["author"] == "agent")
        .await;
    assert!(live["message"]["body"].as_str().unwrap().contains("Anna"));

    // While a person holds the conversation the bot is silent; the agent sees the message live.
    let turn = s.say("C-1", &id, "tack, jag undrar över min faktura").await;
    assert_eq!(turn["messages"].as_array().unwrap().len(), 1);
    console
        .until(|e| {
            e["type"] == "message"
                && e["message"]["author"] == "customer"
                && e["message"]["body"] == "tack, jag undrar över min faktura"
        })
        .await;

    let (status, resolved) = agent
        .post(
            &format!("/api/v1/agent/conversations/{id}/resolve"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(resolved["state"], "closed");

    let r = s
        .http
        .post(s.url(&format!("/api/v1/conversations/{id}/feedback")))
        .bearer_auth(s.token("C-1"))
        .json(&json!({ "score": 5, "comment": "snabbt" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(s.store.feedback(&id).await.unwrap().unwrap().score, 5);

    let metrics = s
        .http
        .get(s.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("fairdesk_handoffs_total{reason=\"requested\"} 1"),
        "{metrics}"
    );
    assert!(metrics.contains("fairdesk_ratings_total{score=\"5\"} 1"));
    assert!(metrics.contains("fairdesk_resolutions_total{by=\"agent\"} 1"));
}
on_both_backends!(handoff, a_person_is_one_message_away_and_answers_live);
