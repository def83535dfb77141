//! What the CSV reader says about files it cannot use, and about odd but valid ones.

use chrono::{DateTime, Utc};
use deadline_guard::read::{read_csv_orders, CsvOptions, CsvReading, DateOrder, ReadErrorKind};

const PACIFIC: chrono_tz::Tz = chrono_tz::America::Los_Angeles;

fn options() -> CsvOptions {
    let read_at: DateTime<Utc> = "2026-11-25T18:00:00Z".parse().unwrap();
    CsvOptions::new(read_at, PACIFIC)
}

fn read(text: &str) -> CsvReading {
    read_csv_orders(text, &options())
}

fn single_error(reading: &CsvReading) -> String {
    assert!(reading.orders.is_empty(), "{:#?}", reading.orders);
    let [error] = reading.errors.as_slice() else {
        panic!("expected one error, got {:#?}", reading.errors)
    };
    error.to_string()
}

#[test]
fn no_order_id_column_names_the_headers_it_saw() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/csv/no_order_id.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let reading = read(&text);
    let message = single_error(&reading);
    assert_eq!(reading.errors[0].kind, ReadErrorKind::BadCsv);
    assert!(message.contains("no order id column"), "{message}");
    assert!(
        message.contains("Product, Quantity, Price, Buyer"),
        "{message}"
    );
}

#[test]
fn empty_and_blank_files() {
    for text in ["", "\u{feff}", " \n\r\n  \n"] {
        let reading = read(text);
        single_error(&reading);
        assert_eq!(reading.errors[0].kind, ReadErrorKind::Empty, "{text:?}");
    }
}

#[test]
fn a_header_alone_is_no_orders_and_no_error() {
    let reading = read("Order ID,Status,Payment time\n");
    assert_eq!((reading.orders.len(), reading.errors.len()), (0, 0));
    assert_eq!(reading.columns.len(), 3);
}

#[test]
fn garbage_is_one_clear_error() {
    for text in [
        "\u{0}\u{1}\u{2}",
        "<html><body>502</body></html>",
        "{\"order_id\": 1}",
        "\"unterminated",
    ] {
        let reading = read(text);
        let message = single_error(&reading);
        assert!(
            message.contains("no order id column"),
            "{text:?}: {message}"
        );
    }
}

#[test]
fn rows_shorter_or_longer_than_the_header_still_read() {
    let reading = read("Order ID,Status,Time left\n8190335412340301,Awaiting shipment\n8190335412340302,Awaiting shipment,02:00:00,extra,cells\n");
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    assert_eq!(reading.orders.len(), 2);
    assert_eq!(reading.orders[0].given_deadline, None);
    assert!(reading.orders[1].given_deadline.is_some());
}

#[test]
fn ambiguous_dates_are_reported_unless_the_caller_or_the_file_says() {
    let text = "Order ID,Payment time\n8190335412340401,03/04/2026 10:00\n";
    let reading = read(text);
    assert_eq!(
        reading.errors[0].kind,
        ReadErrorKind::AmbiguousDate,
        "{:#?}",
        reading.errors
    );
    assert_eq!(reading.orders[0].paid, None);

    let month_first = CsvOptions {
        date_order: DateOrder::MonthFirst,
        ..options()
    };
    let reading = read_csv_orders(text, &month_first);
    assert!(reading.errors.is_empty());
    assert_eq!(
        reading.orders[0].paid,
        Some("2026-03-04T18:00:00Z".parse().unwrap())
    );

    // One date in the column that only reads month first (04/13) settles the others.
    let reading = read("Order ID,Payment time\n8190335412340401,03/04/2026 10:00\n8190335412340402,04/13/2026 10:00\n");
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    assert_eq!(
        reading.orders[0].paid,
        Some("2026-03-04T18:00:00Z".parse().unwrap())
    );
}

#[test]
fn api_field_names_as_headers_give_api_deadlines() {
    let reading = read(
        "order_id,order_status,gmt_pay_time,timeout_left_time,issue_status\n\
         8190335412340501,WAIT_SELLER_SEND_GOODS,2026-11-24 10:00:00,-60000,NO_ISSUE\n\
         8190335412340502,WAIT_BUYER_ACCEPT_GOODS,2026-11-24 10:00:00,86400000,IN_ISSUE\n\
         8190335412340503,WAIT_SELLER_SEND_GOODS,2026-11-24 10:00:00,ten,NO_ISSUE\n",
    );
    let given: Vec<Option<(String, deadline_guard::core::DeadlineSource)>> = reading
        .orders
        .iter()
        .map(|o| o.given_deadline.map(|g| (g.at.to_rfc3339(), g.source)))
        .collect();
    use deadline_guard::core::DeadlineSource::Api;
    assert_eq!(
        given,
        [
            Some(("2026-11-25T17:59:00+00:00".to_string(), Api)),
            Some(("2026-11-26T18:00:00+00:00".to_string(), Api)),
            None
        ]
    );
    assert_eq!(
        reading.orders[1].status,
        Some(deadline_guard::core::OrderStatus::InIssue)
    );
    assert_eq!(reading.errors.len(), 1);
    assert_eq!(
        (reading.errors[0].row, reading.errors[0].column.as_deref()),
        (Some(3), Some("timeout_left_time"))
    );
}

#[test]
fn a_forced_delimiter_is_used_as_given() {
    let text = "Order ID|Status\n8190335412340601|Awaiting shipment\n";
    assert!(read(text).orders.is_empty());
    let piped = CsvOptions {
        delimiter: Some(b'|'),
        ..options()
    };
    let reading = read_csv_orders(text, &piped);
    assert_eq!(reading.orders.len(), 1, "{:#?}", reading.errors);
}

#[test]
fn rows_are_numbered_by_line_across_blank_lines_crlf_and_multiline_cells() {
    let text = "Order ID,Status,Note\r\n\r\n8190335412340701,Lost in space,\"two\r\nlines\"\r\n\r\n\r\n8190335412340702,Nowhere,\n";
    let reading = read(text);
    let rows: Vec<Option<usize>> = reading.errors.iter().map(|e| e.row).collect();
    // Line 3 of the file is row 2 after the header; the second order starts on line 7.
    assert_eq!(rows, [Some(2), Some(6)], "{:#?}", reading.errors);
}
