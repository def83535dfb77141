//! The message guard on a 2,000-character message: it runs on every (debounced) keystroke.
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use deadline_guard::guard::{scan_message, GuardSettings};
use deadline_guard::read::Lang;

fn message_of(len: usize) -> String {
    let parts = [
        "Hello, thanks for your order 8123456789012345. ",
        "The parcel left the warehouse on 20/11/2026 and costs US $12.99 to ship. ",
        "Please write to me on W h a t s A p p or +34 612 345 678, ",
        "or ana (at) gmail (dot) com, or see myshop.com/p/1 for more colours; ",
        "we usually answer within two working days and we chat with every buyer about the sizes they need before we send anything. ",
    ];
    let mut text = String::new();
    while text.chars().count() < len {
        for part in parts {
            text.push_str(part);
        }
    }
    text.chars().take(len).collect()
}

fn guard(c: &mut Criterion) {
    let settings = GuardSettings::default();
    let text = message_of(2_000);
    c.bench_function("scan_message 2000 chars", |b| {
        b.iter(|| scan_message(black_box(&text), &settings, Lang::En))
    });
    let long = message_of(20_000);
    c.bench_function("scan_message 20000 chars", |b| {
        b.iter(|| scan_message(black_box(&long), &settings, Lang::En))
    });
}

criterion_group!(benches, guard);
criterion_main!(benches);
