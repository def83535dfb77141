//! Lenient access to Open Platform JSON values: either field-name case, numbers written as
//! strings, and the platform's wall-clock timestamps.
//!
//! The HTTP API answers in snake_case with most numbers quoted; the Java SDK serializes its
//! beans in camelCase with real numbers; exports from document stores wrap 64-bit numbers as
//! `{"$numberLong": "…"}`. All of them are the same data, so every accessor accepts all of them.

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use serde_json::{Map, Value};

use super::json_text::json_text;

/// A JSON object.
pub(crate) type Object = Map<String, Value>;

/// `gmt_pay_time` → `gmtPayTime`, the Java SDK's spelling of a snake_case field.
pub(crate) fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper_next = false;
    for ch in snake.chars() {
        if ch == '_' {
            upper_next = true;
        } else if upper_next {
            // Only our own ASCII field names come here: no Unicode case table needed.
            out.push(ch.to_ascii_uppercase());
            upper_next = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// The value of a field under its snake_case or camelCase name, with the key actually used
/// (so an error can name the field as the source spelled it). `null` and blank strings count
/// as absent: the API sends `""` for fields that do not apply.
pub(crate) fn field<'a>(object: &'a Object, snake: &str) -> Option<(&'a str, &'a Value)> {
    let camel = camel_case(snake);
    let found = [snake, camel.as_str()].into_iter().find_map(|name| {
        let (key, value) = object.get_key_value(name)?;
        present(value).map(|value| (key.as_str(), value))
    });
    found
}

/// The first of several alternative fields (`order_id` or `id`, …) that is present.
pub(crate) fn first_field<'a>(object: &'a Object, names: &[&str]) -> Option<(&'a str, &'a Value)> {
    names.iter().find_map(|name| field(object, name))
}

/// `None` for `null`, a blank string, or a `$numberLong` wrapper around either.
fn present(value: &Value) -> Option<&Value> {
    match value {
        Value::Null => None,
        Value::String(text) if text.trim().is_empty() => None,
        Value::Object(object) => match object.get("$numberLong") {
            Some(inner) if object.len() == 1 => present(inner),
            _ => Some(value),
        },
        _ => Some(value),
    }
}

/// The text to show a person for a value: a string as it is, anything else as JSON.
pub(crate) fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => json_text(other),
    }
}

/// Larger integers do not survive a trip through a JavaScript number (2^53).
const MAX_EXACT_FLOAT_INT: f64 = 9_007_199_254_740_992.0;

/// An integer written as a JSON number, a numeric string (`"27"`, `" -5 "`, `"3.0"`) or a
/// `$numberLong` wrapper. Fractions, floats beyond 2^53 and anything else are `None`.
pub(crate) fn integer(value: &Value) -> Option<i64> {
    match value {
        Value::Number(number) => number
            .as_i64()
            .or_else(|| number.as_f64().and_then(exact_float_int)),
        Value::String(text) => {
            let text = text.trim();
            let text = text.strip_prefix('+').unwrap_or(text);
            text.parse::<i64>().ok().or_else(|| decimal_integer(text))
        }
        Value::Object(object) if object.len() == 1 => object.get("$numberLong").and_then(integer),
        _ => None,
    }
}

/// A decimal number (`3.0`, `-1.50e2`, `5.`) that is a whole number within 2^53, read exactly.
///
/// Hand-read rather than `str::parse::<f64>`: the float parser brings a 10 KB table of powers
/// of five into the wasm, for the rare numeric string with a fraction or an exponent.
fn decimal_integer(text: &str) -> Option<i64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, "0"),
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    // Far beyond any whole number within 2^53 either way; clamped so the arithmetic cannot overflow.
    let exponent = exponent.parse::<i64>().ok()?.clamp(-1 << 40, 1 << 40);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    // The significant digits and the power of ten they are scaled by.
    let digits = format!("{whole}{fraction}");
    let digits = digits.trim_start_matches('0');
    let digits_trimmed = digits.trim_end_matches('0');
    let scale = exponent - fraction.len() as i64 + (digits.len() - digits_trimmed.len()) as i64;
    if digits_trimmed.is_empty() {
        return Some(0);
    }
    if scale < 0 || digits_trimmed.len() as i64 + scale > 16 {
        return None;
    }
    let mut value: i64 = digits_trimmed.parse().ok()?;
    for _ in 0..scale {
        value *= 10;
    }
    (value <= 1 << 53).then_some(if negative { -value } else { value })
}

fn exact_float_int(float: f64) -> Option<i64> {
    (float.is_finite() && float.fract() == 0.0 && float.abs() <= MAX_EXACT_FLOAT_INT)
        .then_some(float as i64)
}

