//! JSON data as text, for results and messages, without serde_json's serializer for `Value`.
//!
//! serde_json prints a float `Number` with its own shortest-float printer, whose tables and code
//! cost about 12 KB of the gzipped wasm (BENCHMARKS.md, "Size, session 5"); every `Value` that
//! leaves as text goes through here instead, and a float is printed by JavaScript in the wasm
//! (`Number.prototype.toString`, also the shortest form that reads back the same).

use serde_json::{Number, Value};

/// `value` as compact JSON text, as `serde_json::to_string` writes it (floats aside: JavaScript
/// writes `1e+21` where serde_json writes `1e21`, both the same number to any JSON reader).
pub fn json_text(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

/// A JSON number as written in JSON text: integers exactly, floats in their shortest form.
pub fn number_text(number: &Number) -> String {
    if let Some(integer) = number.as_i64() {
        return integer.to_string();
    }
    if let Some(integer) = number.as_u64() {
        return integer.to_string();
    }
    float_text(number.as_f64().unwrap_or(0.0))
}

/// `text` as a JSON string literal, quotes included.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_string(text, &mut out);
    out
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => out.push_str(&number_text(number)),
        Value::String(text) => write_string(text, out),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (index, (key, item)) in fields.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_value(item, out);
            }
            out.push('}');
        }
    }
}

fn write_string(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A whole float keeps its `.0`, as serde_json writes it: a JS number past 2^53 has lost digits,
/// and its text must not read as an order id (`9007199254740994` may be someone else's order).
#[cfg(target_arch = "wasm32")]
fn float_text(float: f64) -> String {
    let mut text: String = js_sys::Number::from(float)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default();
    if text.bytes().all(|b| b == b'-' || b.is_ascii_digit()) {
        text.push_str(".0");
    }
    text
}

// Natively the size does not matter: Rust's own printer (`Debug` switches to exponents for very
// large and small numbers, as JSON readers expect).
#[cfg(not(target_arch = "wasm32"))]
fn float_text(float: f64) -> String {
    format!("{float:?}")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// Any JSON value, floats included (for the readers' tests too).
    pub(crate) fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e6_f64..1e6).prop_map(Value::from),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn writes_what_serde_json_writes(value in json_value()) {
            prop_assert_eq!(json_text(&value), serde_json::to_string(&value).unwrap());
        }
    }

    #[test]
    fn control_characters_and_quotes_are_escaped() {
        let text = "a\"b\\c\n\u{1}\u{1f}\u{7f}é";
        assert_eq!(quoted(text), serde_json::to_string(text).unwrap());
        assert_eq!(quoted(text), "\"a\\\"b\\\\c\\n\\u0001\\u001f\u{7f}é\"");
    }

    #[test]
    fn numbers_are_written_exactly() {
        let big = json!(18_446_744_073_709_551_615_u64);
        assert_eq!(json_text(&big), "18446744073709551615");
        assert_eq!(json_text(&json!(-5)), "-5");
        assert_eq!(json_text(&json!(1.5)), "1.5");
        // A float past 2^53 never reads as a run of digits (an order id).
        assert_eq!(
            json_text(&json!(9_007_199_254_740_994.0)),
            "9007199254740994.0"
        );
    }
}
