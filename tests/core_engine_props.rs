//! Whatever the orders, the analysis keeps every one, sorts by urgency and counts right.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, TimeZone, Utc};
use std::sync::OnceLock;

use deadline_guard::core::{
    analyze_valid, DayCount, Order, OrderStatus, Policy, Risk, Side, ValidPolicy,
};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 10, 12, 0, 0).unwrap()
}

/// Validated once: building the calendar is the slow part, and not what is tested here.
fn policies() -> &'static [ValidPolicy; 2] {
    static POLICIES: OnceLock<[ValidPolicy; 2]> = OnceLock::new();
    POLICIES.get_or_init(|| {
        [DayCount::Calendar, DayCount::Working].map(|day_count| {
            Policy {
                day_count,
                ..Policy::default()
            }
            .validate()
            .expect("valid policy")
        })
    })
}

fn a_time() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    proptest::option::of((-20 * 24 * 60i64..60).prop_map(|m| now() + Duration::minutes(m)))
}

fn an_order() -> impl Strategy<Value = Order> {
    (
        "[0-9]{1,3}",
        proptest::option::of(proptest::sample::select(OrderStatus::ALL.to_vec())),
        any::<bool>(),
        (a_time(), a_time(), a_time(), a_time()),
        (a_time(), a_time(), a_time()),
    )
        .prop_map(
            |(
                id,
                status,
                buyer,
                (created, paid, shipped, requested),
                (refused, agreed, dispute),
            )| Order {
                id,
                status,
                side: if buyer { Side::Buyer } else { Side::Seller },
                created,
                paid,
                shipped,
                cancel_requested: requested,
                cancel_refused: refused,
                cancel_agreed: agreed,
                dispute_opened: dispute,
                ..Order::default()
            },
        )
}

proptest! {
    #[test]
    fn every_order_comes_out_once_in_urgency_order(
        mut orders in proptest::collection::vec(an_order(), 0..60),
        working in any::<bool>(),
        sixteen_digits in any::<bool>(),
    ) {
        if sixteen_digits {
            // Ids of one length, as AliExpress's are: the engine sorts these as packed integers,
            // ids of mixed lengths with a comparator; both must give this order.
            for order in &mut orders {
                order.id = format!("8{:0>15}", order.id);
            }
        }
        let policy = &policies()[usize::from(working)];
        let analysis = analyze_valid(&orders, policy, now());
        let mut ids_in: Vec<&str> = orders.iter().map(|o| o.id.as_str()).collect();
        let mut ids_out: Vec<&str> = analysis.orders.iter().map(|o| o.order_id.as_str()).collect();
        ids_in.sort_unstable();
        ids_out.sort_unstable();
        prop_assert_eq!(ids_in, ids_out);
        for pair in analysis.orders.windows(2) {
            let key = |o: &deadline_guard::core::AnalyzedOrder| {
                (o.risk, o.seconds_left.is_none(), o.seconds_left, o.order_id.clone())
            };
            prop_assert!(key(&pair[0]) <= key(&pair[1]), "{:?} before {:?}", key(&pair[0]), key(&pair[1]));
        }
        let c = analysis.counts;
        prop_assert_eq!(c.total as usize, orders.len());
        prop_assert_eq!(c.overdue + c.critical + c.unreadable + c.warning + c.ok + c.none, c.total);
        let critical = analysis.orders.iter().filter(|o| o.risk == Risk::Critical).count();
        prop_assert_eq!(c.critical as usize, critical);
        for o in &analysis.orders {
            // A deadline is never invented for an unreadable order.
            if o.risk == Risk::Unreadable {
                prop_assert!(o.deadline.is_none() && o.reason.is_some());
            }
            if matches!(o.risk, Risk::Overdue | Risk::Critical | Risk::Warning) {
                prop_assert!(o.actionable && o.deadline.is_some());
            }
        }
    }
}