/// An order id: a run of digits, given as a string, an exact number or a `$numberLong`.
///
/// A float beyond 2^53 has already lost its last digits (a JavaScript caller that parsed the
/// response with `JSON.parse`), so it is refused rather than turned into someone else's order.
pub(crate) fn order_id(value: &Value) -> Result<String, &'static str> {
    match value {
        Value::Number(number) => {
            if let Some(id) = number.as_u64() {
                Ok(id.to_string())
            } else if number.as_i64().is_some() {
                Err("is negative: an order id is a run of digits")
            } else {
                match number.as_f64().and_then(exact_float_int) {
                    Some(id) if id >= 0 => Ok(id.to_string()),
                    _ => Err("is not an exact whole number: send long ids as strings"),
                }
            }
        }
        Value::String(text) => {
            let digits: String = text.chars().filter(|ch| !ch.is_whitespace()).collect();
            if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
                Err("is not an order id (digits only)")
            } else if digits.len() > 30 {
                Err("is too long for an order id")
            } else {
                Ok(digits)
            }
        }
        Value::Object(object) if object.len() == 1 && object.contains_key("$numberLong") => {
            order_id(&object["$numberLong"])
        }
        _ => Err("is not an order id (digits only)"),
    }
}

/// Wall-clock formats the API and its SDKs print; the zone is the platform's.
const WALL_CLOCK_FORMATS: [&str; 7] = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y%m%d%H%M%S",
    // Gson's default rendering of a java.util.Date.
    "%b %d, %Y %I:%M:%S %p",
];

/// Epoch values below this are seconds, above it milliseconds (1e11 s is the year 5138).
const EPOCH_MILLIS_FROM: i64 = 100_000_000_000;

/// An API timestamp as an instant: a wall-clock string in `zone` (the API's Pacific time),
/// an RFC 3339 string with its own offset, or an epoch number (seconds or milliseconds).
pub(crate) fn timestamp(value: &Value, zone: Tz) -> Option<DateTime<Utc>> {
    match value {
        Value::Number(_) => integer(value).and_then(epoch),
        Value::String(text) => {
            let text = text.trim();
            if text.len() >= 10
                && text.bytes().all(|byte| byte.is_ascii_digit())
                && text.len() != 14
            {
                return text.parse::<i64>().ok().and_then(epoch);
            }
            // The crate's own reader of chrono's `FromStr` forms, a superset of RFC 3339:
            // chrono's `parse_from_rfc3339` would be a second date parser in the wasm.
            if let Some(instant) = crate::core::iso_time::parse_instant(text) {
                return Some(instant.with_timezone(&Utc));
            }
            WALL_CLOCK_FORMATS.iter().find_map(|format| {
                // As chrono's `NaiveDateTime::parse_from_str`, without its strftime engine.
                crate::core::iso_time::parse_naive(text, format)
                    .and_then(|wall| wall_clock(wall, zone))
            })
        }
        Value::Object(_) => integer(value).and_then(epoch),
        _ => None,
    }
}

fn epoch(number: i64) -> Option<DateTime<Utc>> {
    if number.abs() >= EPOCH_MILLIS_FROM {
        DateTime::from_timestamp_millis(number)
    } else {
        DateTime::from_timestamp(number, 0)
    }
}

