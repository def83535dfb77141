//! CSV order lists (the seller center export, a `;` + BOM spreadsheet save, Spanish headers)
//! read into orders and checked through the engine.

use chrono::{DateTime, Utc};
use deadline_guard::core::{
    analyze, Analysis, AnalyzedOrder, DeadlineKind, DeadlineSource, Hint, OrderStatus, Policy,
    ReasonCode, Risk,
};
use deadline_guard::read::{read_csv_orders, CsvOptions, CsvReading, Field, ReadErrorKind};

const PACIFIC: chrono_tz::Tz = chrono_tz::America::Los_Angeles;

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().expect("test instant")
}

/// The file was read at 10:00 Pacific (PST); the engine looks at it then.
fn read_at() -> DateTime<Utc> {
    utc("2026-11-25T18:00:00Z")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/csv/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn read(name: &str) -> CsvReading {
    read_csv_orders(&fixture(name), &CsvOptions::new(read_at(), PACIFIC))
}

fn analysed(reading: &CsvReading) -> Analysis {
    analyze(&reading.orders, &Policy::default(), read_at()).expect("default policy is valid")
}

fn verdict<'a>(analysis: &'a Analysis, id: &str) -> &'a AnalyzedOrder {
    analysis
        .orders
        .iter()
        .find(|order| order.order_id == id)
        .unwrap_or_else(|| panic!("order {id} missing from {analysis:#?}"))
}

type Clock = (
    Option<DeadlineKind>,
    Option<DeadlineSource>,
    Option<DateTime<Utc>>,
    Risk,
);

fn clock(v: &AnalyzedOrder) -> Clock {
    (v.deadline_kind, v.deadline_source, v.deadline, v.risk)
}

/// The four good orders shared by the export and its `;` + BOM save.
fn assert_export_verdicts(analysis: &Analysis) {
    // The export's own countdown (02:00:00 when read) is the ship deadline.
    assert_eq!(
        clock(verdict(analysis, "8190335412340101")),
        (
            Some(DeadlineKind::Ship),
            Some(DeadlineSource::Page),
            Some(utc("2026-11-25T20:00:00Z")),
            Risk::Critical
        )
    );
    // No countdown: 08:00 PST payment + 5 days of handling time.
    assert_eq!(
        clock(verdict(analysis, "8190335412340102")),
        (
            Some(DeadlineKind::Ship),
            Some(DeadlineSource::Computed),
            Some(utc("2026-11-25T16:00:00Z")),
            Risk::Overdue
        )
    );
    // "Overdue by 5 hours"; already shipped, so the answer is a refusal with the tracking number.
    let cancel = verdict(analysis, "8190335412340103");
    assert_eq!(
        clock(cancel),
        (
            Some(DeadlineKind::CancelResponse),
            Some(DeadlineSource::Page),
            Some(utc("2026-11-25T13:00:00Z")),
            Risk::Overdue
        )
    );
    assert_eq!(cancel.hints, vec![Hint::RefuseWithTracking]);
    // Shipped 08:00 PST on 10 November with a 60-day delivery promise.
    let receipt = verdict(analysis, "8190335412340104");
    assert_eq!(
        (
            receipt.deadline_kind,
            receipt.deadline_source,
            receipt.deadline
        ),
        (
            Some(DeadlineKind::Receipt),
            Some(DeadlineSource::Computed),
            Some(utc("2027-01-09T16:00:00Z"))
        )
    );
}

#[test]
fn seller_center_export_through_the_engine() {
    let reading = read("seller_center_export.csv");
    let ids: Vec<&str> = reading.orders.iter().map(|o| o.id.as_str()).collect();
    // Two product lines of 0101 become one order; the bad-id rows are left out.
    assert_eq!(
        ids,
        [
            "8190335412340101",
            "8190335412340102",
            "8190335412340103",
            "8190335412340104",
            "8190335412340106"
        ]
    );
    let first = &reading.orders[0];
    // Shortest handling time (3 days, 2) and longest delivery promise (15-30, 45 days) of its lines.
    assert_eq!(
        (first.handling_days, first.receipt_days),
        (Some(2), Some(45))
    );
    assert_eq!(first.paid, Some(utc("2026-11-22T17:05:00Z")));
    let analysis = analysed(&reading);
    assert_export_verdicts(&analysis);
    let broken = verdict(&analysis, "8190335412340106");
    assert_eq!(
        (broken.risk, broken.reason_code),
        (Risk::Unreadable, Some(ReasonCode::StatusUnknown))
    );
    assert!(broken
        .reason
        .as_deref()
        .unwrap_or("")
        .contains("Teleported"));
}

