//! Engine benchmark: analysing 100,000 varied orders (every status, both sides, given and
//! computed deadlines, unreadable ones) in both day-count modes. Budget: under 20 ms median.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use deadline_guard::core::{
    analyze_valid, DayCount, DeadlineSource, GivenDeadline, Order, OrderStatus, Policy, Side,
};

const ORDERS: usize = 100_000;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 10, 12, 0, 0).unwrap()
}

/// Deterministic variety: a small linear congruential generator, no extra dependency.
fn orders() -> Vec<Order> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % bound
    };
    (0..ORDERS)
        .map(|i| {
            let status = OrderStatus::ALL[next(OrderStatus::ALL.len() as u64) as usize];
            let paid = now() - Duration::minutes(next(60 * 24 * 12) as i64);
            let later = |minutes: u64| paid + Duration::minutes(minutes as i64);
            let mut order = Order {
                id: format!("{:016}", 8_000_000_000_000_000u64 + i as u64),
                status: if next(50) == 0 { None } else { Some(status) },
                side: if next(4) == 0 {
                    Side::Buyer
                } else {
                    Side::Seller
                },
                created: Some(paid - Duration::minutes(5)),
                paid: if next(40) == 0 { None } else { Some(paid) },
                handling_days: if next(3) == 0 {
                    Some(1 + next(9) as u32)
                } else {
                    None
                },
                ..Order::default()
            };
            match status {
                OrderStatus::InCancel => {
                    order.cancel_requested = Some(later(next(600)));
                    match next(3) {
                        0 => order.cancel_refused = Some(later(700)),
                        1 => order.cancel_agreed = Some(later(700)),
                        _ => order.shipped = Some(later(100)),
                    }
                }
                OrderStatus::InIssue => order.dispute_opened = Some(later(next(600))),
                OrderStatus::WaitBuyerAcceptGoods | OrderStatus::SellerPartSendGoods => {
                    order.shipped = Some(later(next(600)));
                    order.receipt_days = Some([15, 60, 90][next(3) as usize]);
                }
                _ => {}
            }
            if next(5) == 0 {
                order.given_deadline = Some(GivenDeadline {
                    at: now() + Duration::minutes(next(60 * 24 * 8) as i64 - 60 * 24),
                    source: if next(2) == 0 {
                        DeadlineSource::Page
                    } else {
                        DeadlineSource::Api
                    },
                });
            }
            order
        })
        .collect()
}

/// This thread's CPU time in nanoseconds (Linux `schedstat`), or `None` elsewhere.
///
/// Several agents share this machine's two cores, so wall-clock medians mostly measure the
/// queue for a core; CPU time measures the engine.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

fn bench(c: &mut Criterion) {
    let orders = orders();
    for (name, day_count, country) in [
        ("analyze_100k_calendar", DayCount::Calendar, None),
        ("analyze_100k_working_cn", DayCount::Working, Some("CN")),
    ] {
        let policy = Policy {
            day_count,
            holiday_country: country.map(String::from),
            seller_time_zone: country.map(|_| "Asia/Shanghai".to_string()),
            ..Policy::default()
        }
        .validate()
        .expect("valid policy");
        c.bench_function(name, |b| {
            b.iter(|| analyze_valid(black_box(&orders), &policy, now()))
        });
        if thread_cpu_ns().is_some() {
            c.bench_function(&format!("{name}_cpu_time"), |b| {
                b.iter_custom(|iterations| {
                    let start = thread_cpu_ns().expect("schedstat readable");
                    for _ in 0..iterations {
                        black_box(analyze_valid(black_box(&orders), &policy, now()));
                    }
                    let spent = thread_cpu_ns().expect("schedstat readable") - start;
                    std::time::Duration::from_nanos(spent)
                })
            });
        }
    }
    c.bench_function("validate_policy_cn", |b| {
        let policy = Policy {
            holiday_country: Some("CN".into()),
            ..Policy::default()
        };
        b.iter(|| black_box(&policy).validate())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
