//! Open Platform responses (list and detail, snake_case and camelCase) read into orders and
//! checked through the engine: the deadline, which clock, and where the figure came from.

use chrono::{DateTime, Utc};
use deadline_guard::core::{
    analyze, Analysis, AnalyzedOrder, DeadlineKind, DeadlineSource, Hint, OrderStatus, Policy,
    ReasonCode, Risk,
};
use deadline_guard::read::{read_api_json, ApiReading, ReadErrorKind};

const PACIFIC: chrono_tz::Tz = chrono_tz::America::Los_Angeles;

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().expect("test instant")
}

/// The response arrived at 10:00 Pacific (PST), and the engine looks at it then.
fn received() -> DateTime<Utc> {
    utc("2026-11-25T18:00:00Z")
}

fn read(fixture: &str) -> ApiReading {
    let path = format!(
        "{}/tests/fixtures/api/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture");
    read_api_json(&text, received(), PACIFIC)
}

fn analysed(reading: &ApiReading) -> Analysis {
    analyze(&reading.orders, &Policy::default(), received()).expect("default policy is valid")
}

fn verdict<'a>(analysis: &'a Analysis, id: &str) -> &'a AnalyzedOrder {
    analysis
        .orders
        .iter()
        .find(|order| order.order_id == id)
        .unwrap_or_else(|| panic!("order {id} missing from {analysis:#?}"))
}

fn clock(
    v: &AnalyzedOrder,
) -> (
    Option<DeadlineKind>,
    Option<DeadlineSource>,
    Option<DateTime<Utc>>,
    Risk,
) {
    (v.deadline_kind, v.deadline_source, v.deadline, v.risk)
}

#[test]
fn list_response_snake_case_through_the_engine() {
    let reading = read("solution_order_get.json");
    // Eight orders listed; the one without an id cannot be shown, the others all come through.
    assert_eq!(reading.orders.len(), 7, "{:#?}", reading.errors);
    let analysis = analysed(&reading);

    // timeout_left_time (2 h in ms) wins over left_send_good_*, counted from the response time.
    let v = verdict(&analysis, "8190335412340001");
    assert_eq!(
        clock(v),
        (
            Some(DeadlineKind::Ship),
            Some(DeadlineSource::Api),
            Some(utc("2026-11-25T20:00:00Z")),
            Risk::Critical
        )
    );

    // Only left_send_good_day/hour/min: 5 d 23 h 30 min after the response.
    let v = verdict(&analysis, "8190335412340002");
    assert_eq!(
        clock(v),
        (
            Some(DeadlineKind::Ship),
            Some(DeadlineSource::Api),
            Some(utc("2026-12-01T17:30:00Z")),
            Risk::Ok
        )
    );

    // A negative timeout: the cancellation answer is an hour overdue; shipped, so refuse with tracking.
    let v = verdict(&analysis, "8190335412340003");
    assert_eq!(
        clock(v),
        (
            Some(DeadlineKind::CancelResponse),
            Some(DeadlineSource::Api),
            Some(utc("2026-11-25T17:00:00Z")),
            Risk::Overdue
        )
    );
    assert_eq!(v.hints, vec![Hint::RefuseWithTracking]);

    // issue_status IN_ISSUE turns a shipped (and frozen) order into a dispute to answer.
    let v = verdict(&analysis, "8190335412340004");
    assert_eq!(v.status, Some(OrderStatus::InIssue));
    assert_eq!(
        clock(v),
        (
            Some(DeadlineKind::DisputeResponse),
            Some(DeadlineSource::Api),
            Some(utc("2026-11-27T18:00:00Z")),
            Risk::Warning
        )
    );

    let v = verdict(&analysis, "8190335412340005");
    assert_eq!(
        (v.risk, v.reason_code),
        (Risk::None, Some(ReasonCode::Completed))
    );
    let finished = reading
        .orders
        .iter()
        .find(|o| o.id == "8190335412340005")
        .unwrap();
    assert_eq!(
        finished.end_reason.as_deref(),
        Some("seller_send_goods_timeout")
    );

    // No stated deadline: computed from the Pacific payment time and the shortest
    // goods_prepare_time of its products (5 of 7, 5 days): 08:00 PST + 5 × 24 h.
    let v = verdict(&analysis, "8190335412340006");
    assert_eq!(
        clock(v),
        (
            Some(DeadlineKind::Ship),
            Some(DeadlineSource::Computed),
            Some(utc("2026-11-25T16:00:00Z")),
            Risk::Overdue
        )
    );
    let six = reading
        .orders
        .iter()
        .find(|o| o.id == "8190335412340006")
        .unwrap();
    assert_eq!((six.handling_days, six.receipt_days), (Some(5), Some(90)));

    // Unreadable payment time and timeout: no clock can be computed, and the engine says why.
    let v = verdict(&analysis, "8190335412340008");
    assert_eq!(v.risk, Risk::Unreadable);
    let reason = v.reason.as_deref().unwrap_or_default();
    assert!(
        reason.contains("gmt_pay_time") && reason.contains("2026-02-31"),
        "{reason}"
    );
}

