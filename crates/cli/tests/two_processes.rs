//! Many processes, one PostgreSQL: a customer connected to one `fairdesk serve` and an agent
//! connected to another see each other's messages live (events travel by LISTEN/NOTIFY).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::Stdio;
use std::time::Duration;

use chrono::Utc;
use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

const SECRET: &str = "two-processes-secret-two-processes-secret";
const PASSWORD: &str = "correct horse battery";

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn fairdesk(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(args)
        .env("FAIRDESK_AGENT_PASSWORD", PASSWORD)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "fairdesk {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Starts `fairdesk serve` on a free port; returns the process and its base URL.
async fn serve(db: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(["serve", "--db", db, "--bind", "127.0.0.1:0"])
        .env("FAIRDESK_SECRET", SECRET)
        .env_remove("FAIRDESK_SECRET_FILE")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let line = tokio::time::timeout(Duration::from_secs(120), lines.next_line())
        .await
        .expect("the server did not start within 120 s")
        .unwrap()
        .expect("the server exited before listening");
    let base = line
        .strip_prefix("fairdesk listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    (child, base)
}

async fn next_event(ws: &mut Socket, pred: impl Fn(&Value) -> bool) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let msg = tokio::time::timeout_at(deadline, ws.next())
            .await
            .expect("no matching event within 20 s")
            .expect("the socket closed")
            .unwrap();
        if let WsMessage::Text(text) = msg {
            let event: Value = serde_json::from_str(&text).unwrap();
            if pred(&event) {
                return event;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_on_one_process_and_an_agent_on_another_see_each_other_live() {
    let db = fairdesk_store::testing::fresh_postgres_url()
        .await
        .expect("PostgreSQL must be reachable for the PostgreSQL tests (see .ci/run)");
    fairdesk(&["seed", "--db", &db, "--customers", "3"]).await;
    fairdesk(&["agent", "add", "--db", &db, "--name", "anna"]).await;
    let ((_a, a), (_b, b)) = tokio::join!(serve(&db), serve(&db));
    let http = reqwest::Client::new();

    // The customer talks to process A.
    let secret = fairdesk_server::Secret::new(SECRET.as_bytes().to_vec()).unwrap();
    let token = secret.sign(
        &"C-000001".parse().unwrap(),
        Utc::now() + chrono::Duration::minutes(10),
    );
    let started: Value = http
        .post(format!("{a}/api/v1/conversations"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = started["conversation"]["id"].as_str().unwrap().to_owned();
    let ws_a = a.replacen("http", "ws", 1);
    let (mut customer, _) = tokio_tungstenite::connect_async(format!(
        "{ws_a}/api/v1/conversations/{id}/live?token={token}"
    ))
    .await
    .unwrap();

    // The agent logs in to process B and watches its console.
    let login = http
        .post(format!("{b}/api/v1/agent/login"))
        .json(&json!({ "name": "anna", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let csrf = login.json::<Value>().await.unwrap()["csrf_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut request = format!("{}/api/v1/agent/live", b.replacen("http", "ws", 1))
        .into_client_request()
        .unwrap();
    request
        .headers_mut()
        .insert("cookie", cookie.parse().unwrap());
    let (mut console, _) = tokio_tungstenite::connect_async(request).await.unwrap();

    // A request for a person on A reaches the agent's console on B.
    let turn: Value = http
        .post(format!("{a}/api/v1/conversations/{id}/messages"))
        .bearer_auth(&token)
        .json(&json!({ "text": "I want to talk to a human" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(turn["conversation"]["state"], "queued", "{turn}");
    next_event(&mut console, |e| {
        e["type"] == "conversation" && e["conversation"]["id"] == id.as_str()
    })
    .await;

    // The agent claims and answers on B; the customer sees both live on A.
    let post = |path: String, body: Value| {
        http.post(format!("{b}{path}"))
            .header("cookie", &cookie)
            .header("x-csrf-token", &csrf)
            .json(&body)
            .send()
    };
    let claimed = post(format!("/api/v1/agent/conversations/{id}/claim"), json!({}))
        .await
        .unwrap();
    assert_eq!(claimed.status(), 200);
    next_event(&mut customer, |e| {
        e["type"] == "conversation" && e["conversation"]["state"] == "human"
    })
    .await;
    let replied = post(
        format!("/api/v1/agent/conversations/{id}/messages"),
        json!({ "text": "Hello, this is Anna from process B." }),
    )
    .await
    .unwrap();
    assert_eq!(replied.status(), 200);
    let event = next_event(&mut customer, |e| {
        e["type"] == "message" && e["message"]["author"] == "agent"
    })
    .await;
    assert_eq!(
        event["message"]["body"],
        "Hello, this is Anna from process B."
    );

    // The customer's answer on A reaches the console on B.
    let sent = http
        .post(format!("{a}/api/v1/conversations/{id}/messages"))
        .bearer_auth(&token)
        .json(&json!({ "text": "Thanks Anna, it is about my refund" }))
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 200);
    next_event(&mut console, |e| {
        e["type"] == "message" && e["message"]["body"] == "Thanks Anna, it is about my refund"
    })
    .await;
}
