//! `fairdesk intents …` as a user runs it: classify a message or a file (JSON lines), train a
//! whole understander and use it, evaluate with per-line predictions, and bad input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn fairdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(args)
        .output()
        .unwrap()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_file_of_messages_is_classified_into_json_lines_with_language_intent_top_and_slots() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("messages.txt");
    std::fs::write(
        &text,
        "jag vill prata med en människa\n\ncan I move my payment to 20 March?\nturn off all the alarms\n",
    )
    .unwrap();
    let lines = json_lines(&fairdesk(&[
        "intents",
        "classify",
        "--file",
        text.to_str().unwrap(),
        "--as-of",
        "2026-03-01",
    ]));
    assert_eq!(lines.len(), 3, "the blank line is skipped: {lines:?}");
    assert_eq!(lines[0]["language"], "sv");
    assert_eq!(lines[0]["intent"], "human_agent");
    assert_eq!(lines[1]["intent"], "move_due_date");
    assert_eq!(lines[1]["slots"]["dates"][0], "2026-03-20");
    assert_eq!(lines[1]["top"].as_array().unwrap().len(), 3);
    assert_eq!(lines[2]["intent"], "out_of_scope");

    let csv = dir.path().join("messages.csv");
    std::fs::write(&csv, "id,text\n1,\"hello, where is my refund?\"\n2,hej\n").unwrap();
    let lines = json_lines(&fairdesk(&[
        "intents",
        "classify",
        "--file",
        csv.to_str().unwrap(),
    ]));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["text"], "hello, where is my refund?");
    assert_eq!(lines[0]["intent"], "refund_status");
}

#[test]
fn messages_can_come_from_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(["intents", "classify", "--file", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"ich will mit einem Menschen sprechen\n")
        .unwrap();
    let lines = json_lines(&child.wait_with_output().unwrap());
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["intent"], "human_agent");
    assert_eq!(lines[0]["language"], "de");
}

#[test]
fn a_trained_understander_file_classifies_like_a_built_in_one_and_eval_writes_predictions() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("train.csv");
    let mut rows = String::from("text,label,lang\n");
    for (text, label, lang) in [
        ("where is my refund", "refund_status", "en"),
        ("refund not here yet", "refund_status", "en"),
        ("var är min återbetalning", "refund_status", "sv"),
        ("har inte fått pengarna tillbaka", "refund_status", "sv"),
        ("I want to talk to a human", "human_agent", "en"),
        ("agent please", "human_agent", "en"),
        ("jag vill prata med en människa", "human_agent", "sv"),
        ("kundtjänst tack", "human_agent", "sv"),
        ("what's the weather", "out_of_scope", "en"),
        ("tell me a joke", "out_of_scope", "en"),
        ("vad blir vädret", "out_of_scope", "sv"),
        ("berätta ett skämt", "out_of_scope", "sv"),
    ] {
        rows.push_str(&format!("{text},{label},{lang}\n"));
    }
    std::fs::write(&data, rows).unwrap();
    let model = dir.path().join("bnpl.model");
    let out = fairdesk(&[
        "intents",
        "train",
        "--data",
        data.to_str().unwrap(),
        "--out",
        model.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("BNPL understander"));
    // The saved understander has language identification and the person lexicon too.
    let lines = json_lines(&fairdesk(&[
        "intents",
        "classify",
        "--model",
        model.to_str().unwrap(),
        "--file",
        data.to_str().unwrap(),
    ]));
    assert_eq!(lines[6]["intent"], "human_agent");
    assert_eq!(lines[6]["language"], "sv");
    let predictions = dir.path().join("predictions.jsonl");
    let out = fairdesk(&[
        "intents",
        "eval",
        "--model",
        model.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--predictions",
        predictions.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&predictions).unwrap();
    let first: serde_json::Value = serde_json::from_str(written.lines().next().unwrap()).unwrap();
    assert_eq!(written.lines().count(), 12);
    assert_eq!(first["gold"], "refund_status");
    assert!(first["intent"].is_string() && first["top"].is_array());
}

#[test]
fn bad_model_and_data_files_are_refused_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.model");
    std::fs::write(&junk, b"not a model at all").unwrap();
    let out = fairdesk(&[
        "intents",
        "classify",
        "--model",
        junk.to_str().unwrap(),
        "hi",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("junk.model") && err.contains("not a fairdesk"),
        "{err}"
    );

    let csv = dir.path().join("broken.csv");
    std::fs::write(&csv, "id,text\n1,\"unterminated\n").unwrap();
    let out = fairdesk(&["intents", "classify", "--file", csv.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.csv") && err.contains("line 2"),
        "{err}"
    );

    let out = fairdesk(&["intents", "classify", "--file", "/no/such/file.txt"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
}
