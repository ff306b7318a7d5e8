//! Every scenario in the repository's `scenarios/` folder passes pass^k through the real engine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use fairdesk_agent::AgentPolicy;
use fairdesk_eval::run_files;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_scenario_in_the_repository_passes_pass_k() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let report = run_files(&[root], &AgentPolicy::default(), |_| {})
        .await
        .unwrap();
    let failing: Vec<String> = report
        .outcomes
        .iter()
        .filter(|o| !o.pass_k())
        .map(|o| format!("{} ({}):\n  {}", o.name, o.file, o.failures.join("\n  ")))
        .collect();
    assert!(
        failing.is_empty(),
        "{} scenario(s) failed:\n{}",
        failing.len(),
        failing.join("\n")
    );
    assert!(!report.outcomes.is_empty());
}

#[tokio::test]
async fn a_malformed_scenario_file_is_refused_with_its_path_and_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "name = \"x\"\nerrand = 3\n").unwrap();
    let err = run_files(std::slice::from_ref(&path), &AgentPolicy::default(), |_| {})
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("bad.toml") && text.contains("errand"),
        "{text}"
    );
}
