//! Working days: weekends, holidays, official make-up working days and dated extension windows.
//!
//! Built once per validated policy, bound to the seller's time zone. For 2019–2035 every day is
//! precomputed (working or not, how many working days precede it, where it starts in UTC), so
//! the end of the Nth working day after a payment is a few array reads; other dates follow the
//! same rules, computed day by day.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use super::policy::ExtensionWindow;

/// How far `nth_working_day` looks before giving up (only a calendar made of holidays gets there).
const MAX_SCAN_DAYS: i64 = 3660;

const TABLE_FIRST_YEAR: i32 = 2019;
const TABLE_LAST_YEAR: i32 = 2035;
const SECONDS_PER_DAY: i64 = 86_400;

/// A seller's working-day calendar in the seller's time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Indexed by `Weekday::num_days_from_monday`.
    weekend: [bool; 7],
    /// Sorted, no duplicates.
    holidays: Vec<NaiveDate>,
    /// Weekend days declared working days; sorted, no duplicates.
    make_up_days: Vec<NaiveDate>,
    extensions: Vec<ExtensionWindow>,
    /// Each window widened by two days on both sides, in UTC dates (see `extension_days_at`).
    extensions_near: Vec<(NaiveDate, NaiveDate)>,
    zone: Tz,
    table: Table,
}

/// The precomputed days; index 0 is `start`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Table {
    start: NaiveDate,
    /// `start` at 00:00 UTC, as a Unix timestamp.
    start_utc: i64,
    working: Vec<bool>,
    /// Working days before day i (one entry more than days).
    working_before: Vec<u32>,
    /// Day index of the k-th working day (0-based).
    working_days: Vec<u32>,
    /// Unix timestamp of the start of day i in the zone (one entry more than days).
    day_starts: Vec<i64>,
}

impl Calendar {
    /// A calendar from the policy's parts. A holiday beats a make-up working day on the same date,
    /// so a seller can still take a day off that the state declared working.
    pub fn new(
        weekend: &[Weekday],
        holidays: &[NaiveDate],
        make_up_days: &[NaiveDate],
        extensions: &[ExtensionWindow],
        zone: Tz,
    ) -> Calendar {
        let mut weekend_mask = [false; 7];
        for day in weekend {
            weekend_mask[day.num_days_from_monday() as usize] = true;
        }
        let mut holidays = holidays.to_vec();
        super::sort::sort_by(&mut holidays, NaiveDate::cmp);
        holidays.dedup();
        let mut make_up_days = make_up_days.to_vec();
        super::sort::sort_by(&mut make_up_days, NaiveDate::cmp);
        make_up_days.dedup();
        let start = NaiveDate::from_ymd_opt(TABLE_FIRST_YEAR, 1, 1).expect("valid date");
        let end = NaiveDate::from_ymd_opt(TABLE_LAST_YEAR, 12, 31).expect("valid date");
        let mut calendar = Calendar {
            weekend: weekend_mask,
            holidays,
            make_up_days,
            extensions: extensions.to_vec(),
            extensions_near: extensions
                .iter()
                .map(|w| (w.from - Duration::days(2), w.to + Duration::days(2)))
                .collect(),
            zone,
            table: Table {
                start,
                start_utc: start
                    .and_hms_opt(0, 0, 0)
                    .expect("midnight")
                    .and_utc()
                    .timestamp(),
                working: Vec::new(),
                working_before: vec![0],
                working_days: Vec::new(),
                day_starts: Vec::new(),
            },
        };
        let days: Vec<NaiveDate> = start.iter_days().take_while(|d| *d <= end).collect();
        let mut table = calendar.table.clone();
        for (i, &day) in days.iter().enumerate() {
            let working = calendar.is_working_day_by_rules(day);
            table.working.push(working);
            let before = *table.working_before.last().expect("starts with 0");
            table.working_before.push(before + u32::from(working));
            if working {
                table.working_days.push(i as u32);
            }
            table
                .day_starts
                .push(day_start_after(day, zone, table.day_starts.last().copied()));
        }
        let after_end = end.succ_opt().expect("2036 exists");
        table
            .day_starts
            .push(start_of_day(after_end, zone).timestamp());
        calendar.table = table;
        calendar
    }

