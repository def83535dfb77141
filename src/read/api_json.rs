//! Open Platform order responses into engine orders.
//!
//! Reads the order list (`aliexpress.solution.order.get`, `aliexpress.trade.seller.orderlist.get`)
//! and the order detail (`aliexpress.trade.new.redefining.findorderbyid`,
//! `aliexpress.solution.order.info.get`), whole with their `…_response` wrapper or any part of
//! it down to a bare array of orders. The input is a [`serde_json::Value`] so the wasm API can
//! hand over a JavaScript object and native code a parsed string alike.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::api_value::{self, field, first_field, shown, Object};
use super::error::{ReadError, ReadErrorKind};
use super::json_parse::parse_json;
use super::order_flags::with_flags;
use crate::core::{DeadlineSource, GivenDeadline, Order, OrderStatus, Side};

/// What an API response held: the orders that could be read and why others could not.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiReading {
    /// Every order with an id, in response order; fields that could not be read are `None`
    /// and explained in the order's `read_errors`.
    pub orders: Vec<Order>,
    /// Every problem, placed by order (`row` = 1-based position in the list) and field.
    pub errors: Vec<ReadError>,
}

/// Reads the orders of an Open Platform response.
///
/// `received_at` is when the response arrived: `timeout_left_time` and `left_send_good_*` count
/// from then. `zone` is the platform's (America/Los_Angeles): the API's timestamps are wall-clock
/// times there. A response that holds no orders at all (an `error_response`, an unrelated
/// object) gives no orders and one error that says what was found instead.
pub fn read_api_orders(value: &Value, received_at: DateTime<Utc>, zone: Tz) -> ApiReading {
    let mut reading = ApiReading::default();
    let found = match locate_orders(value, 0) {
        Ok(found) => found,
        Err(error) => {
            reading.errors.push(error);
            return reading;
        }
    };
    let numbered = matches!(found, Found::List(_));
    let items = match found {
        Found::List(items) => items,
        Found::Single(item) => vec![item],
    };
    for (index, item) in items.into_iter().enumerate() {
        let row = index + 1;
        let place = |error: ReadError| if numbered { error.at_row(row) } else { error };
        match read_order(item, received_at, zone) {
            Ok((order, problems)) => {
                reading.errors.extend(problems.into_iter().map(place));
                reading.orders.push(order);
            }
            Err(error) => reading.errors.push(place(error)),
        }
    }
    reading
}

/// Parses `text` as JSON, then reads it as [`read_api_orders`] does; a syntax error becomes one
/// error that says where.
pub fn read_api_json(text: &str, received_at: DateTime<Utc>, zone: Tz) -> ApiReading {
    match parse_json(text) {
        Ok(value) => read_api_orders(&value, received_at, zone),
        Err(error) => ApiReading {
            orders: Vec::new(),
            errors: vec![ReadError::new(
                ReadErrorKind::BadJson,
                text,
                format!(
                    "is not JSON ({} at line {}, column {})",
                    if error.ends_early {
                        "it ends too early"
                    } else {
                        "syntax error"
                    },
                    error.line,
                    error.column
                ),
            )],
        },
    }
}

