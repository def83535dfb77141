//! Engine benchmarks (filled in by the engine work: analysing 100,000 orders).
use criterion::{criterion_group, criterion_main, Criterion};
use deadline_guard::core::Policy;

fn policy_default(c: &mut Criterion) {
    c.bench_function("policy_default", |b| b.iter(Policy::default));
}

criterion_group!(benches, policy_default);
criterion_main!(benches);
