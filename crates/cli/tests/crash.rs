//! Crash drill: a process applying operations is killed with SIGKILL at random points, again and again.
//! After every restart the audit must be clean and no acknowledged operation may be missing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::process::Stdio;
use std::time::Duration;

use fairdesk_ledger::Policy;
use fairdesk_store::Store;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

/// How many times the writer is killed.
const KILLS: u32 = 24;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_writers_lose_no_acknowledged_operation_and_leave_a_clean_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("crash.db").display());
    let mut acked: BTreeSet<u64> = BTreeSet::new();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for round in 0..KILLS {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Let the writer get a little further each round, then kill it mid-stream.
        let lines_before_kill = acked.len() as u64 + 5 + state % 40;
        let mut child = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
            .args([
                "ledger", "simulate", "--db", &url, "--seed", "7", "--ops", "1000000",
            ])
            .args(["--as-of", "2026-01-01"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut seen = 0;
        while seen < lines_before_kill {
            let Some(line) = lines.next_line().await.unwrap() else {
                break;
            };
            let i: u64 = line.strip_prefix("ack ").unwrap().parse().unwrap();
            acked.insert(i);
            seen += 1;
        }
        tokio::time::sleep(Duration::from_micros(state % 3_000)).await;
        child.start_kill().unwrap();
        // Acknowledgements printed before the kill landed count too.
        while let Ok(Some(line)) = lines.next_line().await {
            acked.insert(line.strip_prefix("ack ").unwrap().parse().unwrap());
        }
        child.wait().await.unwrap();

        let store = Store::open(&url, Policy::default()).await.unwrap();
        let audit = store.audit().await.unwrap();
        assert!(audit.is_clean(), "round {round}: {:?}", audit.violations);
        for i in &acked {
            let key = format!("sim:7:{i}").parse().unwrap();
            assert!(
                store.outcome(&key).await.unwrap().is_some(),
                "round {round}: ack {i} lost"
            );
        }
        store.pool().close().await;
    }
    assert!(
        acked.len() > KILLS as usize * 5,
        "the drill applied too little: {}",
        acked.len()
    );
}
