//! Applying ledger operations through the store on SQLite (WAL, synchronous=FULL): one operation per
//! transaction, a batch of 100 per transaction, and an idempotent replay.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fairdesk_ledger::{Currency, Money, Operation, PlanKind, Policy};
use fairdesk_store::{Request, Store};

fn create(n: u64) -> Operation {
    Operation::CreateOrder {
        order: format!("O-{n}").parse().unwrap(),
        customer: "C-1".parse().unwrap(),
        merchant: "M-1".parse().unwrap(),
        description: "Bench purchase".to_owned(),
        amount: Money::new(100_000, Currency::SEK),
        plan: PlanKind::PayIn4,
    }
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let store = rt.block_on(async {
        let store = Store::open(&url, Policy::default()).await.unwrap();
        let setup = [
            Operation::RegisterCustomer {
                customer: "C-1".parse().unwrap(),
                name: "Bench".to_owned(),
                country: "SE".to_owned(),
                language: "sv".to_owned(),
                card_valid: true,
            },
            Operation::RegisterMerchant {
                merchant: "M-1".parse().unwrap(),
                name: "Bench Shop".to_owned(),
                country: "SE".to_owned(),
                currency: Currency::SEK,
            },
        ];
        for (i, op) in setup.iter().enumerate() {
            store
                .execute(&format!("setup-{i}").parse().unwrap(), op, day)
                .await
                .unwrap();
        }
        store
    });
    let next = AtomicU64::new(0);
    let mut group = c.benchmark_group("sqlite");
    group.throughput(Throughput::Elements(1));
    group.bench_function("create_order_one_per_transaction", |b| {
        b.iter(|| {
            let n = next.fetch_add(1, Ordering::Relaxed);
            let key = format!("k-{n}").parse().unwrap();
            rt.block_on(store.execute(&key, &create(n), day)).unwrap()
        });
    });
    group.bench_function("idempotent_replay", |b| {
        let key = "k-0".parse().unwrap();
        let op = create(0);
        b.iter(|| rt.block_on(store.execute(&key, &op, day)).unwrap());
    });
    group.throughput(Throughput::Elements(100));
    group.bench_function("create_order_batch_of_100", |b| {
        b.iter(|| {
            let batch: Vec<Request> = (0..100)
                .map(|_| {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    Request {
                        key: format!("k-{n}").parse().unwrap(),
                        op: create(n),
                        as_of: day,
                    }
                })
                .collect();
            rt.block_on(store.execute_batch(&batch)).unwrap()
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
