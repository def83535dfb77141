//! How urgent a running clock is, and the hints that follow from the time left.
//!
//! Boundaries (all exact, to the nanosecond of the instants compared):
//! overdue when `deadline <= now`; critical when strictly less than `criticalHours` is left;
//! warning when strictly less than `warningHours` is left; ok otherwise. So exactly 24 h left
//! with the defaults is a warning, and exactly 72 h left is ok.

use chrono::{DateTime, Duration, Utc};

use super::analysis::{DeadlineKind, Hint, Risk};
pub use super::hint_set::HintSet;

/// The risk of a deadline the user must beat.
pub fn classify(
    deadline: DateTime<Utc>,
    now: DateTime<Utc>,
    critical_hours: u32,
    warning_hours: u32,
) -> Risk {
    classify_left(deadline - now, critical_hours, warning_hours)
}

/// The risk of a deadline the user must beat, from the time left.
pub fn classify_left(left: Duration, critical_hours: u32, warning_hours: u32) -> Risk {
    if left <= Duration::zero() {
        Risk::Overdue
    } else if left < Duration::hours(i64::from(critical_hours)) {
        Risk::Critical
    } else if left < Duration::hours(i64::from(warning_hours)) {
        Risk::Warning
    } else {
        Risk::Ok
    }
}

/// Whole seconds left, rounded down, so any overdue instant is negative.
pub fn seconds_left(deadline: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    whole_seconds(deadline - now)
}

/// A duration in whole seconds, rounded down, after truncating it to whole milliseconds
/// (so 0.5 ms before a deadline still counts as 0 s left, as it always has).
pub fn whole_seconds(left: Duration) -> i64 {
    // Same as `left.num_milliseconds().div_euclid(1000)` without two divisions: both parts
    // share the sign, and the truncated milliseconds reach a whole second below only when
    // at least 1 ms of the fraction is negative.
    let seconds = left.num_seconds();
    if left.subsec_nanos() <= -1_000_000 {
        seconds - 1
    } else {
        seconds
    }
}

/// Hints that depend on the time left: past the seller's own ship goal, the ship button to
/// double-check when little or no time is left, a dispute to open once the tracking proof is late.
pub fn time_hints(
    kind: DeadlineKind,
    risk: Risk,
    now: DateTime<Utc>,
    ship_target: Option<DateTime<Utc>>,
    hints: &mut HintSet,
) {
    if kind == DeadlineKind::Ship {
        if ship_target.is_some_and(|target| now > target) {
            hints.insert(Hint::PastInternalTarget);
        }
        if matches!(risk, Risk::Critical | Risk::Overdue) {
            hints.insert(Hint::DoubleCheckShipButton);
        }
    }
    if kind == DeadlineKind::TrackingProof && risk == Risk::Overdue {
        hints.insert(Hint::OpenDispute);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn every_boundary_with_the_default_thresholds() {
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
        let ns = Duration::nanoseconds(1);
        let cases = [
            ("one hour late", -Duration::hours(1), Risk::Overdue),
            ("exactly at the deadline", Duration::zero(), Risk::Overdue),
            ("a nanosecond before", ns, Risk::Critical),
            ("just under 24 h", Duration::hours(24) - ns, Risk::Critical),
            ("exactly 24 h", Duration::hours(24), Risk::Warning),
            ("just under 72 h", Duration::hours(72) - ns, Risk::Warning),
            ("exactly 72 h", Duration::hours(72), Risk::Ok),
            ("ten days", Duration::days(10), Risk::Ok),
        ];
        for (name, left, expected) in cases {
            assert_eq!(classify(now + left, now, 24, 72), expected, "{name}");
        }
    }

    #[test]
    fn whole_seconds_match_the_milliseconds_rounded_down() {
        let nanos = [
            0,
            1,
            999_999,
            1_000_000,
            1_000_001,
            500_000_000,
            998_999_999,
            999_000_000,
            999_000_001,
            999_999_999,
        ];
        for seconds in [-86_401i64, -2, -1, 0, 1, 2, 86_400] {
            for n in nanos {
                for left in [
                    Duration::seconds(seconds) + Duration::nanoseconds(n),
                    Duration::seconds(seconds) - Duration::nanoseconds(n),
                ] {
                    let expected = left.num_milliseconds().div_euclid(1000);
                    assert_eq!(whole_seconds(left), expected, "{left:?}");
                }
            }
        }
    }

    #[test]
    fn thresholds_come_from_the_policy() {
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
        assert_eq!(
            classify(now + Duration::hours(5), now, 6, 12),
            Risk::Critical
        );
        assert_eq!(
            classify(now + Duration::hours(6), now, 6, 12),
            Risk::Warning
        );
        assert_eq!(classify(now + Duration::hours(12), now, 6, 12), Risk::Ok);
    }

    #[test]
    fn seconds_left_rounds_down() {
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
        assert_eq!(seconds_left(now + Duration::milliseconds(1500), now), 1);
        assert_eq!(seconds_left(now - Duration::milliseconds(500), now), -1);
        assert_eq!(seconds_left(now, now), 0);
    }

    #[test]
    fn ship_hints_follow_the_time_left() {
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
        let cases = [
            (Risk::Ok, Some(now + Duration::hours(1)), vec![]),
            (Risk::Ok, Some(now), vec![]),
            (
                Risk::Warning,
                Some(now - Duration::seconds(1)),
                vec![Hint::PastInternalTarget],
            ),
            (Risk::Critical, None, vec![Hint::DoubleCheckShipButton]),
            (
                Risk::Overdue,
                Some(now - Duration::hours(30)),
                vec![Hint::PastInternalTarget, Hint::DoubleCheckShipButton],
            ),
        ];
        for (risk, target, expected) in cases {
            let mut hints = HintSet::default();
            time_hints(DeadlineKind::Ship, risk, now, target, &mut hints);
            assert_eq!(hints.to_vec(), expected, "{risk:?} {target:?}");
        }
        let mut hints = HintSet::default();
        time_hints(
            DeadlineKind::CancelResponse,
            Risk::Overdue,
            now,
            None,
            &mut hints,
        );
        assert!(hints.to_vec().is_empty());
        time_hints(
            DeadlineKind::TrackingProof,
            Risk::Critical,
            now,
            None,
            &mut hints,
        );
        assert!(hints.to_vec().is_empty());
        time_hints(
            DeadlineKind::TrackingProof,
            Risk::Overdue,
            now,
            None,
            &mut hints,
        );
        assert_eq!(hints.to_vec(), vec![Hint::OpenDispute]);
    }
}
