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
        case["summary"]
            .as_str()
            .unwrap()
            .starts_with("The customer asked for a person."),
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_describes_every_route_and_probes_answer() {
    let s = TestServer::start(Backend::Sqlite).await;
    let doc: Value = s
        .http
        .get(s.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/conversations", "post"),
        ("/api/v1/conversations/{id}", "get"),
        ("/api/v1/conversations/{id}/messages", "post"),
        ("/api/v1/conversations/{id}/feedback", "post"),
        ("/api/v1/me/orders", "get"),
        ("/api/v1/agent/login", "post"),
        ("/api/v1/agent/queue", "get"),
        ("/api/v1/agent/conversations/{id}/claim", "post"),
        ("/api/v1/agent/conversations/{id}/actions", "post"),
        ("/api/v1/agent/conversations/{id}/hand-back", "post"),
        ("/api/v1/merchant/orders", "post"),
        ("/api/v1/merchant/orders/{id}/refunds", "post"),
        ("/health", "get"),
        ("/ready", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is missing from the OpenAPI document"
        );
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for schema in ["Event", "ErrorBody", "OrderView", "CaseView", "AgentAction"] {
        assert!(schemas.contains_key(schema), "schema {schema} missing");
    }
    for probe in ["/health", "/ready"] {
        let r = s.http.get(s.url(probe)).send().await.unwrap();
        assert_eq!(r.status(), 200, "{probe}");
        assert!(
            r.headers().contains_key("x-request-id"),
            "{probe} carries a request id"
        );
    }
    let r = s.http.get(s.url("/no/such/thing")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "no_route");
}

async fn an_agent_acts_with_the_bots_tools_and_hands_back(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("bert", Role::Agent).await;
    let (id, _) = s.start_conversation("C-2").await;
    s.say("C-2", &id, "I need to speak to a real person").await;
    let agent = AgentClient::login(&s.base, "bert").await;
    let (status, _) = agent
        .post(
            &format!("/api/v1/agent/conversations/{id}/claim"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);

    let order = s
        .store
        .order(&"O-2".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let second = order.installment(2).unwrap().due;
    let new_due = second + chrono::Days::new(7);
    let (status, done) = agent
        .post(
            &format!("/api/v1/agent/conversations/{id}/actions"),
            json!({ "action": "move_due_date", "order": "O-2", "installment": 2, "new_due": new_due }),
        )
        .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["order"]["installments"][1]["due"], new_due.to_string());
    let stored = s
        .store
        .order(&"O-2".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.installment(2).unwrap().due, new_due);

    // Policy still applies: beyond the move limit is refused, and another customer's order does
    // not exist for this conversation.
    let (status, refused) = agent
        .post(
            &format!("/api/v1/agent/conversations/{id}/actions"),
            json!({ "action": "move_due_date", "order": "O-2", "installment": 3,
                    "new_due": second + chrono::Days::new(60) }),
        )
        .await;
    assert_eq!(status, 422, "{refused}");
    let (status, _) = agent
        .post(
            &format!("/api/v1/agent/conversations/{id}/actions"),
            json!({ "action": "cancel", "order": "O-3" }),
        )
        .await;
    assert_eq!(status, 404);

    let (status, back) = agent
        .post(
            &format!("/api/v1/agent/conversations/{id}/hand-back"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(back["conversation"]["state"], "bot");
    let turn = s.say("C-2", &id, "what is my balance?").await;
    assert!(
        turn["messages"].as_array().unwrap().len() >= 2,
        "the bot answers again: {turn}"
    );
}
on_both_backends!(agent_acts, an_agent_acts_with_the_bots_tools_and_hands_back);

async fn a_waiting_customer_sees_their_place_move_up(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("cleo", Role::Agent).await;
    let (first, _) = s.start_conversation("C-4").await;
    let (second, _) = s.start_conversation("C-5").await;
    s.say("C-4", &first, "I want to talk to a human").await;
    let turn = s.say("C-5", &second, "I want to talk to a human").await;
    assert_eq!(turn["conversation"]["queue_position"], 2);
    let mut waiting = Ws::customer(&s.base, &second, &s.token("C-5")).await;
    waiting
        .until(|e| e["type"] == "queue_position" && e["position"] == 2)
        .await;
    let agent = AgentClient::login(&s.base, "cleo").await;
    let (status, _) = agent
        .post(
            &format!("/api/v1/agent/conversations/{first}/claim"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    waiting
        .until(|e| e["type"] == "queue_position" && e["position"] == 1)
        .await;
    // Another agent's claim of a conversation already taken is refused.
    s.add_agent("dan", Role::Agent).await;
    let other = AgentClient::login(&s.base, "dan").await;
    let (status, body) = other
        .post(
            &format!("/api/v1/agent/conversations/{first}/claim"),
            json!({}),
        )
        .await;
    assert_eq!(status, 409, "{body}");
}
on_both_backends!(queue_moves, a_waiting_customer_sees_their_place_move_up);

async fn a_merchant_reports_shipment_and_delivery_and_the_customer_is_told(backend: Backend) {
    let s = TestServer::start(backend).await;
    let key = s.merchant_key("M-2").await;
    let post = |path: String, body: Option<Value>| {
        let mut r = s
            .http
            .post(s.url(&path))
            .bearer_auth(&key)
            .header("Idempotency-Key", common::unique_key());
        if let Some(b) = body {
            r = r.json(&b);
        }
        r.send()
    };
    // An unknown field or a wrong type is refused and changes nothing.
    let r = post(
        "/api/v1/merchant/orders/O-2/shipped".to_owned(),
        Some(json!({"carrier": "DHL", "trackingnumber": "x"})),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    let r = post("/api/v1/merchant/orders/O-2/delivered".to_owned(), None)
        .await
        .unwrap();
    assert_eq!(r.status(), 422, "not shipped yet: nothing to deliver");
    let r = post(
        "/api/v1/merchant/orders/O-2/shipped".to_owned(),
        Some(json!({"carrier": "DHL", "tracking": "JJD0001234567"})),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let view: Value = r.json().await.unwrap();
    assert_eq!(view["carrier"], "DHL");
    assert_eq!(view["tracking"], "JJD0001234567");
    assert_eq!(view["delivered_on"], Value::Null);
    let r = post("/api/v1/merchant/orders/O-2/delivered".to_owned(), None)
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let view: Value = r.json().await.unwrap();
    assert!(view["delivered_on"].is_string(), "{view}");
    assert_eq!(view["installments"][0]["fee_waived"], false);

    let (id, _) = s.start_conversation("C-2").await;
    let turn = s
        .say("C-2", &id, "where is my order? has it been delivered?")
        .await;
    let reply = bodies(&turn).join(" ");
    assert!(
        reply.contains("DHL") && reply.contains("JJD0001234567") && reply.contains("delivered"),
        "{reply}"
    );
}

on_both_backends!(
    shipment,
    a_merchant_reports_shipment_and_delivery_and_the_customer_is_told
);
