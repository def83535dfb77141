//! Typed reading of JSON values by hand, in serde's words when a value does not fit.
//!
//! The JS API reads every input into a `serde_json::Value` already; walking it here instead of
//! calling a derived `Deserialize` (one copy per type and per deserializer) saves tens of KB of
//! wasm (BENCHMARKS.md, "Size, after slimming"). The derives stay on the types for native
//! callers; `tests` below checks that both readings agree, messages included.

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use serde_json::{Map, Value};

use crate::read::json_text::{number_text, quoted};

use crate::core::{
    iso_time, DayCount, DeadlineKind, DeadlineSource, ExtensionWindow, Hint, OrderStatus, Policy,
    ReasonCode, Risk, Side,
};

/// A value read, or serde's sentence for why it could not be.
pub(crate) type Read<T> = Result<T, String>;

/// How serde names a JSON value it did not expect.
fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(flag) => format!("boolean `{flag}`"),
        Value::Number(number) if number.is_f64() => {
            format!("floating point `{}`", number_text(number))
        }
        Value::Number(number) => format!("integer `{}`", number_text(number)),
        Value::String(text) => format!("string {}", cut(text)),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// `text` quoted, cut to its first 40 characters: a message names the value, it does not repeat
/// a string that may be megabytes long. Quoted as JSON, which is serde's `Debug` quoting for
/// every printable character, without core's `Debug` escaping tables in the wasm.
fn cut(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    let more = if short.len() < text.len() { "…" } else { "" };
    format!("{}{more}", quoted(&short))
}

/// serde's "invalid type: …, expected …".
pub(crate) fn invalid_type(value: &Value, expected: &str) -> String {
    format!("invalid type: {}, expected {expected}", unexpected(value))
}

/// A string.
pub(crate) fn string(value: &Value) -> Read<String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => Err(invalid_type(other, "a string")),
    }
}

/// `null` as `None`, anything else read by `read`.
pub(crate) fn optional<T>(value: &Value, read: impl Fn(&Value) -> Read<T>) -> Read<Option<T>> {
    match value {
        Value::Null => Ok(None),
        other => read(other).map(Some),
    }
}

/// A whole number from 0 to `u32::MAX`.
pub(crate) fn u32_value(value: &Value) -> Read<u32> {
    let number = integer(value, "u32")?;
    number
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| {
            format!(
                "invalid value: integer `{}`, expected u32",
                number_text(number)
            )
        })
}

/// A whole number that fits an `i64`.
pub(crate) fn i64_value(value: &Value) -> Read<i64> {
    let number = integer(value, "i64")?;
    number.as_i64().ok_or_else(|| {
        format!(
            "invalid value: integer `{}`, expected i64",
            number_text(number)
        )
    })
}

/// A JSON number without a fraction (its `Display` is what serde shows).
fn integer<'a>(value: &'a Value, expected: &str) -> Read<&'a serde_json::Number> {
    match value {
        Value::Number(number) if !number.is_f64() => Ok(number),
        other => Err(invalid_type(other, expected)),
    }
}

/// `true` or `false`.
pub(crate) fn boolean(value: &Value) -> Read<bool> {
    value
        .as_bool()
        .ok_or_else(|| invalid_type(value, "a boolean"))
}

/// An array, each item read by `read`.
pub(crate) fn list<T>(value: &Value, read: impl Fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    match value {
        Value::Array(items) => items.iter().map(read).collect(),
        other => Err(invalid_type(other, "a sequence")),
    }
}

/// One of a unit enum's names, as `#[serde(rename_all)]` writes them.
pub(crate) fn variant<T: Copy>(value: &Value, names: &[(&str, T)]) -> Read<T> {
    let Value::String(name) = value else {
        return Err(invalid_type(value, "string or map"));
    };
    if let Some(&(_, found)) = names.iter().find(|(known, _)| known == name) {
        return Ok(found);
    }
    let shown = if name.chars().nth(40).is_some() {
        cut(name)
    } else {
        format!("`{name}`")
    };
    Err(format!(
        "unknown variant {shown}, {}",
        one_of(names.iter().map(|(known, _)| *known))
    ))
}

/// serde's list of the names it would have taken.
fn one_of<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> String {
    let names: Vec<String> = names.map(|name| format!("`{name}`")).collect();
    match names.as_slice() {
        [] => "there are no variants".into(),
        [one] => format!("expected {one}"),
        [one, two] => format!("expected {one} or {two}"),
        _ => format!("expected one of {}", names.join(", ")),
    }
}

/// The fields of a JSON object standing for the struct `name`.
pub(crate) fn object<'a>(value: &'a Value, name: &str) -> Read<&'a Map<String, Value>> {
    value
        .as_object()
        .ok_or_else(|| invalid_type(value, &format!("struct {name}")))
}

/// serde's sentence for a field a `deny_unknown_fields` struct does not have.
pub(crate) fn unknown_field(key: &str, fields: &[&str]) -> String {
    format!("unknown field `{key}`, {}", one_of(fields.iter().copied()))
}

