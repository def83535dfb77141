//! When a record's annotation can next change with time alone, so the page side rescans a record
//! only then instead of every record every minute (an idle 2,500-order tab spent most of a second
//! a minute rescanning rows whose badges read the same).
//!
//! Time moves a verdict through steps only: the risk (whole hours before the deadline, the deadline
//! itself) and the durations a badge words (`present::duration`: whole hours from one day up,
//! whole minutes below). All of them change at the edges of those steps, so the first edge after
//! `now` is the first instant the annotation can differ.

use chrono::{DateTime, Duration, Utc};

use crate::core::calendar::start_of_day;
use crate::core::deadline::future_times_past_at;
use crate::core::{AnalyzedOrder, Order, Risk};
use crate::present;

/// The first instant after which the annotation of `v`, made at `now`, may read differently; `None`
/// when only the page can change it (no clock runs, or text that cannot be read). `order` is what
/// the page said: an order unreadable for a time ahead of the clock may read once it is not.
pub fn changes_at(order: &Order, v: &AnalyzedOrder, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if v.risk == Risk::Unreadable {
        return future_times_past_at(order, now);
    }
    let deadline = v.deadline?;
    let mut first = next_edge(deadline, now);
    // The ship goal's hint counts down to it, then says it is past.
    if let Some(target) = v.ship_target.filter(|target| *target > now) {
        first = first.min(next_edge(target, now));
    }
    Some(first)
}

/// `changes_at` of a buyer-side record: its badge counts the seller's working days to the deadline
/// from today in the seller's zone, so it may also change at the next midnight there.
pub fn buyer_changes_at(
    changes_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    zone: chrono_tz::Tz,
) -> Option<DateTime<Utc>> {
    let tomorrow = now.with_timezone(&zone).date_naive().succ_opt()?;
    Some(changes_at?.min(start_of_day(tomorrow, zone)))
}

/// The next edge of the steps in which `present::duration(at - now)` and the risk of a clock
/// ending `at` change.
fn next_edge(at: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    let left = crate::core::risk::whole_seconds(at - now);
    if left >= 0 {
        // Still ahead: the text steps down once less than the current step's lower edge is left
        // (`floor(at - t) < edge` exactly when `t > at - edge`), and the risk turns at `at`.
        let step = present::duration_step(left);
        at - Duration::seconds(left - left.rem_euclid(step))
    } else {
        // Past: the text steps up once the whole seconds late reach the next multiple of the step.
        let late = left.unsigned_abs() as i64;
        let step = present::duration_step(late);
        at + Duration::seconds((late / step + 1) * step - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Lang;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    /// Walks second by second from `now` and returns the first instant the duration text of
    /// `deadline - t` differs from its text at `now`.
    fn first_text_change(deadline: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
        let text = |t: DateTime<Utc>| {
            let left = crate::core::risk::whole_seconds(deadline - t);
            (deadline <= t, present::duration(left, Lang::En))
        };
        let start = text(now);
        let mut t = now;
        loop {
            t += Duration::milliseconds(250);
            if text(t) != start {
                return t;
            }
        }
    }

    #[test]
    fn the_edge_is_the_last_instant_before_the_text_changes() {
        let now = at("2026-11-20T10:00:00.300Z");
        for deadline in [
            "2026-11-23T13:27:10Z", // days ahead: hours
            "2026-11-21T09:59:59Z", // just under a day ahead: minutes
            "2026-11-21T10:00:00Z", // one day exactly
            "2026-11-20T10:05:00Z", // minutes ahead
            "2026-11-20T10:00:30Z", // under a minute: the deadline itself
            "2026-11-20T09:59:50Z", // just past
            "2026-11-20T08:30:00Z", // hours past
            "2026-11-17T08:30:00Z", // days past
        ] {
            let deadline = at(deadline);
            let edge = next_edge(deadline, now);
            let change = first_text_change(deadline, now);
            assert!(edge > now, "{deadline}: edge {edge} not after now");
            // The deadline itself turns the risk at that very instant; every other edge is passed
            // before its text changes.
            assert!(
                edge <= change,
                "{deadline}: edge {edge} after the change at {change}"
            );
            assert!(
                change - edge <= Duration::seconds(1),
                "{deadline}: edge {edge} long before the change at {change}"
            );
        }
    }

    #[test]
    fn an_order_unreadable_for_a_future_time_is_due_when_that_time_is_near() {
        let now = at("2026-11-20T10:00:00Z");
        let paid_ahead = Order {
            created: Some(at("2026-11-20T08:00:00Z")),
            paid: Some(at("2026-11-20T12:00:00Z")),
            ..Order::default()
        };
        assert_eq!(
            future_times_past_at(&paid_ahead, now),
            Some(at("2026-11-20T11:50:00Z"))
        );
        // Within the tolerance, or in the past: no time will read differently.
        let paid_soon = Order {
            paid: Some(at("2026-11-20T10:05:00Z")),
            ..Order::default()
        };
        assert_eq!(future_times_past_at(&paid_soon, now), None);
        assert_eq!(future_times_past_at(&Order::default(), now), None);
    }

    #[test]
    fn a_buyer_record_is_also_due_at_the_sellers_midnight() {
        let now = at("2026-11-20T10:00:00Z");
        let days_ahead = Some(at("2026-11-23T00:00:00Z"));
        // Shanghai is UTC+8: its next midnight is 16:00 UTC.
        assert_eq!(
            buyer_changes_at(days_ahead, now, chrono_tz::Asia::Shanghai),
            Some(at("2026-11-20T16:00:00Z"))
        );
        let sooner = Some(at("2026-11-20T10:30:00Z"));
        assert_eq!(
            buyer_changes_at(sooner, now, chrono_tz::Asia::Shanghai),
            sooner
        );
        assert_eq!(buyer_changes_at(None, now, chrono_tz::Asia::Shanghai), None);
    }

    #[test]
    fn a_risk_threshold_falls_on_an_edge() {
        // 72 h 30 min left with a warning at 72 h: the hour step's edge is the threshold.
        let now = at("2026-11-20T10:00:00Z");
        let deadline = at("2026-11-23T10:30:00Z");
        assert_eq!(next_edge(deadline, now), at("2026-11-20T10:30:00Z"));
        assert_eq!(
            crate::core::risk::classify(deadline, at("2026-11-20T10:30:00.001Z"), 24, 72),
            Risk::Warning
        );
    }
}
