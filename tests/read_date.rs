//! Dates and times as pages print them, time zones and DST, and the refusals.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::America::Los_Angeles as LA;
use chrono_tz::Europe::Madrid;
use deadline_guard::read::{read_date, read_datetime, DateOrder, ReadErrorKind};

const DF: DateOrder = DateOrder::DayFirst;
const MF: DateOrder = DateOrder::MonthFirst;
const UNK: DateOrder = DateOrder::Unknown;

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

/// 2026-11-20 14:33 Pacific (PST, UTC−8) is 22:33 UTC.
fn pacific_1433() -> DateTime<Utc> {
    utc(2026, 11, 20, 22, 33, 0)
}

fn read(text: &str, order: DateOrder) -> DateTime<Utc> {
    read_datetime(text, order, LA).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

#[test]
fn every_listed_format_reads_as_pacific_wall_clock() {
    let cases: &[(&str, DateOrder)] = &[
        ("2026-11-20 14:33", UNK),
        ("2026/11/20 14:33", UNK),
        ("2026.11.20 14:33", UNK),
        ("20/11/2026 14:33", UNK),
        ("20/11/2026 14:33", DF),
        ("20-11-2026 14:33", DF),
        ("20.11.2026 14:33", UNK),
        ("11/20/2026 2:33 PM", MF),
        ("11/20/2026 2:33 p.m.", MF),
        ("Nov 20, 2026 14:33", UNK),
        ("November 20, 2026 2:33 PM", UNK),
        ("20 nov. 2026 14:33", UNK),
        ("20 de noviembre de 2026, 14:33", UNK),
        ("20. Nov. 2026 14:33", UNK),
        ("20. November 2026, 14:33 Uhr", UNK),
        ("20 novembre 2026 à 14h33", UNK),
        ("20 de novembro de 2026 14:33", UNK),
        ("20 ноя 2026 14:33", UNK),
        ("20 ноября 2026 г., 14:33", UNK),
        ("20 novembre 2026 14:33", UNK),
        ("2026年11月20日 14:33", UNK),
        ("2026年11月20日 下午2:33", UNK),
        ("2026年11月20日 14时33分", UNK),
        ("２０２６－１１－２０　１４：３３", UNK),
        ("Payment time: 2026-11-20 14:33", UNK),
        ("Fecha de pago: 20/11/2026 14:33", DF),
        ("14:33 20/11/2026", DF),
    ];
    for &(text, order) in cases {
        assert_eq!(read(text, order), pacific_1433(), "{text:?}");
    }
    assert_eq!(
        read("2026-11-20 14:33:05", UNK),
        utc(2026, 11, 20, 22, 33, 5)
    );
    assert_eq!(
        read("2026-11-20 14:33:05.250", UNK),
        utc(2026, 11, 20, 22, 33, 5)
    );
}

#[test]
fn month_names_in_eight_languages() {
    // (text, month): day 5, year 2026, read as a date.
    let cases: &[(&str, u32)] = &[
        ("5 January 2026", 1),
        ("Feb 5, 2026", 2),
        ("5 March 2026", 3),
        ("Apr 5, 2026", 4),
        ("May 5, 2026", 5),
        ("5 Sept 2026", 9),
        ("5 Dec. 2026", 12),
        ("5 de enero de 2026", 1),
        ("5 feb. 2026", 2),
        ("5 de marzo de 2026", 3),
        ("5 abr. 2026", 4),
        ("5 de mayo de 2026", 5),
        ("5 ago. 2026", 8),
        ("5 de septiembre de 2026", 9),
        ("5 de setiembre de 2026", 9),
        ("5 dic. 2026", 12),
        ("5. Januar 2026", 1),
        ("5. Jänner 2026", 1),
        ("5. März 2026", 3),
        ("5. Mai 2026", 5),
        ("5. Okt. 2026", 10),
        ("5. Dez. 2026", 12),
        ("5 janv. 2026", 1),
        ("5 févr. 2026", 2),
        ("5 février 2026", 2),
        ("5 mars 2026", 3),
        ("5 avr. 2026", 4),
        ("5 juil. 2026", 7),
        ("5 août 2026", 8),
        ("5 déc. 2026", 12),
        ("5 de janeiro de 2026", 1),
        ("5 de fevereiro de 2026", 2),
        ("5 de março de 2026", 3),
        ("5 de maio de 2026", 5),
        ("5 out. 2026", 10),
        ("5 dez. 2026", 12),
        ("5 января 2026", 1),
        ("5 февраля 2026", 2),
        ("5 марта 2026", 3),
        ("5 мая 2026", 5),
        ("5 июня 2026", 6),
        ("5 авг. 2026", 8),
        ("5 сентября 2026", 9),
        ("5 декабря 2026", 12),
        ("Май 5, 2026", 5),
        ("5 gennaio 2026", 1),
        ("5 febbraio 2026", 2),
        ("5 mag 2026", 5),
        ("5 giugno 2026", 6),
        ("5 lug 2026", 7),
        ("5 ott 2026", 10),
        ("5 dicembre 2026", 12),
        ("2026年1月5日", 1),
        ("2026年12月5日", 12),
    ];
    for &(text, month) in cases {
        assert_eq!(
            read_date(text, UNK).unwrap_or_else(|e| panic!("{text:?}: {e}")),
            NaiveDate::from_ymd_opt(2026, month, 5).unwrap(),
            "{text:?}"
        );
    }
}

#[test]
fn date_only_text() {
    let nov20 = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    for text in [
        "Order date: Nov 20, 2026",
        "Fecha del pedido: 20 nov. 2026",
        "2026-11-20",
        "20.11.2026",
        "2026年11月20日",
        "Bestelldatum 20.11.2026 14:33",
    ] {
        assert_eq!(read_date(text, UNK).unwrap(), nov20, "{text:?}");
    }
    // read_datetime wants a time of day.
    let err = read_datetime("Order date: Nov 20, 2026", UNK, LA).unwrap_err();
    assert_eq!(err.kind, ReadErrorKind::NotADate);
}

#[test]
fn offsets_in_the_text_win_over_the_zone() {
    let want = utc(2026, 11, 20, 6, 33, 5);
    for text in [
        "2026-11-20T14:33:05+08:00",
        "2026-11-20T14:33:05+0800",
        "2026-11-20 14:33:05 GMT+8",
        "2026-11-20 14:33:05 (GMT+08:00)",
        "2026-11-20T06:33:05Z",
        "2026-11-20 06:33:05 UTC",
        "2026-11-19T22:33:05-08:00",
        "2026-11-19 22:33:05 PST",
        "2026-11-20 14:33:05（北京时间）",
        "2026-11-19T22:33:05.000-08:00",
        "2026-11-20T06:33:05.123Z",
        "Thu Nov 19 2026 22:33:05 GMT-0800 (Pacific Standard Time)",
    ] {
        assert_eq!(read(text, UNK), want, "{text:?}");
        assert_eq!(
            read_datetime(text, UNK, Madrid).unwrap(),
            want,
            "{text:?} in Madrid"
        );
    }
}

#[test]
fn wall_clock_follows_daylight_saving() {
    // Summer: PDT, UTC−7.
    assert_eq!(read("2026-07-01 10:00", UNK), utc(2026, 7, 1, 17, 0, 0));
    // Winter: PST, UTC−8.
    assert_eq!(read("2026-12-01 10:00", UNK), utc(2026, 12, 1, 18, 0, 0));
    // The same text in another zone.
    assert_eq!(
        read_datetime("2026-07-01 10:00", UNK, Madrid).unwrap(),
        utc(2026, 7, 1, 8, 0, 0)
    );
}

#[test]
fn dst_gap_and_overlap_are_resolved_explicitly() {
    // 2026-03-08 02:30 does not exist in Los Angeles: read with the pre-gap offset (PST),
    // i.e. 10:30 UTC, which is 03:30 PDT.
    assert_eq!(read("2026-03-08 02:30", UNK), utc(2026, 3, 8, 10, 30, 0));
    // 2026-11-01 01:30 happens twice: the earlier one (PDT, UTC−7).
    assert_eq!(read("2026-11-01 01:30", UNK), utc(2026, 11, 1, 8, 30, 0));
    // Just outside the overlap, unambiguous.
    assert_eq!(read("2026-11-01 02:30", UNK), utc(2026, 11, 1, 10, 30, 0));
}

#[test]
fn day_month_order() {
    // Both parts ≤ 12: the order decides, or the reader says it cannot.
    assert_eq!(read("05/06/2026 10:00", DF), read("2026-06-05 10:00", UNK));
    assert_eq!(read("05/06/2026 10:00", MF), read("2026-05-06 10:00", UNK));
    let err = read_datetime("05/06/2026 10:00", UNK, LA).unwrap_err();
    assert_eq!(err.kind, ReadErrorKind::AmbiguousDate);
    assert_eq!(
        read_date("05/06/2026", UNK).unwrap_err().kind,
        ReadErrorKind::AmbiguousDate
    );
    // One part above 12: unambiguous without a hint.
    assert_eq!(read("20/11/2026 14:33", UNK), pacific_1433());
    assert_eq!(read("11/20/2026 2:33 PM", UNK), pacific_1433());
    // Equal parts cannot be wrong.
    assert_eq!(
        read_date("07/07/2026", UNK).unwrap(),
        NaiveDate::from_ymd_opt(2026, 7, 7).unwrap()
    );
    // A stated order is obeyed: 11/20 is no day-first date.
    assert_eq!(
        read_datetime("11/20/2026 14:33", DF, LA).unwrap_err().kind,
        ReadErrorKind::NotADate
    );
    assert_eq!(
        read_datetime("20/11/2026 14:33", MF, LA).unwrap_err().kind,
        ReadErrorKind::NotADate
    );
    // Dots are day first everywhere.
    assert_eq!(read("05.06.2026 10:00", UNK), read("2026-06-05 10:00", UNK));
}

#[test]
fn the_first_readable_date_wins_over_date_like_noise() {
    assert_eq!(read("v1.2.3 — paid 20 Nov 2026 14:33", UNK), pacific_1433());
    assert_eq!(
        read("Nov 2026 batch, paid 20/11/2026 14:33", UNK),
        pacific_1433()
    );
    // Nothing readable after the problem: the problem is reported, not a generic failure.
    let err = read_datetime("31/02/2026 10:00", DF, LA).unwrap_err();
    assert!(err.detail.contains("calendar"), "{err}");
}

#[test]
fn impossible_half_and_garbage_dates_are_refused() {
    let not_dates = [
        "31/02/2026 10:00",
        "2026-02-30 10:00",
        "2026-13-01 10:00",
        "30 février 2026 10:00",
        "2026-11-20 25:00",
        "2026-11-20 14:60",
        "2026-11-20 24:00",
        "2026-11-20 14:33:61",
        "11/20/2026 13:33 PM",
        "2026-11-20 14:3",
        "20/11/26 14:33",
        "Nov 20 14:33",
        "20/11 14:33",
        "2026-11 14:33",
        "14:33",
        "Nov 2026 14:33",
        "garbage",
        "1234567890",
        "Payment time: —",
        "1899-01-01 10:00",
    ];
    for text in not_dates {
        let err = read_datetime(text, DF, LA).expect_err(text);
        assert_eq!(err.kind, ReadErrorKind::NotADate, "{text:?}: {err}");
        assert_eq!(err.text, text);
    }
    for empty in ["", "   \u{00A0}"] {
        assert_eq!(
            read_datetime(empty, DF, LA).unwrap_err().kind,
            ReadErrorKind::Empty
        );
        assert_eq!(read_date(empty, DF).unwrap_err().kind, ReadErrorKind::Empty);
    }
}