/// serde's sentence for a required field that is absent.
pub(crate) fn missing_field(key: &str) -> String {
    format!("missing field `{key}`")
}

/// A date as `YYYY-MM-DD`.
fn date(value: &Value) -> Read<NaiveDate> {
    match value {
        Value::String(text) => {
            iso_time::parse_date(text).ok_or_else(|| "input is not a YYYY-MM-DD date".to_string())
        }
        other => Err(invalid_type(other, "a formatted date string")),
    }
}

/// A weekday by its short or long English name, as chrono reads one.
fn weekday(value: &Value) -> Read<Weekday> {
    match value {
        Value::String(text) => text
            .parse()
            .map_err(|_| "short or long weekday names expected".to_string()),
        other => Err(invalid_type(other, "Weekday")),
    }
}

/// An instant with a zone (RFC 3339, as `iso_time` reads it), in UTC.
pub(crate) fn instant(value: &Value) -> Read<DateTime<Utc>> {
    match value {
        Value::String(text) => iso_time::parse_instant(text)
            .map(|at| at.with_timezone(&Utc))
            .ok_or_else(|| "input is not an RFC 3339 date and time".to_string()),
        other => Err(invalid_type(
            other,
            "an RFC 3339 formatted date and time string",
        )),
    }
}

/// An order status by its Open Platform code.
pub(crate) fn status(value: &Value) -> Read<OrderStatus> {
    variant(
        value,
        &OrderStatus::ALL.map(|status| (status.code(), status)),
    )
}

/// The clocks by their serde names.
pub(crate) const KINDS: [(&str, DeadlineKind); 8] = [
    ("payment", DeadlineKind::Payment),
    ("ship", DeadlineKind::Ship),
    ("cancel_response", DeadlineKind::CancelResponse),
    ("dispute_response", DeadlineKind::DisputeResponse),
    ("receipt", DeadlineKind::Receipt),
    ("supplier_ship", DeadlineKind::SupplierShip),
    ("tracking_proof", DeadlineKind::TrackingProof),
    ("refund", DeadlineKind::Refund),
];

/// The risk levels by their serde names.
pub(crate) const RISKS: [(&str, Risk); 6] = [
    ("overdue", Risk::Overdue),
    ("critical", Risk::Critical),
    ("unreadable", Risk::Unreadable),
    ("warning", Risk::Warning),
    ("ok", Risk::Ok),
    ("none", Risk::None),
];

/// The hints by their serde names.
pub(crate) const HINTS: [(&str, Hint); 6] = [
    ("refuse_with_tracking", Hint::RefuseWithTracking),
    ("past_internal_target", Hint::PastInternalTarget),
    ("double_check_ship_button", Hint::DoubleCheckShipButton),
    ("cancel_possible", Hint::CancelPossible),
    ("open_dispute", Hint::OpenDispute),
    ("settings_disagree", Hint::SettingsDisagree),
];

/// The reason codes by their serde names.
pub(crate) const REASONS: [(&str, ReasonCode); 7] = [
    ("awaiting_payment", ReasonCode::AwaitingPayment),
    ("completed", ReasonCode::Completed),
    ("frozen", ReasonCode::Frozen),
    ("clock_ended", ReasonCode::ClockEnded),
    ("status_unknown", ReasonCode::StatusUnknown),
    ("missing_time", ReasonCode::MissingTime),
    ("contradiction", ReasonCode::Contradiction),
];

/// Where a deadline came from, by serde name.
pub(crate) const SOURCES: [(&str, DeadlineSource); 3] = [
    ("page", DeadlineSource::Page),
    ("api", DeadlineSource::Api),
    ("computed", DeadlineSource::Computed),
];

/// The sides of an order, by serde name.
pub(crate) const SIDES: [(&str, Side); 2] = [("seller", Side::Seller), ("buyer", Side::Buyer)];

/// The policy's option names, in the order of its fields.
pub(crate) const POLICY_FIELDS: [&str; 18] = [
    "handlingDays",
    "dayCount",
    "shipTargetHours",
    "cancelResponseHours",
    "disputeResponseDays",
    "riskControlHours",
    "supplierShipDays",
    "trackingProofDays",
    "refundDays",
    "receiptDays",
    "criticalHours",
    "warningHours",
    "platformTimeZone",
    "sellerTimeZone",
    "weekend",
    "holidays",
    "holidayCountry",
    "extensions",
];

/// A policy: the defaults, with every field the object sets; an unknown field is an error.
pub(crate) fn policy(value: &Value) -> Read<Policy> {
    let mut policy = Policy::default();
    for (key, value) in object(value, "Policy")? {
        set_policy_field(&mut policy, key, value)?;
    }
    Ok(policy)
}

