//! Engine time per customer turn on SQLite: understanding, the handoff check, the flow, and the
//! persistence of both messages. Two turns: a question answered from the ledger, and a money action
//! proposed for confirmation. (The model is trained once before measuring.)
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use fairdesk_agent::{AgentPolicy, AuthenticatedCustomer, Engine};
use fairdesk_ledger::{Currency, Money, Operation, PaymentMethod, PlanKind, Policy};
use fairdesk_store::Store;

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let (engine, conversation) = rt.block_on(async {
        let store = Store::open(&url, Policy::default()).await.unwrap();
        let ops = [
            Operation::RegisterMerchant {
                merchant: "M-1".parse().unwrap(),
                name: "Nordic Shoes".to_owned(),
                country: "SE".to_owned(),
                currency: Currency::SEK,
            },
            Operation::RegisterCustomer {
                customer: "C-1".parse().unwrap(),
                name: "Astrid Lund".to_owned(),
                country: "SE".to_owned(),
                language: "sv".to_owned(),
                card_valid: true,
            },
            Operation::CreateOrder {
                order: "O-1".parse().unwrap(),
                customer: "C-1".parse().unwrap(),
                merchant: "M-1".parse().unwrap(),
                description: "Shoes".to_owned(),
                amount: Money::new(100_000, Currency::SEK),
                plan: PlanKind::PayIn4,
            },
            Operation::CaptureInstallment {
                order: "O-1".parse().unwrap(),
                installment: 1,
                method: PaymentMethod::Manual,
            },
        ];
        for (i, op) in ops.iter().enumerate() {
            store
                .execute(&format!("setup-{i}").parse().unwrap(), op, day)
                .await
                .unwrap();
        }
        let mut policy = AgentPolicy::default();
        // Measure answered turns, not the silence after the turn limit hands over.
        policy.limits.turns_max = u32::MAX;
        let engine = Engine::new(store, policy).unwrap();
        let who = AuthenticatedCustomer::verified("C-1".parse().unwrap());
        let start = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
        let conversation = engine.start(&who, start).await.unwrap().conversation;
        (engine, conversation)
    });
    let who = AuthenticatedCustomer::verified("C-1".parse().unwrap());
    // Each turn is a minute apart so the rate limit never applies.
    let minute = AtomicI64::new(1);
    let now = || {
        Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap()
            + Duration::minutes(minute.fetch_add(1, Ordering::Relaxed))
    };
    let mut group = c.benchmark_group("engine_turn");
    group.bench_function("question_answered_from_the_ledger", |b| {
        b.iter(|| {
            rt.block_on(engine.handle(&who, &conversation.id, "när är min nästa betalning?", now()))
                .unwrap()
        });
    });
    group.bench_function("money_action_proposed", |b| {
        b.iter(|| {
            rt.block_on(engine.handle(&who, &conversation.id, "jag vill betala av allt nu", now()))
                .unwrap()
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
