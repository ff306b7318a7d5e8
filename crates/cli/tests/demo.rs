//! `fairdesk demo` as a newcomer runs it: one command, a folder of its own, links that work, and a
//! second run that reuses what the first made.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// Starts `fairdesk demo` in `dir` on a free port; the process and every line it printed up to the
/// last login.
async fn demo(dir: &Path) -> (Child, Vec<String>) {
    demo_with(dir, &[]).await
}

/// `fairdesk demo` as [`demo`] starts it, with more arguments.
async fn demo_with(dir: &Path, more: &[&str]) -> (Child, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args([
            "demo",
            "--bind",
            "127.0.0.1:0",
            "--customers",
            "40",
            "--dir",
        ])
        .arg(dir)
        .args(more)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = Vec::new();
    while !printed
        .iter()
        .any(|l: &String| l.contains("sam (supervisor)"))
    {
        let line = tokio::time::timeout(Duration::from_secs(120), lines.next_line())
            .await
            .expect("the demo did not print its links within 120 s")
            .unwrap()
            .unwrap_or_else(|| panic!("the demo exited after printing {printed:?}"));
        printed.push(line);
    }
    (child, printed)
}

fn link(printed: &[String], label: &str) -> String {
    let line = printed.iter().find(|l| l.contains(label)).unwrap();
    line.split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .to_owned()
}

fn password(printed: &[String], who: &str) -> String {
    let line = printed.iter().find(|l| l.contains(who)).unwrap();
    line.rsplit(' ').next().unwrap().to_owned()
}

#[tokio::test]
async fn the_demo_prints_working_links_and_reuses_its_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("fairdesk-demo");
    let (mut first, printed) = demo(&dir).await;
    let shop = link(&printed, "demo shop");
    let http = reqwest::Client::new();
    let page = http.get(&shop).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    let situations = page.matches("<a href=\"/demo/shop/C-").count();
    assert!(situations >= 3, "customers in several situations: {page}");
    let openapi = http
        .get(link(&printed, "API description"))
        .send()
        .await
        .unwrap();
    assert_eq!(openapi.status(), 200);
    let login = http
        .post(shop.replace("/demo/shop", "/api/v1/agent/login"))
        .json(&serde_json::json!({"name": "anna", "password": password(&printed, "anna (agent)")}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200, "{}", login.text().await.unwrap());
    let dashboard = http
        .get(link(&printed, "operations dashboard"))
        .send()
        .await
        .unwrap();
    assert_eq!(dashboard.status(), 401, "the dashboard asks for a login");
    assert!(dashboard.text().await.unwrap().contains("/dashboard/login"));
    let sam = http
        .post(shop.replace("/demo/shop", "/api/v1/agent/login"))
        .json(
            &serde_json::json!({"name": "sam", "password": password(&printed, "sam (supervisor)")}),
        )
        .send()
        .await
        .unwrap();
    let cookie = sam.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let stats: serde_json::Value = http
        .get(shop.replace("/demo/shop", "/api/v1/supervisor/stats"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let total = &stats["total"];
    let count = |key: &str| total[key].as_u64().unwrap();
    assert!(count("conversations") > 100, "weeks of history: {total}");
    for key in ["resolved_by_bot", "handed_to_person", "still_open"] {
        assert!(count(key) > 0, "{key}: {total}");
    }
    assert!(total["csat"]["count"].as_u64().unwrap() > 10, "{total}");
    let mode = std::fs::metadata(dir.join("secret"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o777,
        0o600,
        "the secret is readable by its owner only"
    );
    first.kill().await.unwrap();

    let (mut second, again) = demo(&dir).await;
    assert_eq!(
        password(&again, "anna (agent)"),
        password(&printed, "anna (agent)"),
        "the second run reuses the logins"
    );
    let page = http
        .get(link(&again, "demo shop"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        page.matches("<a href=\"/demo/shop/C-").count(),
        situations,
        "the same lender, not seeded twice"
    );
    let again_stats: serde_json::Value = http
        .get(link(&again, "demo shop").replace("/demo/shop", "/api/v1/supervisor/stats"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        again_stats["total"]["conversations"], total["conversations"],
        "the history is not seeded twice"
    );
    second.kill().await.unwrap();
}

#[tokio::test]
async fn a_demo_folder_that_cannot_be_made_is_refused_with_its_name() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("taken");
    std::fs::write(&file, "not a folder").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(["demo", "--bind", "127.0.0.1:0", "--dir"])
        .arg(&file)
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot create") && err.contains("taken"),
        "{err}"
    );
}

/// Conversations started since `since` in the demo's database, and those of them waiting for a
/// person.
async fn started_since(dir: &Path, since: &str) -> (i64, i64) {
    let url = format!("sqlite://{}", dir.join("fairdesk.db").display());
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let count = |sql: &'static str| {
        sqlx::query_scalar::<_, i64>(sql)
            .bind(since.to_owned())
            .fetch_one(&pool)
    };
    let all = count("SELECT COUNT(*) FROM conversations WHERE created_at >= $1")
        .await
        .unwrap();
    let queued =
        count("SELECT COUNT(*) FROM conversations WHERE created_at >= $1 AND state = 'queued'")
            .await
            .unwrap();
    pool.close().await;
    (all, queued)
}

#[tokio::test]
async fn the_demo_with_traffic_sends_customers_who_resolve_errands_or_wait_for_a_person() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("fairdesk-demo");
    let since = chrono::Utc::now().to_rfc3339();
    let (mut child, _) = demo_with(&dir, &["--traffic", "12", "--traffic-pause-ms", "20"]).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
    let (all, queued) = loop {
        let (all, queued) = started_since(&dir, &since).await;
        if all == 12 && queued > 0 {
            break (all, queued);
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "after 90 s: {all} conversations, {queued} queued"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    assert!(
        queued < all,
        "not everyone asks for a person: {queued} of {all}"
    );
    child.kill().await.unwrap();
}

#[tokio::test]
async fn a_traffic_beyond_its_limit_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args([
            "demo",
            "--bind",
            "127.0.0.1:0",
            "--traffic",
            "10001",
            "--dir",
        ])
        .arg(tmp.path().join("d"))
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--traffic"), "{err}");
}
