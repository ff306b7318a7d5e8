//! A bounded load test of agent login (issue 13: 96 concurrent wrong logins grew the process from
//! 2.2 to 4.8 GB and slowed customers from 3 to 74 ms). Alone in its binary, so that no other test
//! moves the process's memory while it is measured.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::time::{Duration, Instant};

use common::TestServer;
use fairdesk_store::{Backend, Role};
use serde_json::json;

const LOGINS: usize = 200;
const RSS_GROWTH_KIB_MAX: u64 = 100 * 1024;
/// How long a customer's request may take while the logins run.
const CUSTOMER_MS_MAX: u128 = 2_000;

/// The process's resident memory, in KiB (`VmRSS` in /proc/self/status).
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_concurrent_wrong_logins_keep_memory_bounded_and_customers_answered() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("anna", Role::Agent).await;
    let url = s.url("/api/v1/agent/login");
    let first = s
        .http
        .post(&url)
        .json(&json!({ "name": "anna", "password": "warm-up" }))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 401);
    let before = rss_kib();

    let logins: Vec<_> = (0..LOGINS)
        .map(|i| {
            let http = s.http.clone();
            let url = url.clone();
            let name = if i % 2 == 0 {
                "anna".to_owned()
            } else {
                format!("ghost-{i}")
            };
            tokio::spawn(async move {
                let r = http
                    .post(&url)
                    .json(&json!({ "name": name, "password": format!("guess-{i}") }))
                    .send()
                    .await
                    .unwrap();
                r.status().as_u16()
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let started = Instant::now();
    let orders = s
        .http
        .get(s.url("/api/v1/me/orders"))
        .bearer_auth(s.token("C-2"))
        .send()
        .await
        .unwrap();
    let customer_ms = started.elapsed().as_millis();
    assert_eq!(orders.status(), 200);
    assert!(
        customer_ms <= CUSTOMER_MS_MAX,
        "a customer waited {customer_ms} ms"
    );

    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for login in logins {
        *statuses.entry(login.await.unwrap()).or_default() += 1;
    }
    assert!(
        statuses.keys().all(|s| [401, 429].contains(s)),
        "{statuses:?}"
    );
    let after = rss_kib();
    assert!(
        after.saturating_sub(before) <= RSS_GROWTH_KIB_MAX,
        "RSS grew from {before} to {after} KiB ({statuses:?})"
    );
}