#[test]
fn list_response_reports_each_bad_order_and_field_in_place() {
    let reading = read("solution_order_get.json");
    let placed: Vec<(Option<usize>, Option<&str>, &ReadErrorKind)> = reading
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_deref(), &e.kind))
        .collect();
    assert_eq!(
        placed,
        vec![
            (Some(7), Some("order_id"), &ReadErrorKind::MissingField),
            (Some(8), Some("gmt_pay_time"), &ReadErrorKind::NotADate),
            (
                Some(8),
                Some("timeout_left_time"),
                &ReadErrorKind::NotACountdown
            ),
            (Some(8), Some("goods_prepare_time"), &ReadErrorKind::BadJson),
        ]
    );
    assert_eq!(reading.errors[2].text, "soon");
}

#[test]
fn list_response_camel_case_from_the_java_sdk() {
    let reading = read("seller_orderlist_get_camel.json");
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    let ids: Vec<&str> = reading.orders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        ["8190335412350001", "8190335412350002", "8190335412350003"]
    );
    let analysis = analysed(&reading);

    let v = verdict(&analysis, "8190335412350001");
    assert_eq!(
        clock(v),
        (
            Some(DeadlineKind::Ship),
            Some(DeadlineSource::Api),
            Some(utc("2026-11-29T18:00:00Z")),
            Risk::Ok
        )
    );

    // Shipped 09:00 PDT on 3 October with a 90-day delivery promise: the receipt clock, computed.
    let v = verdict(&analysis, "8190335412350002");
    assert_eq!(
        (v.deadline_kind, v.deadline_source, v.deadline),
        (
            Some(DeadlineKind::Receipt),
            Some(DeadlineSource::Computed),
            Some(utc("2027-01-01T16:00:00Z"))
        )
    );

    let v = verdict(&analysis, "8190335412350003");
    assert_eq!(
        (v.status, v.reason_code),
        (Some(OrderStatus::InFrozen), Some(ReasonCode::Frozen))
    );
}

#[test]
fn detail_response_findorderbyid_snake_case() {
    let reading = read("findorderbyid.json");
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    let [order] = reading.orders.as_slice() else {
        panic!("{:#?}", reading.orders)
    };
    assert_eq!(order.id, "8190335412360001");
    assert_eq!(order.paid, Some(utc("2026-11-22T18:15:00Z")));
    assert_eq!(
        (order.handling_days, order.receipt_days),
        (Some(5), Some(75))
    );
    let analysis = analysed(&reading);
    // over_time_left is a Pacific wall-clock deadline: 10:15 PST is 18:15 UTC.
    assert_eq!(
        clock(&analysis.orders[0]),
        (
            Some(DeadlineKind::Ship),
            Some(DeadlineSource::Api),
            Some(utc("2026-11-27T18:15:00Z")),
            Risk::Warning
        )
    );
}

#[test]
fn detail_response_solution_order_info_camel_case() {
    let reading = read("solution_order_info_get_camel.json");
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    let [order] = reading.orders.as_slice() else {
        panic!("{:#?}", reading.orders)
    };
    assert_eq!(order.id, "8190335412370001");
    // The last of two shipments, and the longest delivery promise of the two products.
    assert_eq!(order.shipped, Some(utc("2026-11-12T16:00:00Z")));
    assert_eq!(
        (order.handling_days, order.receipt_days),
        (Some(5), Some(30))
    );
    let analysis = analysed(&reading);
    assert_eq!(
        (
            analysis.orders[0].deadline_kind,
            analysis.orders[0].deadline_source,
            analysis.orders[0].deadline
        ),
        (
            Some(DeadlineKind::Receipt),
            Some(DeadlineSource::Computed),
            Some(utc("2026-12-12T16:00:00Z"))
        )
    );
}

#[test]
fn a_list_without_its_wrappers_reads_the_same() {
    let whole = read("solution_order_get.json");
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/api/solution_order_get.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let bare =
        &value["aliexpress_solution_order_get_response"]["result"]["target_list"]["order_dto"];
    let reading = deadline_guard::read::read_api_orders(bare, received(), PACIFIC);
    assert_eq!(reading, whole);
}
