//! Round trips: any date, time and countdown, printed the way pages print them, reads back exactly.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use chrono_tz::America::Los_Angeles;
use chrono_tz::Tz;
use deadline_guard::read::{read_countdown, read_date, read_datetime, resolve_local, DateOrder};
use proptest::prelude::*;

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_DE: [&str; 12] = [
    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
];
const MONTHS_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const MONTHS_PT: [&str; 12] = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

fn any_datetime() -> impl Strategy<Value = NaiveDateTime> {
    (
        2000i32..2100,
        1u32..=12,
        1u32..=31,
        0u32..24,
        0u32..60,
        0u32..60,
    )
        .prop_filter_map("real calendar dates only", |(y, mo, d, h, mi, s)| {
            NaiveDate::from_ymd_opt(y, mo, d)?.and_hms_opt(h, mi, s)
        })
}

/// The ways pages print one date and time (day/month order for each).
fn printed(t: NaiveDateTime) -> Vec<(String, DateOrder)> {
    let (y, mo, d) = (t.year(), t.month(), t.day());
    let (h, mi, s) = (t.hour(), t.minute(), t.second());
    let m = (mo - 1) as usize;
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    let ampm = if h < 12 { "AM" } else { "PM" };
    vec![
        (
            format!("{y}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}"),
            DateOrder::Unknown,
        ),
        (
            format!("{y}/{mo:02}/{d:02} {h:02}:{mi:02}:{s:02}"),
            DateOrder::Unknown,
        ),
        (
            format!("{d:02}/{mo:02}/{y} {h:02}:{mi:02}:{s:02}"),
            DateOrder::DayFirst,
        ),
        (
            format!("{d:02}.{mo:02}.{y} {h:02}:{mi:02}:{s:02}"),
            DateOrder::Unknown,
        ),
        (
            format!("{mo:02}/{d:02}/{y} {h12}:{mi:02}:{s:02} {ampm}"),
            DateOrder::MonthFirst,
        ),
        (
            format!("{} {d}, {y} {h:02}:{mi:02}:{s:02}", MONTHS_EN[m]),
            DateOrder::Unknown,
        ),
        (
            format!("{d} de {} de {y}, {h:02}:{mi:02}:{s:02}", MONTHS_ES[m]),
            DateOrder::Unknown,
        ),
        (
            format!("{d}. {} {y} {h:02}:{mi:02}:{s:02}", MONTHS_DE[m]),
            DateOrder::Unknown,
        ),
        (
            format!("{d} {} {y} {h:02}:{mi:02}:{s:02}", MONTHS_FR[m]),
            DateOrder::Unknown,
        ),
        (
            format!("{d} de {} de {y} {h:02}:{mi:02}:{s:02}", MONTHS_PT[m]),
            DateOrder::Unknown,
        ),
        (
            format!("{d} {} {y} г. {h:02}:{mi:02}:{s:02}", MONTHS_RU[m]),
            DateOrder::Unknown,
        ),
        (
            format!("{d} {} {y} {h:02}:{mi:02}:{s:02}", MONTHS_IT[m]),
            DateOrder::Unknown,
        ),
        (
            format!("{y}年{mo}月{d}日 {h:02}:{mi:02}:{s:02}"),
            DateOrder::Unknown,
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn printed_datetimes_read_back(t in any_datetime(), zone in prop::sample::select(vec![Los_Angeles, Tz::Europe__Madrid, Tz::Asia__Shanghai])) {
        let want = resolve_local(t, zone);
        for (text, order) in printed(t) {
            let got = read_datetime(&text, order, zone);
            prop_assert_eq!(got.as_ref().ok(), Some(&want), "{} → {:?}", text, got);
            prop_assert_eq!(read_date(&text, order).ok(), Some(t.date()), "{}", text);
        }
    }

    #[test]
    fn offsets_read_back(t in any_datetime(), offset_min in -12i32 * 60..=14 * 60) {
        let offset_min = offset_min - offset_min % 15;
        let sign = if offset_min < 0 { '-' } else { '+' };
        let abs = offset_min.abs();
        let text = format!("{}{sign}{:02}:{:02}", t.format("%Y-%m-%dT%H:%M:%S"), abs / 60, abs % 60);
        let want = t.and_utc() - chrono::Duration::minutes(i64::from(offset_min));
        prop_assert_eq!(read_datetime(&text, DateOrder::Unknown, Los_Angeles).ok(), Some(want), "{}", text);
    }

    #[test]
    fn printed_countdowns_read_back(d in 0i64..100, h in 0i64..24, m in 0i64..60, s in 0i64..60, overdue in any::<bool>()) {
        let total = d * 86_400 + h * 3600 + m * 60 + s;
        let forms = [
            format!("{d}d {h}h {m}m {s}s"),
            format!("{d} days {h:02}:{m:02}:{s:02}"),
            format!("{d}天{h}小时{m}分{s}秒"),
            format!("{d}天{h:02}:{m:02}:{s:02}"),
            format!("Quedan {d} días {h} horas {m} minutos {s} segundos"),
            format!("Noch {d} Tage {h} Std. {m} Min. {s} Sek."),
            format!("Il reste {d} jours {h} heures {m} minutes {s} secondes"),
            format!("Restam {d} dias {h} horas {m} minutos {s} segundos"),
            format!("Осталось {d} дн {h} ч {m} мин {s} сек"),
            format!("Mancano {d} giorni {h} ore {m} minuti {s} secondi"),
            format!("{:02}:{m:02}:{s:02}", d * 24 + h),
        ];
        for form in forms {
            let (text, want) = if overdue {
                (format!("Overdue by {form}"), if total == 0 { -1 } else { -total })
            } else {
                (form, total)
            };
            prop_assert_eq!(read_countdown(&text).map(|c| c.seconds).ok(), Some(want), "{}", text);
        }
    }
}
