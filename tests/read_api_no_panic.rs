//! The API JSON reader never panics: on arbitrary text, and on arbitrary JSON built from the
//! response's own field names and awkward values.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Utc};
use deadline_guard::read::{read_api_json, read_api_orders};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const PACIFIC: chrono_tz::Tz = chrono_tz::America::Los_Angeles;

fn received() -> DateTime<Utc> {
    "2026-11-25T18:00:00Z".parse().unwrap()
}

const KEYS: &[&str] = &[
    "aliexpress_solution_order_get_response",
    "error_response",
    "result",
    "target",
    "data",
    "target_list",
    "targetList",
    "order_dto",
    "order_id",
    "orderId",
    "id",
    "order_status",
    "orderStatus",
    "gmt_create",
    "gmt_pay_time",
    "gmtPaySuccess",
    "gmt_send_goods_time",
    "timeout_left_time",
    "over_time_left",
    "left_send_good_day",
    "left_send_good_hour",
    "left_send_good_min",
    "issue_status",
    "frozen_status",
    "end_reason",
    "product_list",
    "child_order_list",
    "logistic_info_list",
    "gmt_send",
    "goods_prepare_time",
    "freight_commit_day",
    "$numberLong",
    "success",
    "total_count",
    "code",
    "msg",
    "x",
];

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![
            "",
            " ",
            "0",
            "-1",
            "8190335412340001",
            "9223372036854775808",
            "1e999",
            "3.5",
            "2026-11-22 09:05:00",
            "2026-03-08 02:30:00",
            "2026-11-01 01:30:00",
            "2026-02-31 10:00:00",
            "+262143-12-31 23:59:59",
            "2026-11-22T09:05:00+14:00",
            "Nov 20, 2026 10:00:00 AM",
            "WAIT_SELLER_SEND_GOODS",
            "IN_ISSUE",
            "IN_FROZEN",
            "IN_CANCEL",
            "FINISH",
            "ÿ\u{0}",
        ])
        .prop_map(|s| Value::String(s.to_string())),
        ".{0,24}".prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS.to_vec()), inner), 0..8).prop_map(
                |pairs| {
                    Value::Object(
                        pairs
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect::<Map<_, _>>(),
                    )
                }
            ),
        ]
    })
}

fn check(value: &Value) {
    let reading = read_api_orders(value, received(), PACIFIC);
    for order in &reading.orders {
        assert!(
            !order.id.is_empty() && order.id.bytes().all(|b| b.is_ascii_digit()),
            "{order:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = read_api_json(&text, received(), PACIFIC);
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        check(&value);
        check(&json!({"aliexpress_solution_order_get_response": {"result": {"target_list": {"order_dto": [value.clone()]}}}}));
        check(&json!({"target": value}));
    }

    #[test]
    fn arbitrary_orders_never_panic(fields in prop::collection::vec((prop::sample::select(KEYS.to_vec()), json_value()), 0..12)) {
        let order: Map<String, Value> = fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        check(&Value::Array(vec![Value::Object(order)]));
    }
}
