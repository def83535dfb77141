//! What `analyze` accepts, told apart: engine orders, an Open Platform response, or CSV text.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use js_sys::JsString;
use serde_json::{Map, Value};
use wasm_bindgen::{JsCast, JsValue};

use super::extras::{self, Extras};
use super::js_error::{describe, range_error, type_error};
use super::js_json::to_json;
use super::js_limits::{too_long, INPUT};
use super::json_read::{
    instant, list, missing_field, object, optional, status, string, u32_value, variant, Read,
    SIDES, SOURCES,
};
use crate::core::{GivenDeadline, Order, OrderStatus};
use crate::read::json_parse::parse_json;
use crate::read::json_text::{json_text, number_text};
use crate::read::{
    read_api_json, read_api_orders, read_csv_orders, read_status, CsvOptions, ReadError,
    ReadErrorKind,
};

/// Orders read from one input, every reading problem, and the display-only text found beside them.
#[derive(Default)]
pub(crate) struct Reading {
    /// Every order with an id.
    pub orders: Vec<Order>,
    /// Why rows or fields could not be read, placed by row and column.
    pub errors: Vec<ReadError>,
    /// Buyer names and product titles by order id, shown but never interpreted.
    pub extras: Extras,
}

/// API field names that tell an Open Platform order object from an engine order.
const API_KEYS: [&str; 10] = [
    "order_id",
    "order_status",
    "orderStatus",
    "gmt_pay_time",
    "gmtPayTime",
    "gmt_create",
    "gmtCreate",
    "timeout_left_time",
    "timeoutLeftTime",
    "target_list",
];

/// Reads `input`; `now` is when the data was received (API countdowns count from it).
pub(crate) fn read_input(
    input: &JsValue,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<Reading, JsValue> {
    if let Some(text) = input.dyn_ref::<JsString>() {
        // Measured before the copy into the wasm, which would need up to three bytes a character.
        if text.length() as usize > INPUT.characters {
            return Err(range_error(format!(
                "input: {}",
                too_long(INPUT.characters)
            )));
        }
        return Ok(read_text(&String::from(text), now, zone));
    }
    if input.is_object() && !input.is_function() {
        let value = to_json(input, INPUT).map_err(|e| e.to_js("input"))?;
        return Ok(read_value(&value, now, zone));
    }
    Err(type_error(format!(
        "input: expected an array of orders, an Open Platform response object or CSV text, got {}",
        describe(input)
    )))
}

fn read_text(text: &str, now: DateTime<Utc>, zone: Tz) -> Reading {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') || body.starts_with('[') {
        return match parse_json(body) {
            Ok(value) => read_value(&value, now, zone),
            Err(_) => from_api(read_api_json(body, now, zone), None),
        };
    }
    read_csv(text, now, zone)
}

fn read_value(value: &Value, now: DateTime<Utc>, zone: Tz) -> Reading {
    match value {
        Value::Array(items) if is_engine_order_list(items) => read_engine_orders(items),
        _ => from_api(read_api_orders(value, now, zone), Some(value)),
    }
}

fn from_api(reading: crate::read::ApiReading, value: Option<&Value>) -> Reading {
    Reading {
        extras: value.map(extras::from_json).unwrap_or_default(),
        orders: reading.orders,
        errors: reading.errors,
    }
}

fn read_csv(text: &str, now: DateTime<Utc>, zone: Tz) -> Reading {
    let reading = read_csv_orders(text, &CsvOptions::new(now, zone));
    Reading {
        extras: extras::from_csv(text, &reading.columns),
        orders: reading.orders,
        errors: reading.errors,
    }
}

/// A list of engine orders as documented for the widget (`id` or `orderId`, `status` as an API
/// code, ISO times): some item carries an id and none carries an Open Platform field. Items
/// without an id stay in the list so they are reported, not silently dropped.
fn is_engine_order_list(items: &[Value]) -> bool {
    let objects = || items.iter().filter_map(Value::as_object);
    objects().any(|map| map.contains_key("id") || map.contains_key("orderId"))
        && !objects().any(|map| API_KEYS.iter().any(|k| map.contains_key(*k)))
}

fn read_engine_orders(items: &[Value]) -> Reading {
    let mut reading = Reading::default();
    for (index, item) in items.iter().enumerate() {
        let row = index + 1;
        let Value::Object(map) = item else {
            reading.errors.push(
                ReadError::new(
                    ReadErrorKind::BadJson,
                    &json_text(item),
                    "is not an order object",
                )
                .at_row(row),
            );
            continue;
        };
        let mut fields = Map::new();
        for (key, value) in map {
            match key.as_str() {
                "orderId" => {
                    fields.insert("id".into(), id_value(value));
                }
                "id" => {
                    fields.insert("id".into(), id_value(value));
                }
                // Display-only fields of the widget, kept out of the engine.
                "buyer" | "product" => {}
                _ => {
                    fields.insert(key.clone(), value.clone());
                }
            }
        }
        // A shop's own export may say "Awaiting shipment" rather than the code: read it as the panel would.
        if let Some(Value::String(label)) = fields.get("status") {
            // An unknown CODE_LIKE_THIS is a typo of a code, not a label: report it rather than guess.
            let code_like = label
                .trim()
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '_');
            if !code_like && OrderStatus::from_code(label).is_none() {
                if let Ok(read) = read_status(label) {
                    fields.insert("status".into(), Value::String(read.status.code().into()));
                }
            }
        }
        let id = fields
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_string();
        if id.is_empty() {
            reading.errors.push(
                ReadError::new(
                    ReadErrorKind::NotAnOrderId,
                    "",
                    "the order has no id (id or orderId)",
                )
                .at_row(row),
            );
            continue;
        }
        reading.extras.insert_from(&id, map);
        // Every field is read on its own, so a bad one is reported and the others still count.
        let mut order = Order {
            id: fields
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            ..Order::default()
        };
        for (key, value) in &fields {
            if let Err(message) = set_order_field(&mut order, key, value) {
                let text = match value {
                    Value::String(s) => s.clone(),
                    other => json_text(other),
                };
                let error =
                    ReadError::new(ReadErrorKind::BadJson, &text, field_problem(key, &message))
                        .at_row(row)
                        .in_column(key.clone());
                order.read_errors.push(error.to_string());
                reading.errors.push(error);
            }
        }
        reading.orders.push(order);
    }
    reading
}