    /// The zone whose days this calendar counts.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// Is the date a working day? Holidays first, then make-up days, then the weekend.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let index = (date - self.table.start).num_days();
        match usize::try_from(index)
            .ok()
            .and_then(|i| self.table.working.get(i))
        {
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

    /// The end of the `n`th working day after `start`: 00:00 of the following day in the
    /// calendar's zone. The day `start` falls on there is day 1 when it is a working day.
    pub fn working_deadline(&self, start: DateTime<Utc>, n: u32) -> Option<DateTime<Utc>> {
        if n == 0 {
            return None;
        }
        match self.working_deadline_from_table(start.timestamp(), n) {
            Some(end) => DateTime::from_timestamp(end, 0),
            None => self.working_deadline_by_rules(start, n),
        }
    }

    /// `working_deadline` without the table (public so tests can compare the two).
    pub fn working_deadline_by_rules(&self, start: DateTime<Utc>, n: u32) -> Option<DateTime<Utc>> {
        let first = start.with_timezone(&self.zone).date_naive();
        let last = self.nth_working_day(first, n)?;
        Some(start_of_day(last.succ_opt()?, self.zone))
    }

    /// The deadline as a Unix timestamp when both ends lie inside the table.
    fn working_deadline_from_table(&self, start: i64, n: u32) -> Option<i64> {
        let t = &self.table;
        let days = t.working.len() as i64;
        // The UTC day, then at most one step to the local day (offsets stay within ±14 h).
        let mut day = (start - t.start_utc).div_euclid(SECONDS_PER_DAY);
        if day < 0 || day >= days {
            return None;
        }
        if start < t.day_starts[day as usize] {
            day -= 1;
        } else if start >= t.day_starts[day as usize + 1] {
            day += 1;
        }
        let day = usize::try_from(day).ok().filter(|&d| d < t.working.len())?;
        let k = t.working_before[day] as usize + n as usize - 1;
        let last = *t.working_days.get(k)? as usize;
        Some(t.day_starts[last + 1])
    }

    /// Extra handling days for an order paid at `paid`, its date taken in the calendar's zone.
    pub fn extension_days_at(&self, paid: DateTime<Utc>) -> u32 {
        // Zone offsets stay within a day, so a UTC date two days away from every window cannot
        // fall inside one in any zone: skip the zone conversion for nearly every order.
        let utc_day = paid.date_naive();
        let near = self
            .extensions_near
            .iter()
            .any(|&(from, to)| from <= utc_day && utc_day <= to);
        if near {
            self.extension_days(paid.with_timezone(&self.zone).date_naive())
        } else {
            0
        }
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

/// The start of `day` in `zone` as a Unix timestamp, guessing from the previous day's start that
/// the UTC offset did not change (true on all but a few days a year) and checking the guess.
fn day_start_after(day: NaiveDate, zone: Tz, previous: Option<i64>) -> i64 {
    if let Some(previous) = previous {
        let guess = previous + SECONDS_PER_DAY;
        if let Some(instant) = DateTime::from_timestamp(guess, 0) {
            // Landing on 00:00 of that day means the offset held, and no earlier 00:00 exists
            // (a repeated 00:00 would need the clock turned back after this instant).
            if instant.with_timezone(&zone).naive_local()
                == day.and_hms_opt(0, 0, 0).expect("midnight")
            {
                return guess;
            }
        }
    }
    start_of_day(day, zone).timestamp()
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
        Calendar::new(&[Weekday::Sat, Weekday::Sun], &[], &[], &[], chrono_tz::UTC)
    }

    #[test]
    fn nth_working_day_table() {
        let with_holiday = Calendar::new(
            &[Weekday::Sat, Weekday::Sun],
            &[d(2026, 3, 11)],
            &[],
            &[],
            chrono_tz::UTC,
        );
        let make_up = Calendar::new(
            &[Weekday::Sat, Weekday::Sun],
            &[],
            &[d(2026, 3, 7)],
            &[],
            chrono_tz::UTC,
        );
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
            chrono_tz::UTC,
        );
        assert!(!c.is_working_day(d(2026, 2, 14)));
    }

    #[test]
    fn dates_outside_the_table_follow_the_same_rules() {
        let c = Calendar::new(
            &[Weekday::Sun],
            &[d(2014, 12, 31), d(2041, 1, 7)],
            &[],
            &[],
            chrono_tz::UTC,
        );
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
            chrono_tz::UTC,
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
        let c = Calendar::new(&[], &[], &[], &windows, "Asia/Tokyo".parse().unwrap());
        assert_eq!(c.extension_days(d(2020, 1, 19)), 0);
        assert_eq!(c.extension_days(d(2020, 1, 20)), 7);
        assert_eq!(c.extension_days(d(2020, 2, 18)), 9);
        assert_eq!(c.extension_days(d(2020, 2, 20)), 2);
        assert_eq!(c.extension_days(d(2020, 2, 21)), 0);
        let at = |y, m, day, h| Utc.with_ymd_and_hms(y, m, day, h, 0, 0).unwrap();
        // 2020-01-19 16:00 UTC is already 20 January in Tokyo.
        assert_eq!(c.extension_days_at(at(2020, 1, 19, 16)), 7);
        assert_eq!(c.extension_days_at(at(2020, 1, 19, 14)), 0);
        assert_eq!(c.extension_days_at(at(2021, 1, 20, 12)), 0);
    }

    #[test]
    fn the_working_deadline_is_midnight_after_the_last_day_in_the_seller_zone() {
        let madrid: Tz = "Europe/Madrid".parse().unwrap();
        // Paid Monday 2026-03-02 23:30 in Madrid (22:30 UTC): Monday is day 1.
        let paid = Utc.with_ymd_and_hms(2026, 3, 2, 22, 30, 0).unwrap();
        let calendar = Calendar::new(&[Weekday::Sat, Weekday::Sun], &[], &[], &[], madrid);
        let deadline = calendar.working_deadline(paid, 3).unwrap();
        assert_eq!(calendar.working_deadline_by_rules(paid, 3), Some(deadline));
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
