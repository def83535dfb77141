//! Calendar invariants over random calendars and dates.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc, Weekday};
use deadline_guard::core::{Calendar, Policy};
use proptest::prelude::*;

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn a_date() -> impl Strategy<Value = NaiveDate> {
    // 1995..2105: inside and on both sides of the precomputed table.
    (0i64..40_000)
        .prop_map(|offset| NaiveDate::from_ymd_opt(1995, 1, 1).unwrap() + Duration::days(offset))
}

fn a_calendar() -> impl Strategy<Value = Calendar> {
    (
        // At most six weekend days, so every week has a working day.
        proptest::sample::subsequence(WEEKDAYS.to_vec(), 0..=6),
        proptest::collection::vec(a_date(), 0..60),
        proptest::collection::vec(a_date(), 0..10),
    )
        .prop_map(|(weekend, holidays, make_up)| {
            Calendar::new(&weekend, &holidays, &make_up, &[], chrono_tz::UTC)
        })
}

fn an_instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2016..2038: inside and on both sides of the precomputed table (2019–2035).
    (1_451_606_400i64..2_145_916_800).prop_map(|s| Utc.timestamp_opt(s, 0).unwrap())
}

proptest! {
    #[test]
    fn the_nth_working_day_is_a_working_day_with_n_working_days_up_to_it(
        calendar in a_calendar(), start in a_date(), n in 1u32..60,
    ) {
        let end = calendar.nth_working_day(start, n).expect("a working day exists");
        prop_assert!(calendar.is_working_day(end));
        prop_assert!(end >= start);
        let counted = start.iter_days().take_while(|d| *d <= end).filter(|d| calendar.is_working_day(*d)).count();
        prop_assert_eq!(counted, n as usize);
    }

    #[test]
    fn more_days_never_end_earlier(calendar in a_calendar(), start in a_date(), n in 1u32..60) {
        let shorter = calendar.nth_working_day(start, n).unwrap();
        let longer = calendar.nth_working_day(start, n + 1).unwrap();
        prop_assert!(longer > shorter);
    }

    #[test]
    fn a_later_start_never_ends_earlier(
        calendar in a_calendar(), start in a_date(), later_by in 0i64..30, n in 1u32..30,
    ) {
        let early = calendar.nth_working_day(start, n).unwrap();
        let late = calendar.nth_working_day(start + Duration::days(later_by), n).unwrap();
        prop_assert!(late >= early);
    }

    #[test]
    fn the_table_agrees_with_the_rules(calendar in a_calendar(), date in a_date()) {
        prop_assert_eq!(calendar.is_working_day(date), calendar.is_working_day_by_rules(date));
    }

    #[test]
    fn working_deadlines_are_monotonic_and_end_at_local_midnight(
        paid in an_instant(), later_by in 0i64..(40 * 86_400), n in 1u32..20,
        zone_index in 0usize..4, country in proptest::option::of(prop_oneof![Just("ES"), Just("CN")]),
    ) {
        let zone = ["America/Los_Angeles", "Europe/Madrid", "Asia/Shanghai", "America/Sao_Paulo"][zone_index];
        let policy = Policy {
            seller_time_zone: Some(zone.into()),
            holiday_country: country.map(String::from),
            ..Policy::default()
        };
        let valid = policy.validate().unwrap();
        let (calendar, tz) = (valid.calendar(), valid.seller_time_zone());
        let first = calendar.working_deadline(paid, n).unwrap();
        let more_days = calendar.working_deadline(paid, n + 1).unwrap();
        let later = calendar.working_deadline(paid + Duration::seconds(later_by), n).unwrap();
        prop_assert_eq!(calendar.working_deadline_by_rules(paid, n), Some(first));
        prop_assert!(first > paid);
        prop_assert!(more_days > first);
        prop_assert!(later >= first);
        // The deadline is the start of a day in the seller's zone, right after a working day.
        let local = first.with_timezone(&tz);
        let last_day = local.date_naive().pred_opt().unwrap();
        prop_assert!(calendar.is_working_day(last_day));
        prop_assert_eq!(deadline_guard::core::calendar::start_of_day(local.date_naive(), tz), first);
    }
}
