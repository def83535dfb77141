//! The errors the JS API throws: a `TypeError` whose message names what was wrong, as DOM APIs do.

use wasm_bindgen::{JsCast, JsValue};

use crate::read::json_text::quoted;

/// A JS `TypeError` with `message`.
pub(crate) fn type_error(message: impl AsRef<str>) -> JsValue {
    js_sys::TypeError::new(message.as_ref()).into()
}

/// `{"error": message}` as JSON text: how the string-returning exports report a failure.
pub(crate) fn error_json(message: impl std::fmt::Display) -> String {
    format!("{{\"error\":{}}}", quoted(&message.to_string()))
}

/// How a JS value reads in an error message: its type, and the value itself when short.
pub(crate) fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        return "undefined".into();
    }
    if value.is_null() {
        return "null".into();
    }
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        // Only the start crosses into the wasm: the string may be megabytes long.
        let head: String = text.slice(0, 41).into();
        let short: String = head.chars().take(40).collect();
        let cut = if short.len() < head.len() || text.length() > 41 {
            "…"
        } else {
            ""
        };
        return format!("the string \"{short}{cut}\"");
    }
    if value.as_f64().is_some() {
        // JavaScript's own spelling (`42`, `1.5`, `Infinity`): Rust's would bring float printing into the wasm.
        let text = js_sys::Number::unchecked_from_js_ref(value).to_string_with_radix(10);
        return format!("the number {}", text.map(String::from).unwrap_or_default());
    }
    if let Some(flag) = value.as_bool() {
        return format!("{flag}");
    }
    if super::js_json::is_array(value).unwrap_or(false) {
        return "an array".into();
    }
    if value.is_function() {
        return "a function".into();
    }
    "an object".into()
}

/// A JS `RangeError` with `message`: a value past one of the engine's limits.
pub(crate) fn range_error(message: impl AsRef<str>) -> JsValue {
    js_sys::RangeError::new(message.as_ref()).into()
}