/// Sets the one field `key` of `policy` from `value`.
pub(crate) fn set_policy_field(policy: &mut Policy, key: &str, value: &Value) -> Read<()> {
    let number = |field: &mut u32| u32_value(value).map(|n| *field = n);
    match key {
        "handlingDays" => number(&mut policy.handling_days),
        "dayCount" => {
            let names = [
                ("calendar", DayCount::Calendar),
                ("working", DayCount::Working),
            ];
            variant(value, &names).map(|count| policy.day_count = count)
        }
        "shipTargetHours" => number(&mut policy.ship_target_hours),
        "cancelResponseHours" => number(&mut policy.cancel_response_hours),
        "disputeResponseDays" => number(&mut policy.dispute_response_days),
        "riskControlHours" => number(&mut policy.risk_control_hours),
        "supplierShipDays" => number(&mut policy.supplier_ship_days),
        "trackingProofDays" => number(&mut policy.tracking_proof_days),
        "refundDays" => number(&mut policy.refund_days),
        "receiptDays" => number(&mut policy.receipt_days),
        "criticalHours" => number(&mut policy.critical_hours),
        "warningHours" => number(&mut policy.warning_hours),
        "platformTimeZone" => string(value).map(|zone| policy.platform_time_zone = zone),
        "sellerTimeZone" => optional(value, string).map(|zone| policy.seller_time_zone = zone),
        "weekend" => list(value, weekday).map(|days| policy.weekend = days),
        "holidays" => list(value, date).map(|dates| policy.holidays = dates),
        "holidayCountry" => optional(value, string).map(|country| policy.holiday_country = country),
        "extensions" => list(value, extension).map(|windows| policy.extensions = windows),
        _ => Err(unknown_field(key, &POLICY_FIELDS)),
    }
}

/// A dated window of extra handling days; fields it does not have are ignored.
fn extension(value: &Value) -> Read<ExtensionWindow> {
    let fields = object(value, "ExtensionWindow")?;
    let field = |key: &str| fields.get(key).ok_or_else(|| missing_field(key));
    Ok(ExtensionWindow {
        from: date(field("from")?)?,
        to: date(field("to")?)?,
        extra_days: u32_value(field("extraDays")?)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Both readings of `value`, serde's error without its position.
    fn both(value: Value) -> (Read<Policy>, Read<Policy>) {
        let by_serde = serde_json::from_value::<Policy>(value.clone()).map_err(|e| e.to_string());
        (policy(&value), by_serde)
    }

    /// Every name table holds each variant under the name serde writes for it.
    fn names_as_serde<T: serde::Serialize>(names: &[(&str, T)]) {
        for (name, value) in names {
            assert_eq!(serde_json::to_value(value).unwrap(), json!(name));
        }
    }

    #[test]
    fn name_tables_match_serde() {
        names_as_serde(&KINDS);
        names_as_serde(&RISKS);
        names_as_serde(&HINTS);
        names_as_serde(&REASONS);
        names_as_serde(&SOURCES);
        names_as_serde(&SIDES);
        assert_eq!(HINTS.len(), 6);
        let statuses = OrderStatus::ALL.map(|status| (status.code(), status));
        names_as_serde(&statuses);
        // The policy's fields, in order.
        let policy = serde_json::to_value(Policy::default()).unwrap();
        let mut fields = POLICY_FIELDS.to_vec();
        fields.sort_unstable();
        let serde_fields: Vec<&str> = policy
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(fields, serde_fields);
    }

    #[test]
    fn policies_read_by_hand_as_serde_reads_them() {
        let cases = [
            json!({}),
            json!({"handlingDays": 5, "dayCount": "working", "weekend": ["Fri", "saturday"]}),
            json!({"holidays": ["2026-10-01"], "holidayCountry": "CN", "sellerTimeZone": null}),
            json!({"extensions": [{"from": "2026-01-01", "to": "2026-01-10", "extraDays": 3, "note": 1}]}),
            json!({"platformTimeZone": "Asia/Shanghai", "sellerTimeZone": "Europe/Madrid"}),
            json!({"criticalHours": "soon"}),
            json!({"criticalHours": -1}),
            json!({"criticalHours": 1.5}),
            json!({"criticalHours": 5_000_000_000_u64}),
            json!({"criticalHours": null}),
            json!({"criticalHours": true}),
            json!({"criticalHours": [1]}),
            json!({"criticalHours": {"a": 1}}),
            json!({"dayCount": "weekly"}),
            json!({"dayCount": 3}),
            json!({"weekend": "Sat"}),
            json!({"weekend": ["Caturday"]}),
            json!({"weekend": [6]}),
            json!({"holidays": ["2026-13-01"]}),
            json!({"holidays": [20261001]}),
            json!({"extensions": [{"from": "2026-01-01", "to": "2026-01-10"}]}),
            json!({"extensions": ["x"]}),
            json!({"platformTimeZone": 8}),
            json!({"handlingDay": 7}),
            json!("policy"),
        ];
        for case in cases {
            let (by_hand, by_serde) = both(case.clone());
            assert_eq!(by_hand, by_serde, "{case}");
        }
    }
}
