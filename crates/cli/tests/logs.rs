//! What `fairdesk serve` logs: an access line per request (method, route template, status,
//! duration, request id; never a token), levels set by `RUST_LOG`, and no colour codes when the
//! log goes to a file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

const SECRET: &str = "logs-test-secret-logs-test-secret-012345";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_gets_one_plain_access_line_at_the_level_rust_log_asks() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("logs.db").display());
    let seeded = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(["seed", "--db", &db, "--customers", "3"])
        .output()
        .await
        .unwrap();
    assert!(seeded.status.success());
    let log_path = dir.path().join("serve.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(["serve", "--db", &db, "--bind", "127.0.0.1:0"])
        .env("FAIRDESK_SECRET", SECRET)
        .env("RUST_LOG", "warn,access=info")
        .env_remove("FAIRDESK_SECRET_FILE")
        .stdout(Stdio::piped())
        .stderr(Stdio::from(log))
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let base = tokio::time::timeout(Duration::from_secs(120), async {
        loop {
            let line = lines.next_line().await.unwrap().unwrap();
            if let Some(base) = line.strip_prefix("fairdesk listening on ") {
                return base.to_owned();
            }
        }
    })
    .await
    .unwrap();
    let token = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(["token", "--customer", "C-000001"])
        .env("FAIRDESK_SECRET", SECRET)
        .env_remove("FAIRDESK_SECRET_FILE")
        .output()
        .await
        .unwrap();
    let token = String::from_utf8(token.stdout).unwrap().trim().to_owned();
    let http = reqwest::Client::new();
    let orders = http
        .get(format!("{base}/api/v1/me/orders"))
        .bearer_auth(&token)
        .header("x-request-id", "shop-trace-7")
        .send()
        .await
        .unwrap();
    assert_eq!(orders.status(), 200);
    let id = orders.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let missing = http
        .get(format!("{base}/api/v1/merchant/orders/O-404?token={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 401);
    server.start_kill().unwrap();
    server.wait().await.unwrap();

    let text = std::fs::read_to_string(&log_path).unwrap();
    let access: Vec<&str> = text.lines().filter(|l| l.contains("access")).collect();
    assert_eq!(access.len(), 2, "{text}");
    assert!(
        access[0].contains("route=/api/v1/me/orders")
            && access[0].contains("status=200")
            && access[0].contains("duration_ms=")
            && access[0].contains(&id)
            && access[0].contains("client_request_id=shop-trace-7"),
        "{text}"
    );
    assert_ne!(id, "shop-trace-7", "the server makes the request id");
    assert!(
        access[1].contains("route=/api/v1/merchant/orders/{id}")
            && access[1].contains("status=401"),
        "{text}"
    );
    assert!(!text.contains(&token), "a token was logged: {text}");
    assert!(!text.contains('\u{1b}'), "colour codes in a file: {text}");
    assert!(
        !text.contains("serving"),
        "info lines beyond access were kept: {text}"
    );
}
