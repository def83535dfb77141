//! Working days: weekends, holidays, official make-up working days and dated extension windows.
//!
//! Built once per validated policy. Days from 2015 to 2040 are precomputed into a table so
//! analysing many orders costs one array read per day counted; dates outside it are answered
//! by the same rules, just slower.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use super::policy::ExtensionWindow;

/// How far `nth_working_day` looks before giving up (only a calendar made of holidays gets there).
const MAX_SCAN_DAYS: i64 = 3660;

const TABLE_FIRST_YEAR: i32 = 2015;
const TABLE_LAST_YEAR: i32 = 2040;

/// A seller's working-day calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Indexed by `Weekday::num_days_from_monday`.
    weekend: [bool; 7],
    /// Sorted, no duplicates.
    holidays: Vec<NaiveDate>,
    /// Weekend days declared working days; sorted, no duplicates.
    make_up_days: Vec<NaiveDate>,
    extensions: Vec<ExtensionWindow>,
    table_start: NaiveDate,
    table: Vec<bool>,
}

impl Calendar {
    /// A calendar from the policy's parts. A holiday beats a make-up working day on the same date,
    /// so a seller can still take a day off that the state declared working.
    pub fn new(
        weekend: &[Weekday],
        holidays: &[NaiveDate],
        make_up_days: &[NaiveDate],
        extensions: &[ExtensionWindow],
    ) -> Calendar {
        let mut weekend_mask = [false; 7];
        for day in weekend {
            weekend_mask[day.num_days_from_monday() as usize] = true;
        }
        let mut holidays = holidays.to_vec();
        holidays.sort_unstable();
        holidays.dedup();
        let mut make_up_days = make_up_days.to_vec();
        make_up_days.sort_unstable();
        make_up_days.dedup();
        let table_start = NaiveDate::from_ymd_opt(TABLE_FIRST_YEAR, 1, 1).expect("valid date");
        let table_end = NaiveDate::from_ymd_opt(TABLE_LAST_YEAR, 12, 31).expect("valid date");
        let mut calendar = Calendar {
            weekend: weekend_mask,
            holidays,
            make_up_days,
            extensions: extensions.to_vec(),
            table_start,
            table: Vec::new(),
        };
        calendar.table = table_start
            .iter_days()
            .take_while(|d| *d <= table_end)
            .map(|d| calendar.is_working_day_by_rules(d))
            .collect();
        calendar
    }

    /// Is the date a working day? Holidays first, then make-up days, then the weekend.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let index = (date - self.table_start).num_days();
        match usize::try_from(index).ok().and_then(|i| self.table.get(i)) {
            Some(&working) => working,
            None => self.is_working_day_by_rules(date),
        }
    }

    /// The rules themselves, without the table (public so tests can compare the two).
    pub fn is_working_day_by_rules(&self, date: NaiveDate) -> bool {
        if self.holidays.binary_search(&date).is_ok() {
            return false;
        }
        if self.make_up_days.binary_search(&date).is_ok() {
            return true;
        }
        !self.weekend[date.weekday().num_days_from_monday() as usize]
    }

    /// The `n`th working day counting `start` as day 1 when it is a working day (`n` ≥ 1).
    ///
    /// `None` for `n == 0`, or when no such day exists within ten years.
    pub fn nth_working_day(&self, start: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return None;
        }
        let mut counted = 0;
        let mut day = start;
        for _ in 0..MAX_SCAN_DAYS + i64::from(n) * 7 {
            if self.is_working_day(day) {
                counted += 1;
                if counted == n {
                    return Some(day);
                }
            }
            day = day.succ_opt()?;
        }
        None
    }

    /// The end of the `n`th working day after `start` in `zone`: 00:00 of the following day there.
    ///
    /// The day `start` falls on (in `zone`) is day 1 when it is a working day.
    pub fn working_deadline(
        &self,
        start: DateTime<Utc>,
        n: u32,
        zone: Tz,
    ) -> Option<DateTime<Utc>> {
        let first = start.with_timezone(&zone).date_naive();
        let last = self.nth_working_day(first, n)?;
        Some(start_of_day(last.succ_opt()?, zone))
    }

    /// Extra handling days for an order paid on `paid_date` (seller's calendar): the sum over
    /// every extension window containing it, so overlapping announcements add up.
    pub fn extension_days(&self, paid_date: NaiveDate) -> u32 {
        self.extensions
            .iter()
            .filter(|w| w.from <= paid_date && paid_date <= w.to)
            .map(|w| w.extra_days)
            .sum()
    }
}