enum Found<'a> {
    List(Vec<&'a Value>),
    Single(&'a Value),
}

/// Keys that lead from a response wrapper to its orders, outermost first. `target` and `data`
/// hold the single order of a detail response; the others lists.
const CONTAINERS: [&str; 11] = [
    "result",
    "target",
    "data",
    "module",
    "value",
    "target_list",
    "order_dto",
    "aeop_order_item_dto",
    "order_list",
    "orders",
    "list",
];

/// Fields only an order object has: one of them makes an object an order (its id may be the
/// thing missing, which is reported on that order rather than as "no orders found").
const ORDER_MARKERS: [&str; 8] = [
    "order_id",
    "order_status",
    "gmt_create",
    "gmt_pay_time",
    "gmt_pay_success",
    "timeout_left_time",
    "left_send_good_day",
    "over_time_left",
];

/// Wrappers nest a handful of levels; anything deeper is not a response of this API.
const MAX_DEPTH: usize = 8;

fn locate_orders(value: &Value, depth: usize) -> Result<Found<'_>, ReadError> {
    if depth > MAX_DEPTH {
        return Err(not_orders(value, "nests too deep to be an order response"));
    }
    let object = match value {
        Value::Array(items) => return Ok(Found::List(items.iter().collect())),
        Value::Object(object) => object,
        other => {
            return Err(not_orders(
                other,
                "is not an order response (expected a JSON object or a list of orders)",
            ))
        }
    };
    if let Some(error) = platform_error(object) {
        return Err(error);
    }
    if ORDER_MARKERS
        .iter()
        .any(|name| field(object, name).is_some())
    {
        return Ok(Found::Single(value));
    }
    for name in CONTAINERS {
        if let Some((_, inner)) = field(object, name) {
            return locate_orders(inner, depth + 1);
        }
    }
    if let Some(inner) = object
        .iter()
        .find(|(key, _)| key.ends_with("_response") || key.ends_with("Response"))
        .map(|(_, inner)| inner)
    {
        return locate_orders(inner, depth + 1);
    }
    // A page past the last one: a result with a count and no list.
    if field(object, "total_count").is_some() || object.get("success") == Some(&Value::Bool(true)) {
        return Ok(Found::List(Vec::new()));
    }
    let keys: Vec<&str> = object.keys().map(String::as_str).take(12).collect();
    Err(not_orders(
        value,
        format!(
            "is not an order response: no orders, order list or response wrapper in it (keys: {})",
            if keys.is_empty() {
                "none".to_string()
            } else {
                keys.join(", ")
            }
        ),
    ))
}

fn not_orders(value: &Value, detail: impl Into<String>) -> ReadError {
    ReadError::new(ReadErrorKind::BadJson, &shown(value), detail)
}

/// The platform's own refusal (`error_response`, a gateway `code` other than 0, or a result
/// with `success: false`), as one error carrying its code and message.
fn platform_error(object: &Object) -> Option<ReadError> {
    let (code, message) = if let Some((_, Value::Object(inner))) = field(object, "error_response") {
        (
            first_field(inner, &["code", "sub_code"]),
            first_field(inner, &["sub_msg", "msg", "message"]),
        )
    } else if let Some((_, code)) = field(object, "code").filter(|(_, code)| shown(code) != "0") {
        let message = first_field(object, &["message", "msg", "sub_msg"])?;
        (Some(("code", code)), Some(message))
    } else if object.get("success") == Some(&Value::Bool(false))
        || object.get("is_success") == Some(&Value::Bool(false))
    {
        (
            first_field(object, &["error_code", "code"]),
            first_field(object, &["error_message", "error_msg", "msg", "message"]),
        )
    } else {
        return None;
    };
    let code = code.map(|(_, code)| shown(code)).unwrap_or_default();
    let message = message
        .map(|(_, message)| shown(message))
        .unwrap_or_default();
    let detail = match (code.is_empty(), message.is_empty()) {
        (false, false) => {
            format!("the platform answered with an error instead of orders: {code}: {message}")
        }
        (false, true) => format!("the platform answered with an error instead of orders: {code}"),
        (true, false) => {
            format!("the platform answered with an error instead of orders: {message}")
        }
        (true, true) => "the platform answered with an error instead of orders".to_string(),
    };
    Some(ReadError::new(ReadErrorKind::PlatformError, "", detail))
}

