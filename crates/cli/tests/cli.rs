//! The `fairdesk` commands as a user runs them: seed, audit, collect, and bad input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

fn fairdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fairdesk"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn seeding_builds_a_lender_in_every_state_and_the_audit_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("demo.db").display());
    let seeded = fairdesk(&[
        "seed",
        "--db",
        &db,
        "--customers",
        "120",
        "--as-of",
        "2026-11-25",
    ]);
    assert!(seeded.status.success(), "{}", stderr(&seeded));
    let audit = fairdesk(&["ledger", "audit", "--db", &db, "--json"]);
    assert!(audit.status.success(), "{}", stdout(&audit));
    let report: serde_json::Value = serde_json::from_str(&stdout(&audit)).unwrap();
    assert_eq!(report["customers"], 120);
    assert_eq!(report["rejected"], 0);
    for status in ["active", "paid_off", "refunded", "cancelled"] {
        assert!(
            report["orders_by_status"][status].as_i64().unwrap_or(0) > 0,
            "no {status} orders"
        );
    }
    for currency in ["SEK", "NOK", "DKK", "EUR", "GBP", "USD", "PLN"] {
        assert!(
            report["totals"][currency].is_object(),
            "no {currency} business"
        );
    }
    let fees: i64 = report["totals"]
        .as_object()
        .unwrap()
        .values()
        .map(|t| t["fee_income_minor"].as_i64().unwrap())
        .sum();
    assert!(fees < 0, "late fees were assessed somewhere");
}

#[test]
fn the_same_seed_and_date_build_the_same_lender_and_reseeding_is_a_replay() {
    let dir = tempfile::tempdir().unwrap();
    let audit = |name: &str| {
        let db = format!("sqlite://{}", dir.path().join(name).display());
        let args = [
            "seed",
            "--db",
            &db,
            "--customers",
            "40",
            "--seed",
            "9",
            "--as-of",
            "2026-06-01",
        ];
        assert!(fairdesk(&args).status.success());
        let again = fairdesk(&args);
        assert!(
            stdout(&again).contains(" 0 operations written"),
            "{}",
            stdout(&again)
        );
        stdout(&fairdesk(&["ledger", "audit", "--db", &db, "--json"]))
    };
    assert_eq!(audit("a.db"), audit("b.db"));
}

#[test]
fn collecting_twice_on_the_same_day_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("c.db").display());
    assert!(
        fairdesk(&[
            "seed",
            "--db",
            &db,
            "--customers",
            "60",
            "--as-of",
            "2026-03-01"
        ])
        .status
        .success()
    );
    let first = fairdesk(&["collect", "--db", &db, "--as-of", "2026-03-20"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        !stdout(&first).contains(" 0 captured"),
        "{}",
        stdout(&first)
    );
    let second = stdout(&fairdesk(&[
        "collect",
        "--db",
        &db,
        "--as-of",
        "2026-03-20",
    ]));
    assert!(
        second.contains(" 0 captured, 0 declined, 0 late fees, 0 plans resumed"),
        "{second}"
    );
    assert!(fairdesk(&["ledger", "audit", "--db", &db]).status.success());
}

#[test]
fn a_tampered_ledger_fails_the_audit_with_exit_code_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let db = format!("sqlite://{}", path.display());
    assert!(
        fairdesk(&[
            "seed",
            "--db",
            &db,
            "--customers",
            "10",
            "--as-of",
            "2026-03-01"
        ])
        .status
        .success()
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect(&db).await.unwrap();
        sqlx::query(
            "INSERT INTO postings (op_seq, n, debit, credit, currency, amount_minor) \
             VALUES (1, 99, 'lender/cash', 'lender/fee_income', 'SEK', 100)",
        )
        .execute(&mut conn)
        .await
        .unwrap();
    });
    let audit = fairdesk(&["ledger", "audit", "--db", &db]);
    assert_eq!(audit.status.code(), Some(1));
    assert!(
        stdout(&audit).contains("AUDIT FAILED"),
        "{}",
        stdout(&audit)
    );
}

