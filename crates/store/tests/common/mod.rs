//! Shared test setup: a fresh database per test on either backend, and a small lender to act on.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use fairdesk_ledger::{Currency, IdempotencyKey, Money, Operation, PlanKind, Policy};
use fairdesk_store::{Backend, Store};

/// A fresh, empty store. SQLite lives in a temporary directory kept alive by the returned guard;
/// PostgreSQL gets a new database with a random name.
pub async fn fresh(backend: Backend) -> (Store, Guard) {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite://{}", dir.path().join("ledger.db").display());
            (
                Store::open(&url, Policy::default()).await.unwrap(),
                Guard(Some(dir)),
            )
        }
        Backend::Postgres => {
            let url = fairdesk_store::testing::fresh_postgres_url()
                .await
                .expect("PostgreSQL must be reachable for the PostgreSQL tests (see .ci/run)");
            (
                Store::open(&url, Policy::default()).await.unwrap(),
                Guard(None),
            )
        }
    }
}

pub struct Guard(Option<tempfile::TempDir>);

pub fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + chrono::Days::new(u64::from(d))
}

pub fn key(k: &str) -> IdempotencyKey {
    k.parse().unwrap()
}

pub fn sek(minor: i64) -> Money {
    Money::new(minor, Currency::SEK)
}

/// Registers customer C-1 and merchant M-1 (SEK) and creates order O-1 of `amount` on day 0.
pub async fn lender_with_order(store: &Store, amount: Money, plan: PlanKind) {
    let ops = [
        Operation::RegisterCustomer {
            customer: "C-1".parse().unwrap(),
            name: "Astrid Lund".to_owned(),
            country: "SE".to_owned(),
            language: "sv".to_owned(),
            card_valid: true,
        },
        Operation::RegisterMerchant {
            merchant: "M-1".parse().unwrap(),
            name: "Nordic Shoes".to_owned(),
            country: "SE".to_owned(),
            currency: Currency::SEK,
        },
        Operation::CreateOrder {
            order: "O-1".parse().unwrap(),
            customer: "C-1".parse().unwrap(),
            merchant: "M-1".parse().unwrap(),
            description: "Running shoes".to_owned(),
            amount,
            plan,
        },
    ];
    for (i, op) in ops.iter().enumerate() {
        store
            .execute(&key(&format!("setup-{i}")), op, day(0))
            .await
            .unwrap();
    }
}

/// Runs a test body against both backends.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                super::$body(fairdesk_store::Backend::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                super::$body(fairdesk_store::Backend::Postgres).await;
            }
        }
    };
}
