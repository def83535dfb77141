//! The CSV reader never panics: on arbitrary text, and on text built from headers, delimiters,
//! quotes, line breaks and awkward cell values.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Utc};
use deadline_guard::read::{read_csv_orders, CsvOptions, DateOrder};
use proptest::prelude::*;

const PACIFIC: chrono_tz::Tz = chrono_tz::America::Los_Angeles;

fn options(order: DateOrder, delimiter: Option<u8>) -> CsvOptions {
    let read_at: DateTime<Utc> = "2026-11-25T18:00:00Z".parse().unwrap();
    CsvOptions {
        date_order: order,
        delimiter,
        ..CsvOptions::new(read_at, PACIFIC)
    }
}

const PIECES: &[&str] = &[
    "Order ID",
    "Nº de pedido",
    "订单号",
    "order_id",
    "Status",
    "Estado",
    "Payment time",
    "Fecha de pago",
    "Time left",
    "剩余时间",
    "timeout_left_time",
    "left_send_good_day",
    "Handling time",
    "Delivery time",
    "issue_status",
    "Ship by",
    ",",
    ";",
    "\t",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    " ",
    "=\"",
    "'",
    "8190335412340001",
    "8.19034E+15",
    "Awaiting shipment",
    "IN_ISSUE",
    "2026-11-22 09:05:00",
    "03/04/2026 10:00",
    "31/02/2026",
    "02:00:00",
    "Overdue by 5 hours",
    "-9223372036854775808",
    "99999",
    "15-30",
    "0",
    "ÿ",
];

fn pieced() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..80)
        .prop_map(|parts| parts.concat())
}

fn order() -> impl Strategy<Value = DateOrder> {
    prop::sample::select(vec![
        DateOrder::Unknown,
        DateOrder::DayFirst,
        DateOrder::MonthFirst,
    ])
}

fn delimiter() -> impl Strategy<Value = Option<u8>> {
    prop::sample::select(vec![
        None,
        Some(b','),
        Some(b';'),
        Some(b'\t'),
        Some(b'"'),
        Some(b'\n'),
        Some(0xff),
    ])
}

fn check(text: &str, order: DateOrder, delimiter: Option<u8>) {
    let reading = read_csv_orders(text, &options(order, delimiter));
    for found in &reading.orders {
        assert!(!found.id.is_empty());
    }
    if !reading.orders.is_empty() {
        assert!(
            reading.errors.iter().all(|error| error.row.is_some()),
            "{:#?}",
            reading.errors
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>(), order in order(), delimiter in delimiter()) {
        check(&text, order, delimiter);
    }

    #[test]
    fn pieced_text_never_panics(text in pieced(), order in order(), delimiter in delimiter()) {
        check(&text, order, delimiter);
    }

    #[test]
    fn a_known_header_with_pieced_rows_never_panics(rows in pieced(), order in order()) {
        let text = format!("Order ID,Status,Payment time,Time left,Handling time,Delivery time,timeout_left_time,left_send_good_day\n{rows}");
        check(&text, order, None);
    }
}
