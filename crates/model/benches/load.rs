//! How long a process waits for the built-in understander: reading it back from the bytes shipped
//! in the binary (what `fairdesk serve` and `fairdesk intents classify` do once at start).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use fairdesk_understand::Understander;

fn load(c: &mut Criterion) {
    let bytes = fairdesk_model::bnpl_bytes();
    let mut group = c.benchmark_group("built-in model");
    group.sample_size(10);
    group.bench_function("read the built-in understander", |b| {
        b.iter(|| Understander::from_bytes(black_box(bytes)).is_ok())
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
