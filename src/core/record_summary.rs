//! The summary of a page's annotated records: one count per risk, the orders most urgent first,
//! and the few to notify about. The overlay, the toolbar and the notifications all read this one
//! summary; the widget's page scan counts through `distinct_counts` too, so an order shown twice
//! on a page is one order everywhere.

use std::collections::HashSet;

use foldhash::fast::FixedState;
use serde::Serialize;

use super::analysis::{Risk, RiskCounts};
use super::sort::sorted_order;

/// What the summary needs of one annotated record (in page order).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SummaryRecord<'a> {
    /// The order it belongs to: a second record of the same order is not counted again.
    pub order_id: &'a str,
    /// Its risk.
    pub risk: Risk,
    /// Its deadline in Unix milliseconds, when it has one.
    pub deadline_ms: Option<i64>,
    /// Whether the seller can act on it (only those are notified about).
    pub actionable: bool,
}

/// The page's summary, by positions in the records given.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RecordSummary {
    /// One count per order.
    pub counts: RiskCounts,
    /// Each order's first record, most urgent first: by risk, then the sooner deadline (none
    /// last), then page order.
    pub urgent: Vec<u32>,
    /// The orders to notify about: the `cap` soonest future deadlines the seller can act on
    /// (soonest first, the more urgent first on equal times), then every other watched order, in
    /// page order, so the notifier can clear or move what it holds for them.
    pub alerts: Vec<u32>,
}

/// A set of ids with a fast hash: an order id is page text, not a key chosen to collide.
type IdSet<'a> = HashSet<&'a str, FixedState>;

/// Each order's first record (positions, in page order) and their counts: the one place a
/// page's risks are counted, a second record of an order being the same order.
pub fn distinct_counts<'a>(
    records: impl IntoIterator<Item = (&'a str, Risk)>,
) -> (Vec<u32>, RiskCounts) {
    let records = records.into_iter();
    let mut seen = IdSet::with_capacity_and_hasher(records.size_hint().0, FixedState::default());
    let mut firsts = Vec::new();
    let mut counts = RiskCounts::default();
    for (at, (id, risk)) in records.enumerate() {
        if seen.insert(id) {
            firsts.push(at as u32);
            counts.add(risk);
        }
    }
    (firsts, counts)
}

/// One number that orders as `(first, deadline)` do, a missing deadline after every other.
fn key(first: u8, deadline_ms: Option<i64>) -> u128 {
    // Flipping the sign bit makes the unsigned order of the bits the signed order of the times.
    let when = deadline_ms.map_or(u64::MAX, |ms| (ms as u64) ^ (1 << 63));
    (u128::from(first) << 64) | u128::from(when)
}

/// Summarizes `records` at `now_ms`; `watched`: the orders the notifier holds something for.
pub fn summarize_records(
    records: &[SummaryRecord],
    watched: &HashSet<&str>,
    now_ms: i64,
    cap: usize,
) -> RecordSummary {
    let (firsts, counts) = distinct_counts(records.iter().map(|r| (r.order_id, r.risk)));
    let of = |at: &u32| &records[*at as usize];

    let urgent = sorted_by_key(&firsts, |r| key(r.risk as u8, r.deadline_ms), records);

    let alerting: Vec<u32> = firsts
        .iter()
        .copied()
        .filter(|at| of(at).actionable && of(at).deadline_ms.is_some_and(|d| d > now_ms))
        .collect();
    // Soonest first; on equal times the more urgent (the risk as the lowest bits' tiebreak).
    let mut alerts = sorted_by_key(
        &alerting,
        |r| (key(0, r.deadline_ms) << 8) | u128::from(r.risk as u8),
        records,
    );
    alerts.truncate(cap);
    let mut notified = vec![false; records.len()];
    for &at in &alerts {
        notified[at as usize] = true;
    }
    alerts.extend(
        firsts
            .iter()
            .copied()
            .filter(|at| !notified[*at as usize] && watched.contains(of(at).order_id)),
    );

    RecordSummary {
        counts,
        urgent,
        alerts,
    }
}