/// The first instant of `date` in `zone`. Where a daylight-saving jump skips midnight, the day
/// starts at the first wall-clock time that exists.
pub fn start_of_day(date: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let midnight = date.and_hms_opt(0, 0, 0).expect("midnight exists");
    let mut local = midnight;
    // Gaps are at most a few hours; step by 15 minutes to the first existing wall-clock time.
    for _ in 0..(24 * 4) {
        if let Some(instant) = zone.from_local_datetime(&local).earliest() {
            return instant.with_timezone(&Utc);
        }
        local += Duration::minutes(15);
    }
    midnight.and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn weekdays_only() -> Calendar {
        Calendar::new(&[Weekday::Sat, Weekday::Sun], &[], &[], &[])
    }

    #[test]
    fn nth_working_day_table() {
        let with_holiday =
            Calendar::new(&[Weekday::Sat, Weekday::Sun], &[d(2026, 3, 11)], &[], &[]);
        let make_up = Calendar::new(&[Weekday::Sat, Weekday::Sun], &[], &[d(2026, 3, 7)], &[]);
        let cases: [(&str, &Calendar, NaiveDate, u32, NaiveDate); 7] = [
            (
                "a Monday is day 1",
                &weekdays_only(),
                d(2026, 3, 2),
                1,
                d(2026, 3, 2),
            ),
            (
                "five days from Monday end on Friday",
                &weekdays_only(),
                d(2026, 3, 2),
                5,
                d(2026, 3, 6),
            ),
            (
                "from Friday, day 2 is Monday",
                &weekdays_only(),
                d(2026, 3, 6),
                2,
                d(2026, 3, 9),
            ),
            (
                "a Saturday start: day 1 is Monday",
                &weekdays_only(),
                d(2026, 3, 7),
                1,
                d(2026, 3, 9),
            ),
            (
                "a Wednesday holiday is skipped",
                &with_holiday,
                d(2026, 3, 9),
                3,
                d(2026, 3, 12),
            ),
            (
                "a make-up Saturday counts",
                &make_up,
                d(2026, 3, 6),
                2,
                d(2026, 3, 7),
            ),
            (
                "seven days span a weekend",
                &weekdays_only(),
                d(2026, 3, 4),
                7,
                d(2026, 3, 12),
            ),
        ];
        for (name, calendar, start, n, expected) in cases {
            assert_eq!(calendar.nth_working_day(start, n), Some(expected), "{name}");
        }
        assert_eq!(weekdays_only().nth_working_day(d(2026, 3, 2), 0), None);
    }

    #[test]
    fn a_user_holiday_beats_a_make_up_day() {
        let c = Calendar::new(
            &[Weekday::Sat, Weekday::Sun],
            &[d(2026, 2, 14)],
            &[d(2026, 2, 14)],
            &[],
        );
        assert!(!c.is_working_day(d(2026, 2, 14)));
    }

    #[test]
    fn dates_outside_the_table_follow_the_same_rules() {
        let c = Calendar::new(&[Weekday::Sun], &[d(2014, 12, 31), d(2041, 1, 7)], &[], &[]);
        assert!(!c.is_working_day(d(2014, 12, 31)));
        assert!(c.is_working_day(d(2014, 12, 30)));
        assert!(!c.is_working_day(d(2014, 12, 28)));
        assert!(!c.is_working_day(d(2041, 1, 7)));
        assert!(c.is_working_day(d(2041, 1, 8)));
        assert!(!c.is_working_day(d(2041, 1, 13)));
    }

    #[test]
    fn a_calendar_without_working_days_gives_up() {
        let c = Calendar::new(
            &[
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ],
            &[],
            &[],
            &[],
        );
        assert_eq!(c.nth_working_day(d(2026, 1, 1), 1), None);
    }

    #[test]
    fn extension_windows_are_inclusive_and_add_up() {
        let windows = [
            ExtensionWindow {
                from: d(2020, 1, 20),
                to: d(2020, 2, 18),
                extra_days: 7,
            },
            ExtensionWindow {
                from: d(2020, 2, 18),
                to: d(2020, 2, 20),
                extra_days: 2,
            },
        ];
        let c = Calendar::new(&[], &[], &[], &windows);
        assert_eq!(c.extension_days(d(2020, 1, 19)), 0);
        assert_eq!(c.extension_days(d(2020, 1, 20)), 7);
        assert_eq!(c.extension_days(d(2020, 2, 18)), 9);
        assert_eq!(c.extension_days(d(2020, 2, 20)), 2);
        assert_eq!(c.extension_days(d(2020, 2, 21)), 0);
    }

    #[test]
    fn the_working_deadline_is_midnight_after_the_last_day_in_the_seller_zone() {
        let madrid: Tz = "Europe/Madrid".parse().unwrap();
        // Paid Monday 2026-03-02 23:30 in Madrid (22:30 UTC): Monday is day 1.
        let paid = Utc.with_ymd_and_hms(2026, 3, 2, 22, 30, 0).unwrap();
        let deadline = weekdays_only().working_deadline(paid, 3, madrid).unwrap();
        // Day 3 is Wednesday; the deadline is Thursday 00:00 in Madrid = Wednesday 23:00 UTC.
        assert_eq!(
            deadline,
            Utc.with_ymd_and_hms(2026, 3, 4, 23, 0, 0).unwrap()
        );
    }

    #[test]
    fn a_day_whose_midnight_is_skipped_starts_at_the_first_existing_time() {
        // America/Sao_Paulo has had no DST since 2019, but its clocks jumped from 00:00 to 01:00
        // on 2018-11-04.
        let sao_paulo: Tz = "America/Sao_Paulo".parse().unwrap();
        let start = start_of_day(d(2018, 11, 4), sao_paulo);
        assert_eq!(start, Utc.with_ymd_and_hms(2018, 11, 4, 3, 0, 0).unwrap());
    }
}
