//! What the API reader says about responses that are not order lists, and about broken orders.

use chrono::{DateTime, Utc};
use deadline_guard::read::{read_api_json, read_api_orders, ApiReading, ReadErrorKind};
use serde_json::json;

const PACIFIC: chrono_tz::Tz = chrono_tz::America::Los_Angeles;

fn received() -> DateTime<Utc> {
    "2026-11-25T18:00:00Z".parse().unwrap()
}

fn read(value: serde_json::Value) -> ApiReading {
    read_api_orders(&value, received(), PACIFIC)
}

/// No orders and exactly one error of this kind, whose message mentions every `needle`.
fn assert_single_error(reading: &ApiReading, kind: ReadErrorKind, needles: &[&str]) {
    assert!(reading.orders.is_empty(), "{:#?}", reading.orders);
    let [error] = reading.errors.as_slice() else {
        panic!("expected one error, got {:#?}", reading.errors)
    };
    assert_eq!(error.kind, kind, "{error}");
    let message = error.to_string();
    for needle in needles {
        assert!(message.contains(needle), "{message:?} lacks {needle:?}");
    }
}

#[test]
fn the_platforms_error_response_is_one_clear_error() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/api/error_response.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let reading = read_api_json(&text, received(), PACIFIC);
    assert_single_error(
        &reading,
        ReadErrorKind::PlatformError,
        &["27", "Session expired"],
    );
}

#[test]
fn gateway_codes_and_unsuccessful_results_are_platform_errors() {
    let gateway = json!({
        "code": "IllegalAccessToken", "type": "ISV",
        "message": "The specified access token is invalid or expired", "request_id": "0ba2887315178178017221014"
    });
    assert_single_error(
        &read(gateway),
        ReadErrorKind::PlatformError,
        &["IllegalAccessToken", "expired"],
    );
    let failed = json!({"aliexpress_solution_order_get_response": {"result": {
        "success": false, "error_code": "F00-00-10007-007", "error_message": "page size must be at most 50"
    }}});
    assert_single_error(
        &read(failed),
        ReadErrorKind::PlatformError,
        &["F00-00-10007-007", "at most 50"],
    );
}

#[test]
fn shapes_that_hold_no_orders_say_what_they_are() {
    assert_single_error(
        &read(json!(42)),
        ReadErrorKind::BadJson,
        &["42", "not an order response"],
    );
    assert_single_error(
        &read(json!("orders")),
        ReadErrorKind::BadJson,
        &["not an order response"],
    );
    assert_single_error(
        &read(json!(null)),
        ReadErrorKind::BadJson,
        &["not an order response"],
    );
    assert_single_error(&read(json!({})), ReadErrorKind::BadJson, &["keys: none"]);
    assert_single_error(
        &read(json!({"products": [{"product_id": 1}], "page": 1})),
        ReadErrorKind::BadJson,
        &["products", "page"],
    );
    assert_single_error(
        &read(json!({"aliexpress_solution_order_get_response": {"result": {"target_list": 17}}})),
        ReadErrorKind::BadJson,
        &["17"],
    );
}

#[test]
fn deeply_nested_objects_stop_with_an_error() {
    let mut value = json!({"order_status": "FINISH", "order_id": "8190335412340001"});
    for _ in 0..20 {
        value = json!({ "result": value });
    }
    assert_single_error(&read(value), ReadErrorKind::BadJson, &["too deep"]);
}

#[test]
fn an_empty_page_is_no_orders_and_no_error() {
    for empty in [
        json!({"aliexpress_solution_order_get_response": {"result": {"total_count": 0, "success": true}}}),
        json!({"aliexpress_solution_order_get_response": {"result": {"total_count": 0, "target_list": null}}}),
        json!({"result": {"targetList": []}}),
        json!([]),
    ] {
        assert_eq!(read(empty.clone()), ApiReading::default(), "{empty}");
    }
}

#[test]
fn text_that_is_not_json_says_where_it_broke() {
    let reading = read_api_json("{\"result\": {\"target_list\": [", received(), PACIFIC);
    assert_single_error(
        &reading,
        ReadErrorKind::BadJson,
        &["is not JSON", "ends too early", "line 1"],
    );
    let reading = read_api_json("<html>502 Bad Gateway</html>", received(), PACIFIC);
    assert_single_error(&reading, ReadErrorKind::BadJson, &["is not JSON", "syntax"]);
    let reading = read_api_json("", received(), PACIFIC);
    assert_single_error(&reading, ReadErrorKind::BadJson, &["is not JSON"]);
}

