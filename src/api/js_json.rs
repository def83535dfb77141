//! JS values to and from JSON data, without serde-wasm-bindgen's generic (de)serializers.
//!
//! Every input is read into a `serde_json::Value` (the readers already walk one) and every
//! result leaves as JSON text for `JSON.parse`, so the crate carries one serde data format
//! instead of two: serde-wasm-bindgen cost about 26 KB of wasm before optimisation, plus a
//! second copy of every (de)serialize impl; measured again in session 5 (BENCHMARKS.md), its
//! `to_value` for the results alone made the build 7.6 KB gzip bigger. Inputs are read the way
//! serde-wasm-bindgen read them into a `Value`: `null`/`undefined` are null, safe integers and
//! `BigInt`s are integers, other numbers floats, plain objects and `Map`s (string keys) objects,
//! arrays arrays; within the `Limits` of `js_limits`, or a `RangeError` saying which one was
//! passed.

use js_sys::{Array, JsString, Map as JsMap, Number, Reflect};
use serde::Serialize;
use serde_json::{Map, Number as JsonNumber, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::js_error::{range_error, type_error};
use super::js_limits::{Budget, Limits};

/// Why a JS value could not be read as JSON data.
#[derive(Debug)]
pub(crate) enum JsonError {
    /// It is not JSON (a function, a symbol, a `BigInt` beyond 64 bits): a `TypeError`.
    NotJson(String),
    /// It is deeper or bigger than `Limits` allow: a `RangeError`.
    TooBig(String),
    /// Reading it threw (a getter, a `Proxy`): that exception, passed on unchanged.
    Thrown(JsValue),
}

impl JsonError {
    /// The error to throw, its message prefixed with what was read (`input`, `holidays`…).
    pub(crate) fn to_js(&self, what: &str) -> JsValue {
        match self {
            JsonError::NotJson(message) => type_error(format!("{what}: {message}")),
            JsonError::TooBig(message) => range_error(format!("{what}: {message}")),
            JsonError::Thrown(exception) => exception.clone(),
        }
    }
}

/// `value` as JSON data within `limits`, or why it cannot be. The depth is checked before each
/// step down, so no value, however deep or cyclic, can overflow the stack here.
pub(crate) fn to_json(value: &JsValue, limits: Limits) -> Result<Value, JsonError> {
    to_json_at(value, 0, &mut Budget::new(limits))
}

fn to_json_at(value: &JsValue, depth: usize, budget: &mut Budget) -> Result<Value, JsonError> {
    budget.value_at(depth).map_err(JsonError::TooBig)?;
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if value.is_bigint() {
        return match i64::try_from(value.clone()) {
            Ok(number) => Ok(Value::from(number)),
            Err(value) => u64::try_from(value).map(Value::from).map_err(|_| {
                JsonError::NotJson(
                    "Couldn't deserialize i64 or u64 from a BigInt outside i64::MIN..u64::MAX bounds"
                        .to_string(),
                )
            }),
        };
    }
    if let Some(number) = value.as_f64() {
        return Ok(if Number::is_safe_integer(value) {
            Value::from(number as i64)
        } else {
            JsonNumber::from_f64(number).map_or(Value::Null, Value::Number)
        });
    }
    if let Some(text) = value.dyn_ref::<JsString>() {
        budget
            .characters(text.length() as usize)
            .map_err(JsonError::TooBig)?;
        return Ok(Value::String(text.into()));
    }
    if is_array(value).map_err(JsonError::Thrown)? {
        // Counted before the walk: a sparse `new Array(1e9)` has a billion holes to visit.
        let length = Reflect::get(value, &"length".into())
            .map_err(JsonError::Thrown)?
            .as_f64()
            .unwrap_or(0.0) as usize;
        budget.room_for(length).map_err(JsonError::TooBig)?;
        let mut items = Vec::new();
        for index in 0..length {
            let item = Reflect::get_u32(value, index as u32).map_err(JsonError::Thrown)?;
            items.push(to_json_at(&item, depth + 1, budget)?);
        }
        return Ok(Value::Array(items));
    }
    let pairs = if value.dyn_ref::<JsMap>().is_some() {
        map_entries(value)
    } else if value.is_object() && !is_iterable(value) {
        entries(value)
    } else {
        return Err(JsonError::NotJson(format!(
            "invalid type: {}, expected any valid JSON value",
            kind_of(value)
        )));
    };
    let pairs = pairs.map_err(JsonError::Thrown)?;
    budget
        .room_for(pairs.length() as usize)
        .map_err(JsonError::TooBig)?;
    let mut object = Map::new();
    for pair in pairs.iter() {
        let pair: Array = pair.unchecked_into();
        let key = pair.get(0);
        let Some(key) = key.dyn_ref::<JsString>() else {
            return Err(JsonError::NotJson(
                "invalid type: a Map key that is not a string, expected a string".to_string(),
            ));
        };
        budget
            .characters(key.length() as usize)
            .map_err(JsonError::TooBig)?;
        object.insert(key.into(), to_json_at(&pair.get(1), depth + 1, budget)?);
    }
    Ok(Value::Object(object))
}

// Every step into a JS value that may run the page's code (a getter, a `Proxy` trap) is caught
// here: an exception thrown through wasm frames would leave the instance's stack pointer behind.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    pub(crate) fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    pub(crate) fn entries(value: &JsValue) -> Result<Array, JsValue>;
    /// A value that may be a `Date` (or a `Proxy` of one).
    pub(crate) type MaybeDate;
    #[wasm_bindgen(method, js_name = getTime, catch)]
    pub(crate) fn get_time(this: &MaybeDate) -> Result<f64, JsValue>;
    /// `[key, value]` pairs of a `Map`, by its iterator.
    #[wasm_bindgen(js_namespace = Array, js_name = from, catch)]
    fn map_entries(value: &JsValue) -> Result<Array, JsValue>;
}

/// A plain JS object (no `Map`s, `null` for missing values) holding `value`, as JSON would give.
pub(crate) fn to_js(value: &impl Serialize) -> Result<JsValue, String> {
    let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
    js_sys::JSON::parse(&text).map_err(|_| "the result is not JSON".to_string())
}

fn is_iterable(value: &JsValue) -> bool {
    js_sys::Reflect::has(value, &js_sys::Symbol::iterator()).unwrap_or(false)
}

fn kind_of(value: &JsValue) -> &'static str {
    if value.is_function() {
        "a function"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_object() {
        "an iterable object that is not an array"
    } else {
        "a value that is not JSON"
    }
}