#[test]
fn seller_center_export_reports_bad_rows_with_row_column_and_text() {
    let reading = read("seller_center_export.csv");
    let placed: Vec<(Option<usize>, Option<&str>, &str, &ReadErrorKind)> = reading
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_deref(), e.text.as_str(), &e.kind))
        .collect();
    assert_eq!(
        placed,
        vec![
            (
                Some(6),
                Some("Order ID"),
                "8.19034E+15",
                &ReadErrorKind::NotAnOrderId
            ),
            (Some(7), Some("Order ID"), "", &ReadErrorKind::MissingField),
            (
                Some(9),
                Some("Order Status"),
                "Teleported",
                &ReadErrorKind::UnknownStatus
            ),
            (
                Some(9),
                Some("Payment Time"),
                "31/02/2026 10:00",
                &ReadErrorKind::NotADate
            ),
            (
                Some(9),
                Some("Time Left"),
                "soon",
                &ReadErrorKind::NotACountdown
            ),
            (
                Some(9),
                Some("Handling Time"),
                "seven",
                &ReadErrorKind::BadCsv
            ),
        ]
    );
    assert!(reading.errors[0].detail.contains("scientific notation"));
    let statuses: Vec<Option<&Field>> = reading
        .columns
        .iter()
        .map(|c| c.field.as_ref())
        .take(3)
        .collect();
    assert_eq!(
        statuses,
        [
            Some(&Field::OrderId),
            Some(&Field::Status),
            Some(&Field::Created)
        ]
    );
}

#[test]
fn semicolons_bom_title_line_and_day_first_dates_read_the_same() {
    let reading = read("semicolon_bom.csv");
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    assert_eq!(reading.orders.len(), 4);
    assert_eq!(reading.columns[0].header, "Order ID");
    // 22/11/2026 can only be day first, so the whole column is read day first (08/11 too).
    assert_eq!(reading.orders[3].created, Some(utc("2026-11-08T14:00:00Z")));
    assert_export_verdicts(&analysed(&reading));
}

#[test]
fn spanish_headers_and_dates() {
    let reading = read("spanish_headers.csv");
    assert_eq!(reading.orders.len(), 4);
    let analysis = analysed(&reading);
    // "Quedan 2 días 3 horas" from 18:00 UTC.
    assert_eq!(
        clock(verdict(&analysis, "8190335412340201")),
        (
            Some(DeadlineKind::Ship),
            Some(DeadlineSource::Page),
            Some(utc("2026-11-27T21:00:00Z")),
            Risk::Warning
        )
    );
    // Paid 08:00 PST on 19 November, the default 7 days of handling time.
    assert_eq!(
        clock(verdict(&analysis, "8190335412340202")),
        (
            Some(DeadlineKind::Ship),
            Some(DeadlineSource::Computed),
            Some(utc("2026-11-26T16:00:00Z")),
            Risk::Critical
        )
    );
    let done = verdict(&analysis, "8190335412340203");
    assert_eq!(
        (done.status, done.reason_code),
        (Some(OrderStatus::Finish), Some(ReasonCode::Completed))
    );
    // A bad creation date is reported, and the countdown still gives the deadline.
    assert_eq!(
        clock(verdict(&analysis, "8190335412340204")),
        (
            Some(DeadlineKind::Ship),
            Some(DeadlineSource::Page),
            Some(utc("2026-11-25T21:00:00Z")),
            Risk::Critical
        )
    );
    let [error] = reading.errors.as_slice() else {
        panic!("{:#?}", reading.errors)
    };
    assert_eq!(
        (error.row, error.column.as_deref(), error.kind.clone()),
        (Some(4), Some("Fecha del pedido"), ReadErrorKind::NotADate)
    );
}