/// `positions` (into `records`) sorted by `key` of their record, stable.
fn sorted_by_key(
    positions: &[u32],
    key: impl Fn(&SummaryRecord) -> u128,
    records: &[SummaryRecord],
) -> Vec<u32> {
    let keys: Vec<u128> = positions
        .iter()
        .map(|&at| key(&records[at as usize]))
        .collect();
    sorted_order(positions.len(), &mut |a, b| keys[a].cmp(&keys[b]))
        .into_iter()
        .map(|i| positions[i])
        .collect()
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: i64 = 1_800_000_000_000;

    fn record(
        order_id: &str,
        risk: Risk,
        deadline_ms: Option<i64>,
        actionable: bool,
    ) -> SummaryRecord<'_> {
        SummaryRecord {
            order_id,
            risk,
            deadline_ms,
            actionable,
        }
    }

    #[test]
    fn an_order_shown_twice_is_counted_and_listed_once() {
        let records = [
            record("1", Risk::Ok, Some(NOW + 9), true),
            record("2", Risk::Critical, Some(NOW + 5), true),
            record("1", Risk::Overdue, Some(NOW - 5), true),
        ];
        let summary = summarize_records(&records, &HashSet::new(), NOW, 100);
        assert_eq!(summary.counts.total, 2);
        assert_eq!(summary.counts.ok, 1, "the first record of order 1 counts");
        assert_eq!(summary.counts.overdue, 0);
        assert_eq!(summary.urgent, vec![1, 0]);
        assert_eq!(summary.alerts, vec![1, 0]);
    }

    #[test]
    fn urgent_first_is_by_risk_then_deadline_then_page_order() {
        let records = [
            record("a", Risk::None, None, false),
            record("b", Risk::Warning, Some(NOW + 50), true),
            record("c", Risk::Unreadable, None, true),
            record("d", Risk::Warning, Some(NOW + 10), true),
            record("e", Risk::Overdue, Some(NOW - 1), true),
            record("f", Risk::Warning, None, true),
            record("g", Risk::Warning, Some(NOW + 10), true),
        ];
        let summary = summarize_records(&records, &HashSet::new(), NOW, 100);
        assert_eq!(summary.urgent, vec![4, 2, 3, 6, 1, 5, 0]);
    }

    #[test]
    fn alerts_are_the_soonest_actionable_future_deadlines_then_the_watched() {
        let records = [
            record("late", Risk::Overdue, Some(NOW - 1), true),
            record("far", Risk::Ok, Some(NOW + 300), true),
            record("soon", Risk::Critical, Some(NOW + 100), true),
            record("buyer", Risk::Critical, Some(NOW + 50), false),
            record("mid", Risk::Warning, Some(NOW + 200), true),
            record("tie", Risk::Critical, Some(NOW + 200), true),
        ];
        let none = HashSet::new();
        let summary = summarize_records(&records, &none, NOW, 2);
        assert_eq!(
            summary.alerts,
            vec![2, 5],
            "soonest first; on equal times the more urgent"
        );
        let watched: HashSet<&str> = ["late", "far", "buyer", "gone"].into_iter().collect();
        let summary = summarize_records(&records, &watched, NOW, 2);
        assert_eq!(
            summary.alerts,
            vec![2, 5, 0, 1, 3],
            "then each watched order on the page, once"
        );
        assert_eq!(
            summarize_records(&records, &watched, NOW, 0).alerts,
            vec![0, 1, 3]
        );
    }

    #[test]
    fn no_records_no_summary() {
        assert_eq!(
            summarize_records(&[], &HashSet::new(), NOW, 100),
            RecordSummary::default()
        );
    }

    fn risk() -> impl Strategy<Value = Risk> {
        prop::sample::select(Risk::ALL.to_vec())
    }

    proptest! {
        /// Against a plain reference: dedup, a full stable sort, a filter.
        #[test]
        fn agrees_with_sorting_every_order(
            raw in prop::collection::vec((0_u8..12, risk(), prop::option::of(-5_i64..5), any::<bool>()), 0..60),
            watched_ids in prop::collection::hash_set(0_u8..12, 0..4),
            cap in 0_usize..6,
        ) {
            let ids: Vec<String> = raw.iter().map(|r| r.0.to_string()).collect();
            let records: Vec<SummaryRecord> = raw.iter().zip(&ids)
                .map(|(r, id)| record(id, r.1, r.2.map(|d| NOW + d * 1000), r.3)).collect();
            let watched_names: Vec<String> = watched_ids.iter().map(u8::to_string).collect();
            let watched: HashSet<&str> = watched_names.iter().map(String::as_str).collect();
            let summary = summarize_records(&records, &watched, NOW, cap);

            let mut seen = HashSet::new();
            let firsts: Vec<usize> = (0..records.len()).filter(|&i| seen.insert(records[i].order_id)).collect();
            let mut expected_counts = RiskCounts::default();
            for &i in &firsts { expected_counts.add(records[i].risk); }
            prop_assert_eq!(summary.counts, expected_counts);

            let mut urgent = firsts.clone();
            urgent.sort_by_key(|&i| (records[i].risk, records[i].deadline_ms.unwrap_or(i64::MAX)));
            prop_assert_eq!(&summary.urgent, &urgent.iter().map(|&i| i as u32).collect::<Vec<_>>());

            let mut soonest: Vec<usize> = firsts.iter().copied()
                .filter(|&i| records[i].actionable && records[i].deadline_ms.is_some_and(|d| d > NOW)).collect();
            soonest.sort_by_key(|&i| (records[i].deadline_ms, records[i].risk));
            soonest.truncate(cap);
            let mut alerts: Vec<u32> = soonest.iter().map(|&i| i as u32).collect();
            for &i in &firsts {
                if !soonest.contains(&i) && watched.contains(records[i].order_id) { alerts.push(i as u32); }
            }
            prop_assert_eq!(summary.alerts, alerts);
        }
    }
}
