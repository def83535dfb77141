//! Built-in national public holidays (2025–2027) a seller can pick by country code.
//!
//! Spain: the national holidays of the BOE list (days every region observes, Good Friday
//! included); regional days and Sunday transfers vary by region, so sellers add those
//! themselves. China: the State Council's notices for 2025 and 2026, with their make-up
//! working days (调休上班); for 2027 the notice is not out yet, so only the statutory days of
//! the 2025 holiday law are listed and no make-up days.

use chrono::NaiveDate;

/// A country with a built-in holiday list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Country {
    /// Spain (`ES`).
    Spain,
    /// Mainland China (`CN`).
    China,
}

/// Every country code with a built-in list, as `holidayCountry` accepts them.
pub const BUILT_IN_COUNTRIES: [&str; 2] = ["CN", "ES"];

/// The first and last year the built-in lists cover.
pub const BUILT_IN_YEARS: (i32, i32) = (2025, 2027);

type Ymd = (i32, u32, u32);

const SPAIN: &[Ymd] = &[
    (2025, 1, 1),
    (2025, 1, 6),
    (2025, 4, 18),
    (2025, 5, 1),
    (2025, 8, 15),
    (2025, 10, 12),
    (2025, 11, 1),
    (2025, 12, 6),
    (2025, 12, 8),
    (2025, 12, 25),
    (2026, 1, 1),
    (2026, 1, 6),
    (2026, 4, 3),
    (2026, 5, 1),
    (2026, 8, 15),
    (2026, 10, 12),
    (2026, 11, 1),
    (2026, 12, 6),
    (2026, 12, 8),
    (2026, 12, 25),
    (2027, 1, 1),
    (2027, 1, 6),
    (2027, 3, 26),
    (2027, 5, 1),
    (2027, 8, 15),
    (2027, 10, 12),
    (2027, 11, 1),
    (2027, 12, 6),
    (2027, 12, 8),
    (2027, 12, 25),
];

/// Whole days off, as (first, last) inclusive ranges.
const CHINA_OFF: &[(Ymd, Ymd)] = &[
    // 国办发明电〔2024〕12号
    ((2025, 1, 1), (2025, 1, 1)),
    ((2025, 1, 28), (2025, 2, 4)),
    ((2025, 4, 4), (2025, 4, 6)),
    ((2025, 5, 1), (2025, 5, 5)),
    ((2025, 5, 31), (2025, 6, 2)),
    ((2025, 10, 1), (2025, 10, 8)),
    // 国办发明电〔2025〕7号
    ((2026, 1, 1), (2026, 1, 3)),
    ((2026, 2, 15), (2026, 2, 23)),
    ((2026, 4, 4), (2026, 4, 6)),
    ((2026, 5, 1), (2026, 5, 5)),
    ((2026, 6, 19), (2026, 6, 21)),
    ((2026, 9, 25), (2026, 9, 27)),
    ((2026, 10, 1), (2026, 10, 7)),
    // 2027: statutory days only (New Year's Day; Spring Festival eve and days 1–3; Qingming;
    // 1–2 May; Dragon Boat; Mid-Autumn; 1–3 October).
    ((2027, 1, 1), (2027, 1, 1)),
    ((2027, 2, 5), (2027, 2, 8)),
    ((2027, 4, 5), (2027, 4, 5)),
    ((2027, 5, 1), (2027, 5, 2)),
    ((2027, 6, 9), (2027, 6, 9)),
    ((2027, 9, 15), (2027, 9, 15)),
    ((2027, 10, 1), (2027, 10, 3)),
];

/// Weekend days declared working days to bridge the holidays (调休上班).
const CHINA_MAKE_UP: &[Ymd] = &[
    (2025, 1, 26),
    (2025, 2, 8),
    (2025, 4, 27),
    (2025, 9, 28),
    (2025, 10, 11),
    (2026, 1, 4),
    (2026, 2, 14),
    (2026, 2, 28),
    (2026, 5, 9),
    (2026, 9, 20),
    (2026, 10, 10),
];

fn date((y, m, d): Ymd) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("built-in holiday tables hold real dates")
}

impl Country {
    /// The country for a `holidayCountry` code (`ES`, `cn`, …), if a list is built in.
    pub fn from_code(code: &str) -> Option<Country> {
        match code.trim().to_ascii_uppercase().as_str() {
            "ES" => Some(Country::Spain),
            "CN" => Some(Country::China),
            _ => None,
        }
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Country::Spain => "ES",
            Country::China => "CN",
        }
    }

    /// Every national day off, including those falling on a weekend.
    pub fn holidays(self) -> Vec<NaiveDate> {
        match self {
            Country::Spain => SPAIN.iter().copied().map(date).collect(),
            Country::China => CHINA_OFF
                .iter()
                .flat_map(|&(first, last)| {
                    date(first)
                        .iter_days()
                        .take_while(move |d| *d <= date(last))
                })
                .collect(),
        }
    }

    /// Weekend days that are official working days.
    pub fn make_up_working_days(self) -> Vec<NaiveDate> {
        match self {
            Country::Spain => Vec::new(),
            Country::China => CHINA_MAKE_UP.iter().copied().map(date).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    #[test]
    fn codes_round_trip_and_ignore_case() {
        for code in BUILT_IN_COUNTRIES {
            assert_eq!(Country::from_code(code).map(Country::code), Some(code));
        }
        assert_eq!(Country::from_code(" es "), Some(Country::Spain));
        assert_eq!(Country::from_code("FR"), None);
    }

    #[test]
    fn every_year_of_the_range_is_covered() {
        for country in [Country::Spain, Country::China] {
            for year in BUILT_IN_YEARS.0..=BUILT_IN_YEARS.1 {
                let n = country
                    .holidays()
                    .iter()
                    .filter(|d| d.year() == year)
                    .count();
                assert!(n >= 7, "{country:?} {year}: only {n} days");
            }
        }
    }

    #[test]
    fn spring_festival_2026_spans_nine_days() {
        let days = Country::China.holidays();
        let festival: Vec<_> = days
            .iter()
            .filter(|d| **d >= date((2026, 2, 15)) && **d <= date((2026, 2, 23)))
            .collect();
        assert_eq!(festival.len(), 9);
    }

    #[test]
    fn make_up_days_are_weekend_days_and_not_days_off() {
        let off = Country::China.holidays();
        for day in Country::China.make_up_working_days() {
            assert!(
                matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                "{day}"
            );
            assert!(!off.contains(&day), "{day}");
        }
    }

    #[test]
    fn spanish_good_friday_is_a_friday() {
        for (y, m, d) in [(2025, 4, 18), (2026, 4, 3), (2027, 3, 26)] {
            assert!(Country::Spain.holidays().contains(&date((y, m, d))));
            assert_eq!(date((y, m, d)).weekday(), Weekday::Fri);
        }
    }
}
