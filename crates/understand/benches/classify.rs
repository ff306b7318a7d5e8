//! Latency of understanding one message with the default BNPL model (language id, intents and the
//! human safety net together; target ≤ 100 µs on one core) and of slot extraction, and the time
//! to train the whole BNPL model from the embedded files (target ≤ 30 s).

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use fairdesk_understand::understander::{bnpl_config, bnpl_training_examples};
use fairdesk_understand::{DateOrder, Lang, SlotContext, Understander, extract_slots};

const MESSAGES: &[&str] = &[
    "where is my order from Zalando?",
    "jag vill prata med en människa",
    "Kann ich die letzte Rate auf nächsten Freitag verschieben?",
    "je n'ai toujours pas reçu mon remboursement pour la commande 12345",
    "mikä on seuraavan maksuni eräpäivä",
    "I lost my job last month and honestly I don't know how I'm going to pay the rest of \
     this, can someone help me figure out a plan before the late fees start piling up",
];

fn understand(c: &mut Criterion) {
    // The same training as the model `fairdesk-model` ships (deterministic: the same weights).
    let trained = bnpl_training_examples()
        .map_err(|e| e.to_string())
        .and_then(|ex| Understander::train(&ex, &bnpl_config()).map_err(|e| e.to_string()));
    let model = match trained {
        Ok(model) => model,
        Err(e) => {
            eprintln!("cannot build the BNPL model: {e}");
            return;
        }
    };
    let mut next = MESSAGES.iter().cycle();
    c.bench_function("understand one message", |b| {
        b.iter(|| model.understand(black_box(next.next().copied().unwrap_or_default())))
    });
    let merchants: Vec<String> = ["Zalando", "H&M", "IKEA", "Elgiganten"]
        .map(String::from)
        .to_vec();
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
    let ctx = SlotContext {
        merchants: &merchants,
        today,
        date_order: DateOrder::DayMonth,
    };
    c.bench_function("extract slots", |b| {
        b.iter(|| {
            extract_slots(
                black_box("order #A7-889, 49,90 € due 1.12."),
                Lang::De,
                &ctx,
            )
        })
    });
}

fn train(c: &mut Criterion) {
    let examples = match bnpl_training_examples() {
        Ok(examples) => examples,
        Err(e) => {
            eprintln!("cannot read the embedded examples: {e}");
            return;
        }
    };
    let mut group = c.benchmark_group("training");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(60));
    group.bench_function("train the BNPL model", |b| {
        b.iter(|| Understander::train(black_box(&examples), &bnpl_config()).is_ok())
    });
    group.finish();
}

criterion_group!(benches, understand, train);
criterion_main!(benches);