/// Sets the field `key` of an engine order from `value`; fields an order does not have are ignored.
fn set_order_field(order: &mut Order, key: &str, value: &Value) -> Read<()> {
    let at = |field: &mut Option<DateTime<Utc>>| optional(value, instant).map(|v| *field = v);
    match key {
        "status" => optional(value, status).map(|v| order.status = v),
        "side" => variant(value, &SIDES).map(|v| order.side = v),
        "created" => at(&mut order.created),
        "paid" => at(&mut order.paid),
        "shipped" => at(&mut order.shipped),
        "cancelRequested" => at(&mut order.cancel_requested),
        "cancelRefused" => at(&mut order.cancel_refused),
        "cancelAgreed" => at(&mut order.cancel_agreed),
        "disputeOpened" => at(&mut order.dispute_opened),
        "givenDeadline" => optional(value, given_deadline).map(|v| order.given_deadline = v),
        "handlingDays" => optional(value, u32_value).map(|v| order.handling_days = v),
        "receiptDays" => optional(value, u32_value).map(|v| order.receipt_days = v),
        "endReason" => optional(value, string).map(|v| order.end_reason = v),
        "readErrors" => list(value, string).map(|v| order.read_errors.extend(v)),
        _ => Ok(()),
    }
}

/// A deadline the source gave: `{ at, source }`.
fn given_deadline(value: &Value) -> Read<GivenDeadline> {
    let fields = object(value, "GivenDeadline")?;
    let required = |key: &str| fields.get(key).ok_or_else(|| missing_field(key));
    Ok(GivenDeadline {
        at: instant(required("at")?)?,
        source: variant(required("source")?, &SOURCES)?,
    })
}

/// Ids may come as numbers; AliExpress ids exceed 2^53, so a number is kept as written.
fn id_value(value: &Value) -> Value {
    match value {
        Value::Number(n) => Value::String(number_text(n)),
        other => other.clone(),
    }
}