#[test]
fn bad_arguments_get_clear_errors_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("never.db");
    let db = format!("sqlite://{}", path.display());
    let cases: [(&[&str], &str); 4] = [
        (&["seed", "--db", &db, "--customers", "0"], "customers"),
        (&["seed", "--db", &db, "--as-of", "2026-13-01"], "as-of"),
        (&["collect", "--db", &db, "--as-of", "tomorrow"], "as-of"),
        (
            &["ledger", "audit", "--db", "mysql://nope"],
            "unsupported database URL",
        ),
    ];
    for (args, needle) in cases {
        let out = fairdesk(args);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    }
    assert!(
        !path.exists(),
        "no database file is created by refused commands"
    );
}

fn fairdesk_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fairdesk"));
    cmd.args(args)
        .env_remove("FAIRDESK_SECRET")
        .env_remove("FAIRDESK_SECRET_FILE")
        .env_remove("FAIRDESK_AGENT_PASSWORD");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn serve_refuses_to_start_without_a_secret_or_with_a_bad_config_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("s.db").display());
    let no_secret = fairdesk_env(&["serve", "--db", &db, "--bind", "127.0.0.1:0"], &[]);
    assert!(!no_secret.status.success());
    assert!(
        stderr(&no_secret).contains("FAIRDESK_SECRET"),
        "{}",
        stderr(&no_secret)
    );

    let short = fairdesk_env(
        &["serve", "--db", &db, "--bind", "127.0.0.1:0"],
        &[("FAIRDESK_SECRET", "short")],
    );
    assert!(!short.status.success());
    assert!(stderr(&short).contains("32"), "{}", stderr(&short));

    let config = dir.path().join("fairdesk.toml");
    std::fs::write(&config, "[limits]\nsesion_hours = 2\n").unwrap();
    let typo = fairdesk_env(
        &["serve", "--config", config.to_str().unwrap()],
        &[("FAIRDESK_SECRET", &"s".repeat(40))],
    );
    assert!(!typo.status.success());
    assert!(stderr(&typo).contains("sesion_hours"), "{}", stderr(&typo));

    let bad_bind = fairdesk_env(
        &["serve", "--db", &db, "--bind", "localhost"],
        &[("FAIRDESK_SECRET", &"s".repeat(40))],
    );
    assert!(!bad_bind.status.success());
    assert!(
        stderr(&bad_bind).contains("HOST:PORT"),
        "{}",
        stderr(&bad_bind)
    );
}

#[test]
fn tokens_agents_and_merchant_keys_are_issued_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("a.db").display());
    let secret = "t".repeat(40);
    let token = fairdesk_env(
        &["token", "--customer", "C-000007", "--minutes", "5"],
        &[("FAIRDESK_SECRET", &secret)],
    );
    assert!(token.status.success(), "{}", stderr(&token));
    let token = stdout(&token).trim().to_owned();
    let key = fairdesk_server::Secret::new(secret.into_bytes()).unwrap();
    assert_eq!(
        key.verify(&token, chrono::Utc::now()).unwrap().as_str(),
        "C-000007"
    );

    let weak = fairdesk_env(
        &["agent", "add", "--db", &db, "--name", "anna"],
        &[("FAIRDESK_AGENT_PASSWORD", "short")],
    );
    assert!(!weak.status.success());
    assert!(stderr(&weak).contains("at least 10"), "{}", stderr(&weak));
    let added = fairdesk_env(
        &[
            "agent",
            "add",
            "--db",
            &db,
            "--name",
            "anna",
            "--role",
            "supervisor",
        ],
        &[("FAIRDESK_AGENT_PASSWORD", "a long enough password")],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(stdout(&added).contains("supervisor"));
    let again = fairdesk_env(
        &["agent", "add", "--db", &db, "--name", "anna"],
        &[("FAIRDESK_AGENT_PASSWORD", "a long enough password")],
    );
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );

    let merchant = fairdesk_env(
        &[
            "merchant",
            "add",
            "--db",
            &db,
            "--id",
            "M-T-1",
            "--name",
            "Test Shop",
            "--country",
            "SE",
            "--currency",
            "SEK",
        ],
        &[],
    );
    assert!(merchant.status.success(), "{}", stderr(&merchant));
    assert!(stdout(&merchant).trim().starts_with("mk_"));
    let unknown = fairdesk_env(&["merchant", "key", "--db", &db, "--id", "M-NOPE"], &[]);
    assert!(!unknown.status.success());
    assert!(
        stderr(&unknown).contains("no merchant M-NOPE"),
        "{}",
        stderr(&unknown)
    );
}