/// A wall-clock time in `zone` as an instant. In the autumn overlap the earlier instant is
/// taken (a deadline read early warns early); a time in the spring gap does not exist on the
/// clock, so it is read as the same distance past the jump.
pub(crate) fn wall_clock(wall: NaiveDateTime, zone: Tz) -> Option<DateTime<Utc>> {
    match zone.from_local_datetime(&wall) {
        LocalResult::Single(instant) => Some(instant.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, _) => Some(earlier.with_timezone(&Utc)),
        LocalResult::None => {
            let later = wall.checked_add_signed(TimeDelta::hours(1))?;
            zone.from_local_datetime(&later)
                .earliest()
                .map(|instant| instant.with_timezone(&Utc))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn camel_case_follows_the_java_sdk() {
        assert_eq!(camel_case("gmt_pay_time"), "gmtPayTime");
        assert_eq!(camel_case("left_send_good_min"), "leftSendGoodMin");
        assert_eq!(camel_case("id"), "id");
    }

    #[test]
    fn rfc_3339_times_read_as_chrono_reads_them() {
        for text in [
            "2026-11-20T14:33:00Z",
            "2026-11-20t14:33:00z",
            "2026-11-20 14:33:00Z",
            "2026-11-20T14:33:00.5+08:00",
            "2026-11-20T14:33:00.123456789-05:30",
            "2026-11-20T23:59:60Z",
            "2026-02-29T10:00:00Z",
            "2026-11-20T14:33:00",
            "2026-11-20T14:33Z",
            "20261120T143300Z",
            "2026-11-20T14:33:00+08",
            "",
        ] {
            // Wherever chrono's RFC 3339 reader answers, the crate's gives the same instant.
            if let Ok(chrono) = DateTime::parse_from_rfc3339(text) {
                assert_eq!(
                    crate::core::iso_time::parse_instant(text),
                    Some(chrono),
                    "{text}"
                );
            }
        }
        // Without a zone an API time is a wall-clock time in the platform's zone, as before.
        assert_eq!(
            timestamp(&json!("2026-11-20T14:33:00"), chrono_tz::UTC),
            Some(Utc.with_ymd_and_hms(2026, 11, 20, 14, 33, 0).unwrap())
        );
    }

    #[test]
    fn integers_come_as_numbers_strings_or_wrappers() {
        assert_eq!(integer(&json!(120340569)), Some(120340569));
        assert_eq!(integer(&json!("-3600000")), Some(-3600000));
        assert_eq!(integer(&json!(" 27 ")), Some(27));
        assert_eq!(integer(&json!("3.0")), Some(3));
        assert_eq!(integer(&json!("-1.50e2")), Some(-150));
        assert_eq!(integer(&json!("5.")), Some(5));
        assert_eq!(integer(&json!("0.000")), Some(0));
        assert_eq!(integer(&json!("1e3")), Some(1000));
        assert_eq!(
            integer(&json!("9007199254740992.0")),
            Some(9_007_199_254_740_992)
        );
        assert_eq!(integer(&json!("9007199254740993.0")), None);
        assert_eq!(integer(&json!("2.5")), None);
        assert_eq!(integer(&json!("1e999")), None);
        assert_eq!(integer(&json!("1e-999")), None);
        assert_eq!(integer(&json!(".")), None);
        assert_eq!(integer(&json!("1.2.3")), None);
        assert_eq!(integer(&json!("inf")), None);
        assert_eq!(
            integer(&json!({"$numberLong": "5937329001"})),
            Some(5937329001)
        );
        assert_eq!(integer(&json!("3.5")), None);
        assert_eq!(integer(&json!("three")), None);
        assert_eq!(integer(&json!(true)), None);
        assert_eq!(integer(&json!(1e300)), None);
    }

    #[test]
    fn order_ids_keep_every_digit_or_are_refused() {
        assert_eq!(
            order_id(&json!(1160045860056286_u64)).as_deref(),
            Ok("1160045860056286")
        );
        assert_eq!(
            order_id(&json!("8190 3354 1234 5678")).as_deref(),
            Ok("8190335412345678")
        );
        assert!(order_id(&json!(8.190335412345679e18)).is_err());
        assert!(order_id(&json!(-5)).is_err());
        assert!(order_id(&json!("81903354x")).is_err());
        assert!(order_id(&json!([1])).is_err());
    }

    #[test]
    fn pacific_wall_clock_follows_daylight_saving() {
        let la = chrono_tz::America::Los_Angeles;
        let summer = timestamp(&json!("2026-07-01 10:00:00"), la).unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-07-01T17:00:00+00:00");
        let winter = timestamp(&json!("2026-11-20 10:00:00"), la).unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-11-20T18:00:00+00:00");
        // 01:30 happens twice on 2026-11-01: the earlier (PDT) instant is taken.
        let overlap = timestamp(&json!("2026-11-01 01:30:00"), la).unwrap();
        assert_eq!(overlap.to_rfc3339(), "2026-11-01T08:30:00+00:00");
        // 02:30 does not exist on 2026-03-08: read as 03:30 PDT.
        let gap = timestamp(&json!("2026-03-08 02:30:00"), la).unwrap();
        assert_eq!(gap.to_rfc3339(), "2026-03-08T10:30:00+00:00");
    }

    #[test]
    fn other_timestamp_spellings() {
        let la = chrono_tz::America::Los_Angeles;
        let with_offset = timestamp(&json!("2026-11-20T10:00:00+08:00"), la).unwrap();
        assert_eq!(with_offset.to_rfc3339(), "2026-11-20T02:00:00+00:00");
        let millis = timestamp(&json!(1_795_000_000_000_i64), la).unwrap();
        assert_eq!(millis.timestamp(), 1_795_000_000);
        let gson = timestamp(&json!("Nov 20, 2026 10:00:00 AM"), la).unwrap();
        assert_eq!(gson.to_rfc3339(), "2026-11-20T18:00:00+00:00");
        assert_eq!(timestamp(&json!("2026-02-31 10:00:00"), la), None);
        assert_eq!(timestamp(&json!("yesterday"), la), None);
    }
}