/// What a field should have held, in words a JS author acts on.
fn field_problem(key: &str, serde_message: &str) -> String {
    match key {
        "status" => {
            "is neither an Open Platform order_status code such as WAIT_SELLER_SEND_GOODS nor a status label the panel shows".into()
        }
        "created" | "paid" | "shipped" | "cancelRequested" | "cancelRefused" | "cancelAgreed"
        | "disputeOpened" => {
            "is not an ISO 8601 date-time with a zone such as 2026-11-20T14:33:00Z".into()
        }
        _ => serde_message
            .split(" at line ")
            .next()
            .unwrap_or(serde_message)
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 18, 0, 0).unwrap()
    }

    fn read(value: Value) -> Reading {
        read_value(&value, now(), chrono_tz::America::Los_Angeles)
    }

    #[test]
    fn engine_orders_keep_every_row_and_say_which_field_failed() {
        let reading = read(json!([
            {"orderId": "1", "status": "WAIT_SELLER_SEND_GOODS", "paid": "2026-11-18T12:00:00Z", "buyer": "Ana"},
            {"id": 2, "status": "WAIT_SELLER_SEND_GOODS", "paid": "31/02/2026"},
            {"status": "FINISH"},
            "not an order"
        ]));
        let ids: Vec<&str> = reading.orders.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, vec!["1", "2"]);
        assert!(reading.orders[1].paid.is_none());
        assert_eq!(
            reading.orders[1].status,
            Some(OrderStatus::WaitSellerSendGoods)
        );
        assert_eq!(reading.orders[1].read_errors.len(), 1);
        let places: Vec<_> = reading
            .errors
            .iter()
            .map(|e| (e.row, e.column.clone()))
            .collect();
        assert_eq!(
            places,
            vec![
                (Some(2), Some("paid".into())),
                (Some(3), None),
                (Some(4), None)
            ]
        );
        assert_eq!(
            reading.extras.get("1").unwrap().buyer.as_deref(),
            Some("Ana")
        );
    }

    #[test]
    fn engine_order_fields_read_by_hand_as_serde_reads_them() {
        let cases = [
            json!({"id": "1", "status": "FINISH", "side": "buyer", "created": "2026-11-18T12:00:00+08:00",
                "givenDeadline": {"at": "2026-11-25T00:00:00Z", "source": "page"}, "handlingDays": 5,
                "receiptDays": null, "endReason": "x", "readErrors": ["a"], "other": [1]}),
            json!({"id": "1", "side": "both"}),
            json!({"id": "1", "shipped": 5}),
            json!({"id": "1", "givenDeadline": {"at": "2026-11-25T00:00:00Z"}}),
            json!({"id": "1", "givenDeadline": {"at": "2026-11-25T00:00:00Z", "source": "guess"}}),
            json!({"id": "1", "handlingDays": -2}),
            json!({"id": "1", "handlingDays": "7"}),
            json!({"id": "1", "endReason": 3}),
            json!({"id": "1", "readErrors": "a"}),
        ];
        for case in cases {
            let by_serde = serde_json::from_value::<Order>(case.clone()).map_err(|e| e.to_string());
            let mut order = Order::default();
            let mut errors = Vec::new();
            for (key, value) in case.as_object().unwrap() {
                if key == "id" {
                    order.id = value.as_str().unwrap().to_string();
                } else if let Err(e) = set_order_field(&mut order, key, value) {
                    errors.push(e);
                }
            }
            match by_serde {
                Ok(expected) => assert_eq!((order, errors), (expected, vec![]), "{case}"),
                Err(expected) => assert_eq!(errors, vec![expected], "{case}"),
            }
        }
    }

    #[test]
    fn arrays_with_api_fields_go_to_the_api_reader() {
        let reading = read(json!([
            {"order_id": "8190000000000001", "order_status": "WAIT_SELLER_SEND_GOODS", "gmt_pay_time": "2026-11-13 08:00:00"}
        ]));
        assert_eq!(reading.orders.len(), 1);
        // 08:00 Pacific standard time is 16:00 UTC.
        assert_eq!(
            reading.orders[0].paid,
            Some(Utc.with_ymd_and_hms(2026, 11, 13, 16, 0, 0).unwrap())
        );
    }

    #[test]
    fn text_is_json_when_it_looks_like_json_else_csv() {
        let zone = chrono_tz::America::Los_Angeles;
        let json = read_text(
            "\u{feff} [{\"orderId\": \"5\", \"status\": \"FINISH\"}]",
            now(),
            zone,
        );
        assert_eq!(json.orders.len(), 1);
        let csv = read_text(
            "Order ID,Status\n8190000000000001,Awaiting shipment\n",
            now(),
            zone,
        );
        assert_eq!(csv.orders.len(), 1);
        assert_eq!(csv.orders[0].status, Some(OrderStatus::WaitSellerSendGoods));
        let broken = read_text("{\"orders\": [", now(), zone);
        assert!(broken.orders.is_empty());
        assert_eq!(broken.errors.len(), 1);
    }

    #[test]
    fn status_labels_are_read_but_unknown_codes_are_reported() {
        let reading = read(json!([
            {"orderId": "1", "status": "Awaiting shipment"},
            {"orderId": "2", "status": "SHIPPED_MAYBE"}
        ]));
        assert_eq!(
            reading.orders[0].status,
            Some(OrderStatus::WaitSellerSendGoods)
        );
        assert_eq!(reading.orders[1].status, None);
        assert_eq!(reading.errors.len(), 1);
        assert_eq!(reading.errors[0].column.as_deref(), Some("status"));
    }
}