#[test]
fn items_that_are_not_orders_or_lack_an_id_are_reported_by_position() {
    let reading = read(json!([
        1,
        null,
        {"order_status": "FINISH"},
        {"order_id": "81903354x", "order_status": "FINISH"},
        {"order_id": -5, "order_status": "FINISH"},
        {"order_id": 8.190335412345679e18, "order_status": "FINISH"},
        {"order_id": true},
        {"id": "8190335412349999", "order_status": "FINISH"}
    ]));
    assert_eq!(reading.orders.len(), 1);
    assert_eq!(reading.orders[0].id, "8190335412349999");
    let placed: Vec<(Option<usize>, ReadErrorKind)> = reading
        .errors
        .iter()
        .map(|e| (e.row, e.kind.clone()))
        .collect();
    assert_eq!(
        placed,
        vec![
            (Some(1), ReadErrorKind::BadJson),
            (Some(2), ReadErrorKind::BadJson),
            (Some(3), ReadErrorKind::MissingField),
            (Some(4), ReadErrorKind::NotAnOrderId),
            (Some(5), ReadErrorKind::NotAnOrderId),
            (Some(6), ReadErrorKind::NotAnOrderId),
            (Some(7), ReadErrorKind::NotAnOrderId),
        ]
    );
    assert!(reading.errors[5]
        .to_string()
        .contains("send long ids as strings"));
}

#[test]
fn bad_fields_leave_the_order_with_its_reasons() {
    let reading = read(json!({"target": {
        "id": "8190335412340042",
        "order_status": "WAITING_FOR_GODOT",
        "gmt_create": "25:00",
        "gmt_pay_success": "2026-11-22 25:00:00",
        "over_time_left": "tomorrow",
        "left_send_good_day": "2.5",
        "child_order_list": [{"goods_prepare_time": 0, "freight_commit_day": "400"}]
    }}));
    let [order] = reading.orders.as_slice() else {
        panic!("{reading:#?}")
    };
    assert_eq!(
        (
            order.status,
            order.created,
            order.paid,
            order.given_deadline
        ),
        (None, None, None, None)
    );
    assert_eq!((order.handling_days, order.receipt_days), (None, None));
    let columns: Vec<&str> = reading
        .errors
        .iter()
        .filter_map(|e| e.column.as_deref())
        .collect();
    assert_eq!(
        columns,
        [
            "order_status",
            "gmt_create",
            "gmt_pay_success",
            "over_time_left",
            "goods_prepare_time",
            "freight_commit_day"
        ]
    );
    // A detail response is one order: no row number.
    assert!(reading.errors.iter().all(|e| e.row.is_none()));
    assert_eq!(reading.errors[0].kind, ReadErrorKind::UnknownStatus);
    assert_eq!(order.read_errors.len(), reading.errors.len());
    assert!(order.read_errors[0].contains("WAITING_FOR_GODOT"));
}

#[test]
fn left_send_good_that_is_not_a_whole_number_is_reported() {
    let reading = read(json!([{
        "order_id": "8190335412340043", "order_status": "WAIT_SELLER_SEND_GOODS",
        "gmt_pay_time": "2026-11-24 10:00:00",
        "left_send_good_day": "2.5", "left_send_good_hour": "1", "left_send_good_min": "0"
    }]));
    assert_eq!(reading.orders[0].given_deadline, None);
    let [error] = reading.errors.as_slice() else {
        panic!("{reading:#?}")
    };
    assert_eq!(
        (error.row, error.column.as_deref(), error.text.as_str()),
        (Some(1), Some("left_send_good_day"), "2.5")
    );
}

#[test]
fn huge_timeouts_do_not_overflow() {
    let reading = read(json!([{
        "order_id": "8190335412340044", "order_status": "WAIT_SELLER_SEND_GOODS",
        "timeout_left_time": i64::MAX
    }, {
        "order_id": "8190335412340045", "order_status": "WAIT_SELLER_SEND_GOODS",
        "left_send_good_day": "99999", "left_send_good_hour": "99999", "left_send_good_min": "99999"
    }]));
    assert_eq!(reading.orders.len(), 2);
    assert_eq!(reading.orders[0].given_deadline, None);
    assert_eq!(
        reading.errors[0].column.as_deref(),
        Some("timeout_left_time")
    );
    // 99999 days is within chrono's range: a far deadline, not a crash.
    assert!(reading.orders[1].given_deadline.is_some());
}
