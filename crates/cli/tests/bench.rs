//! `fairdesk bench chat` against a real `fairdesk serve` on a small seeded lender.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const SECRET: &str = "bench-test-secret-bench-test-secret-0123";

async fn fairdesk(args: &[&str], secret: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(args)
        .env("FAIRDESK_SECRET", secret)
        .env_remove("FAIRDESK_SECRET_FILE")
        .env_remove("FAIRDESK_DB")
        .output()
        .await
        .unwrap()
}

/// Per-customer caps raised for the benchmark: each simulated customer sends as fast as the
/// answers come back, far beyond what the caps allow a person.
const BENCH_LIMITS: &str = "[limits]\nwebsockets_per_customer_max = 1000\n\
    open_conversations_per_customer_max = 100000\n\
    conversations_per_customer_per_hour_max = 100000\n\
    customer_messages_per_minute_max = 1000000\n";

/// Starts `fairdesk serve` on a free port, with the per-customer caps raised; the process and its
/// base URL. Its later output is drained so that it never blocks on a full pipe.
async fn serve(db: &str, dir: &std::path::Path) -> (Child, String) {
    let config = dir.join("bench.toml");
    std::fs::write(&config, BENCH_LIMITS).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(["serve", "--db", db, "--bind", "127.0.0.1:0", "--config"])
        .arg(&config)
        .env("FAIRDESK_SECRET", SECRET)
        .env_remove("FAIRDESK_SECRET_FILE")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let base = tokio::time::timeout(Duration::from_secs(120), async {
        loop {
            let line = lines
                .next_line()
                .await
                .unwrap()
                .expect("the server exited before listening");
            if let Some(base) = line.strip_prefix("fairdesk listening on ") {
                return base.to_owned();
            }
        }
    })
    .await
    .expect("the server did not start within 120 s");
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, base)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chat_benchmark_drives_a_real_server_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("bench.db").display());
    let seeded = fairdesk(&["seed", "--db", &db, "--customers", "5"], SECRET).await;
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let (mut server, base) = serve(&db, dir.path()).await;
    let bench = |secret: &'static str, url: String| {
        let db = db.clone();
        async move {
            let args = [
                "bench",
                "chat",
                "--url",
                &url,
                "--db",
                &db,
                "--customers",
                "3",
                "--duration",
                "3",
                "--sockets",
                "5",
                "--json",
            ];
            fairdesk(&args, secret).await
        }
    };

    let run = bench(SECRET, base.clone()).await;
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["customers"], 3, "{report}");
    assert!(report["messages"].as_u64().unwrap() > 0, "{report}");
    assert!(report["messages_per_s"].as_f64().unwrap() > 0.0, "{report}");
    assert_eq!(report["errors"], serde_json::json!({}), "{report}");
    assert_eq!(report["sockets"]["held"], 5, "{report}");
    assert!(
        report["ws_events"]["received"].as_u64().unwrap() > 0,
        "{report}"
    );
    assert!(
        report["latency_ms"]["p50"].as_f64().unwrap() > 0.0,
        "{report}"
    );
    assert!(
        report["server_rss_bytes"]["after"].as_u64().unwrap() > 0,
        "{report}"
    );

    let forged = bench("another-secret-another-secret-another-secret", base.clone()).await;
    assert!(!forged.status.success());
    let stderr = String::from_utf8_lossy(&forged.stderr);
    assert!(
        stderr.contains("401") && stderr.contains("secret"),
        "{stderr}"
    );

    server.start_kill().unwrap();
    server.wait().await.unwrap();

    // Nothing listens there any more.
    let gone = bench(SECRET, base).await;
    assert!(!gone.status.success());
    let stderr = String::from_utf8_lossy(&gone.stderr);
    assert!(stderr.contains("cannot reach the server"), "{stderr}");
}
