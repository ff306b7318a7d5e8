//! Every scenario in the repository's `scenarios/` folder passes pass^k through the real engine,
//! except those listed in `scenarios/KNOWN_FAILING` (blind scenarios the engine does not pass yet,
//! issue #10). The list is a ratchet: a listed scenario that passes must be taken off it, so the
//! list can only shrink, and any other failing scenario fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use fairdesk_agent::AgentPolicy;
use fairdesk_eval::run_files;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_scenario_in_the_repository_passes_pass_k_except_the_known_failing() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let known: BTreeSet<String> = std::fs::read_to_string(root.join("KNOWN_FAILING"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let report = run_files(std::slice::from_ref(&root), &AgentPolicy::default(), |_| {})
        .await
        .unwrap();
    let relative = |file: &str| {
        PathBuf::from(file)
            .strip_prefix(&root)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| file.to_owned())
    };
    let failing: Vec<String> = report
        .outcomes
        .iter()
        .filter(|o| !o.pass_k() && !known.contains(&relative(&o.file)))
        .map(|o| format!("{} ({}):\n  {}", o.name, o.file, o.failures.join("\n  ")))
        .collect();
    assert!(
        failing.is_empty(),
        "{} scenario(s) failed:\n{}",
        failing.len(),
        failing.join("\n")
    );
    let now_passing: Vec<&String> = known
        .iter()
        .filter(|k| {
            report
                .outcomes
                .iter()
                .any(|o| &relative(&o.file) == *k && o.pass_k())
        })
        .collect();
    assert!(
        now_passing.is_empty(),
        "these scenarios pass now: take them off scenarios/KNOWN_FAILING: {now_passing:?}"
    );
    let missing: Vec<&String> = known
        .iter()
        .filter(|k| !report.outcomes.iter().any(|o| &relative(&o.file) == *k))
        .collect();
    assert!(
        missing.is_empty(),
        "KNOWN_FAILING names files that do not exist: {missing:?}"
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

#[tokio::test]
async fn a_history_the_ledger_refuses_fails_its_scenario_and_the_others_still_run() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = |history: &str| {
        format!(
            r#"name = "x"
errand = "next_payment"
language = "en"
today = "2026-03-01"
[customer]
name = "Sam Lee"
country = "GB"
language = "en"
[[merchants]]
id = "M-1"
name = "Argos"
currency = "GBP"
[[orders]]
id = "O-1"
merchant = "M-1"
item = "Kettle"
amount = "40.00"
plan = "pay_in_4"
purchased = "2026-02-20"
history = [{history}]
[[turns]]
say = ["when is my next payment?"]
mentions = ["Argos"]
"#
        )
    };
    std::fs::write(
        dir.path().join("a_impossible.toml"),
        scenario(r#"{ op = "capture", installment = 2, on = "2026-02-21" }"#),
    )
    .unwrap();
    std::fs::write(dir.path().join("b_fine.toml"), scenario("")).unwrap();

    let report = run_files(&[dir.path().to_path_buf()], &AgentPolicy::default(), |_| {})
        .await
        .unwrap();

    let [impossible, fine] = report.outcomes.as_slice() else {
        panic!("two outcomes expected: {:?}", report.outcomes);
    };
    assert!(impossible.file.ends_with("a_impossible.toml"));
    assert!(!impossible.pass_k());
    assert!(
        impossible.failures[0].contains("fixture") && impossible.failures[0].contains("capture"),
        "{:?}",
        impossible.failures
    );
    assert!(fine.pass_k(), "{:?}", fine.failures);
}
