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