/// Reads one order: `Err` when it has no usable id (nothing to show it under), otherwise the
/// order with every readable field and the problems with the others.
fn read_order(
    value: &Value,
    received_at: DateTime<Utc>,
    zone: Tz,
) -> Result<(Order, Vec<ReadError>), ReadError> {
    let Value::Object(object) = value else {
        return Err(ReadError::new(
            ReadErrorKind::BadJson,
            &shown(value),
            "is not an order (expected a JSON object)",
        ));
    };
    let id = match first_field(object, &["order_id", "id"]) {
        Some((key, raw)) => api_value::order_id(raw).map_err(|why| {
            ReadError::new(ReadErrorKind::NotAnOrderId, &shown(raw), why).in_column(key)
        })?,
        None => {
            return Err(ReadError::new(
                ReadErrorKind::MissingField,
                "",
                "order has no order_id (or id)",
            )
            .in_column("order_id"))
        }
    };
    let mut reader = OrderReader {
        object,
        zone,
        received_at,
        problems: Vec::new(),
    };
    let mut order = Order {
        id,
        side: Side::Seller,
        status: reader.status(),
        created: reader.time(&["gmt_create"]),
        paid: reader.time(&["gmt_pay_time", "gmt_pay_success"]),
        shipped: reader.shipped(),
        end_reason: reader.text(&["end_reason", "order_end_reason"]),
        ..Order::default()
    };
    order.given_deadline = reader.given_deadline(order.status);
    let products = products(object);
    // The order must ship by its earliest product's deadline; the buyer has until the
    // longest delivery promise to confirm receipt.
    order.handling_days = reader
        .product_days(&products, "goods_prepare_time", 1)
        .into_iter()
        .min();
    order.receipt_days = reader
        .product_days(&products, "freight_commit_day", 1)
        .into_iter()
        .max();
    order.read_errors = reader.problems.iter().map(ToString::to_string).collect();
    Ok((order, reader.problems))
}

/// The products of an order: `product_list` (list responses) or `child_order_list` (detail),
/// each either a bare array or an object wrapping one (`order_product_dto`,
/// `aeop_tp_child_order_dto`, …).
fn products(object: &Object) -> Vec<&Object> {
    let Some((_, list)) = first_field(object, &["product_list", "child_order_list"]) else {
        return Vec::new();
    };
    let items: Vec<&Value> = match list {
        Value::Array(items) => items.iter().collect(),
        Value::Object(wrapper) => match wrapper.values().find(|inner| inner.is_array()) {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![list],
        },
        _ => Vec::new(),
    };
    items.into_iter().filter_map(Value::as_object).collect()
}

/// Reads the fields of one order object, collecting what could not be read.
struct OrderReader<'a> {
    object: &'a Object,
    zone: Tz,
    received_at: DateTime<Utc>,
    problems: Vec<ReadError>,
}

/// Day counts beyond this are not handling times or delivery promises.
const MAX_DAYS: i64 = 365;

