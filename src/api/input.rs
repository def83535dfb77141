//! What `analyze` accepts, told apart: engine orders, an Open Platform response, or CSV text.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::{Map, Value};
use wasm_bindgen::JsValue;

use super::extras::{self, Extras};
use super::js_error::{describe, type_error};
use crate::core::{Order, OrderStatus};
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
    if let Some(text) = input.as_string() {
        return Ok(read_text(&text, now, zone));
    }
    if input.is_object() && !input.is_function() {
        let value: Value = serde_wasm_bindgen::from_value(input.clone())
            .map_err(|e| type_error(format!("input: {e}")))?;
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
        return match serde_json::from_str::<Value>(body) {
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
                    &item.to_string(),
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
        match serde_json::from_value::<Order>(Value::Object(fields.clone())) {
            Ok(order) => reading.orders.push(order),
            Err(_) => {
                // Keep the order, unreadable, with the fields that failed, so nothing is lost.
                let mut order = Order {
                    id: id.clone(),
                    ..Order::default()
                };
                for (key, value) in &fields {
                    if key == "id" {
                        continue;
                    }
                    let mut one = Map::new();
                    one.insert(key.clone(), value.clone());
                    match serde_json::from_value::<Order>(Value::Object(one)) {
                        Ok(part) => merge_field(&mut order, part, key),
                        Err(e) => {
                            let text = match value {
                                Value::String(s) => s.clone(),
                                other => other.to_string(),
                            };
                            let error = ReadError::new(
                                ReadErrorKind::BadJson,
                                &text,
                                field_problem(key, &e.to_string()),
                            )
                            .at_row(row)
                            .in_column(key.clone());
                            order.read_errors.push(error.to_string());
                            reading.errors.push(error);
                        }
                    }
                }
                reading.orders.push(order);
            }
        }
    }
    reading
}

/// Ids may come as numbers; AliExpress ids exceed 2^53, so a number is kept as written.
fn id_value(value: &Value) -> Value {
    match value {
        Value::Number(n) => Value::String(n.to_string()),
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

/// Copies the one field `key` that `part` read into `order`.
fn merge_field(order: &mut Order, part: Order, key: &str) {
    match key {
        "status" => order.status = part.status,
        "side" => order.side = part.side,
        "created" => order.created = part.created,
        "paid" => order.paid = part.paid,
        "shipped" => order.shipped = part.shipped,
        "cancelRequested" => order.cancel_requested = part.cancel_requested,
        "cancelRefused" => order.cancel_refused = part.cancel_refused,
        "cancelAgreed" => order.cancel_agreed = part.cancel_agreed,
        "disputeOpened" => order.dispute_opened = part.dispute_opened,
        "givenDeadline" => order.given_deadline = part.given_deadline,
        "handlingDays" => order.handling_days = part.handling_days,
        "receiptDays" => order.receipt_days = part.receipt_days,
        "endReason" => order.end_reason = part.end_reason,
        "readErrors" => order.read_errors.extend(part.read_errors),
        _ => {}
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
