//! No text reader panics, on arbitrary strings and on strings built from the readers' own pieces.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{TimeZone, Utc};
use chrono_tz::America::Los_Angeles;
use deadline_guard::read::text::normalize;
use deadline_guard::read::{
    field_for_header, find_order_ids, read_countdown, read_date, read_datetime, read_order_id,
    read_status, read_tab, DateOrder,
};
use proptest::prelude::*;

/// Pieces that steer the scanners into their deeper branches.
const PIECES: &[&str] = &[
    "0",
    "1",
    "12",
    "13",
    "20",
    "31",
    "59",
    "60",
    "2026",
    "1005",
    "8187654321098765",
    "99999999999999999999",
    ":",
    "/",
    ".",
    "-",
    "−",
    "+",
    ",",
    "(",
    ")",
    " ",
    "\u{00A0}",
    "\u{200B}",
    "年",
    "月",
    "日",
    "天",
    "小时",
    "分",
    "秒",
    "下午",
    "时",
    "超时",
    "nov",
    "Nov.",
    "de",
    "noviembre",
    "ноя",
    "ноября",
    "févr.",
    "März",
    "dic.",
    "PM",
    "a.m.",
    "Z",
    "GMT",
    "PST",
    "T",
    "h",
    "d",
    "days",
    "дня",
    "Std.",
    "Overdue",
    "Copy",
    "复制",
    "orderId=",
    "https://",
    "www.",
    ".html",
    "Pendiente de envío",
    "等待发货",
    "Closed",
    "Dispute",
    "WAIT_SELLER_SEND_GOODS",
    "Order ID",
    "gmt_pay_time",
    "２",
    "：",
    "ß",
    "İ",
    "ǅ",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
}

/// 1000 cases in `make test`; `PROPTEST_CASES=…` runs a longer campaign.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

fn exercise(text: &str) {
    let _ = normalize(text);
    for order in [
        DateOrder::Unknown,
        DateOrder::DayFirst,
        DateOrder::MonthFirst,
    ] {
        let _ = read_datetime(text, order, Los_Angeles);
        let _ = read_date(text, order);
    }
    if let Ok(c) = read_countdown(text) {
        let at = Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap();
        let _ = c.deadline_from(at);
    }
    let _ = read_status(text);
    let _ = read_tab(text);
    let _ = find_order_ids(text);
    let _ = read_order_id(text);
    let _ = field_for_header(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_strings_do_not_panic(text in any::<String>()) {
        exercise(&text);
    }

    #[test]
    fn strings_of_reader_pieces_do_not_panic(text in pieces()) {
        exercise(&text);
    }

    #[test]
    fn ids_found_are_digit_runs_of_15_to_19(text in pieces()) {
        for id in find_order_ids(&text) {
            prop_assert!((15..=19).contains(&id.len()), "{id}");
            prop_assert!(id.bytes().all(|b| b.is_ascii_digit()), "{id}");
        }
    }

    #[test]
    fn read_errors_keep_a_short_copy_of_the_text(text in any::<String>()) {
        if let Err(e) = read_status(&text) {
            prop_assert!(e.text.chars().count() <= 81);
        }
    }
}