impl OrderReader<'_> {
    fn problem(&mut self, kind: ReadErrorKind, key: &str, value: &Value, detail: &str) {
        self.problems
            .push(ReadError::new(kind, &shown(value), detail).in_column(key));
    }

    /// `order_status`, overridden by an open dispute (the seller's clock is then the answer to
    /// it) and, short of that, by a freeze.
    fn status(&mut self) -> Option<OrderStatus> {
        let status = match field(self.object, "order_status") {
            Some((key, value)) => match value.as_str().and_then(OrderStatus::from_code) {
                Some(status) => Some(status),
                None => {
                    self.problem(
                        ReadErrorKind::UnknownStatus,
                        key,
                        value,
                        "is not a known order status code",
                    );
                    None
                }
            },
            None => {
                self.problems.push(
                    ReadError::new(ReadErrorKind::MissingField, "", "order has no order_status")
                        .in_column("order_status"),
                );
                None
            }
        };
        let flag = |name: &str| field(self.object, name).map(|(_, value)| shown(value));
        with_flags(
            status,
            flag("issue_status").as_deref(),
            flag("frozen_status").as_deref(),
        )
    }

    fn time(&mut self, names: &[&str]) -> Option<DateTime<Utc>> {
        let (key, value) = first_field(self.object, names)?;
        let instant = api_value::timestamp(value, self.zone);
        if instant.is_none() {
            self.problem(
                ReadErrorKind::NotADate,
                key,
                value,
                "is not a date and time",
            );
        }
        instant
    }

    fn text(&self, names: &[&str]) -> Option<String> {
        first_field(self.object, names).map(|(_, value)| shown(value).trim().to_string())
    }

    /// `gmt_send_goods_time` (the last shipment), else the latest `gmt_send` of the detail's
    /// logistics list.
    fn shipped(&mut self) -> Option<DateTime<Utc>> {
        if field(self.object, "gmt_send_goods_time").is_some() {
            return self.time(&["gmt_send_goods_time"]);
        }
        let zone = self.zone;
        let latest = |items: Vec<&Object>, name: &str| {
            items
                .into_iter()
                .filter_map(|item| field(item, name))
                .filter_map(|(_, value)| api_value::timestamp(value, zone))
                .max()
        };
        let logistics: Vec<&Object> =
            match first_field(self.object, &["logistic_info_list", "logistics_info_list"]) {
                Some((_, Value::Array(items))) => {
                    items.iter().filter_map(Value::as_object).collect()
                }
                Some((_, Value::Object(wrapper))) => wrapper
                    .values()
                    .filter_map(Value::as_array)
                    .flatten()
                    .filter_map(Value::as_object)
                    .collect(),
                _ => Vec::new(),
            };
        // Products carry a `send_goods_time` even before shipping (the SDK samples show one on
        // unpaid orders), so only the logistics records count as proof of shipment.
        latest(logistics, "gmt_send")
    }

    /// The deadline the API states for the running clock: `timeout_left_time` (milliseconds
    /// from the response, the most precise), else `over_time_left` (a Pacific wall-clock
    /// deadline), else, while the order awaits shipping, `left_send_good_day/hour/min`.
    fn given_deadline(&mut self, status: Option<OrderStatus>) -> Option<GivenDeadline> {
        let api = |at| GivenDeadline {
            at,
            source: DeadlineSource::Api,
        };
        if let Some((key, value)) = field(self.object, "timeout_left_time") {
            let at = api_value::integer(value)
                .and_then(TimeDelta::try_milliseconds)
                .and_then(|left| self.received_at.checked_add_signed(left));
            match at {
                Some(at) => return Some(api(at)),
                None => self.problem(
                    ReadErrorKind::NotACountdown,
                    key,
                    value,
                    "is not a number of milliseconds",
                ),
            }
        }
        if let Some((key, value)) = field(self.object, "over_time_left") {
            match api_value::timestamp(value, self.zone) {
                Some(at) => return Some(api(at)),
                None => self.problem(
                    ReadErrorKind::NotADate,
                    key,
                    value,
                    "is not a date and time",
                ),
            }
        }
        let awaiting_shipment = matches!(
            status,
            Some(OrderStatus::WaitSellerSendGoods | OrderStatus::SellerPartSendGoods)
        );
        if awaiting_shipment {
            return self.left_send_good().map(api);
        }
        None
    }

    fn left_send_good(&mut self) -> Option<DateTime<Utc>> {
        let parts = [
            ("left_send_good_day", 24 * 60),
            ("left_send_good_hour", 60),
            ("left_send_good_min", 1),
        ];
        let mut minutes: i64 = 0;
        let mut any = false;
        for (name, unit) in parts {
            let Some((key, value)) = field(self.object, name) else {
                continue;
            };
            any = true;
            match api_value::integer(value)
                .filter(|count| (-100_000..=100_000).contains(count))
                .and_then(|count| count.checked_mul(unit))
            {
                Some(part) => minutes += part,
                None => {
                    self.problem(
                        ReadErrorKind::NotACountdown,
                        key,
                        value,
                        "is not a whole number",
                    );
                    return None;
                }
            }
        }
        if !any {
            return None;
        }
        self.received_at
            .checked_add_signed(TimeDelta::try_minutes(minutes)?)
    }

    /// One day count per product that states it; bad values are reported and skipped.
    fn product_days(&mut self, products: &[&Object], name: &str, min: i64) -> Vec<u32> {
        let mut days = Vec::new();
        for product in products {
            let Some((key, value)) = field(product, name) else {
                continue;
            };
            match api_value::integer(value).filter(|count| (min..=MAX_DAYS).contains(count)) {
                Some(count) => days.push(count as u32),
                None => {
                    let detail = format!("is not a number of days ({min} to {MAX_DAYS})");
                    self.problem(ReadErrorKind::BadJson, key, value, &detail);
                }
            }
        }
        days
    }
}
