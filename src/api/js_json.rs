//! JS values to and from JSON data, without serde-wasm-bindgen's generic (de)serializers.
//!
//! Every input is read into a `serde_json::Value` (the readers already walk one) and every
//! result leaves as JSON text for `JSON.parse`, so the crate carries one serde data format
//! instead of two: serde-wasm-bindgen cost about 26 KB of wasm before optimisation, plus a
//! second copy of every (de)serialize impl. Inputs are read the way serde-wasm-bindgen read
//! them into a `Value`: `null`/`undefined` are null, safe integers and `BigInt`s are integers,
//! other numbers floats, plain objects and `Map`s (string keys) objects, arrays arrays.

use js_sys::{Array, Map as JsMap, Number, Object};
use serde::Serialize;
use serde_json::{Map, Number as JsonNumber, Value};
use wasm_bindgen::{JsCast, JsValue};

/// `value` as JSON data, or why it cannot be (a function, a `Set`, a `BigInt` beyond 64 bits).
pub(crate) fn to_json(value: &JsValue) -> Result<Value, String> {
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
                "Couldn't deserialize i64 or u64 from a BigInt outside i64::MIN..u64::MAX bounds"
                    .to_string()
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
    if let Some(text) = value.as_string() {
        return Ok(Value::String(text));
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        return array.iter().map(|item| to_json(&item)).collect();
    }
    if let Some(map) = value.dyn_ref::<JsMap>() {
        let mut object = Map::new();
        let mut failure = None;
        map.for_each(&mut |item, key| {
            if failure.is_some() {
                return;
            }
            match (key.as_string(), to_json(&item)) {
                (Some(key), Ok(item)) => {
                    object.insert(key, item);
                }
                (None, _) => {
                    failure = Some(
                        "invalid type: a Map key that is not a string, expected a string"
                            .to_string(),
                    )
                }
                (_, Err(error)) => failure = Some(error),
            }
        });
        return failure.map_or(Ok(Value::Object(object)), Err);
    }
    if value.is_object() && !is_iterable(value) {
        let mut object = Map::new();
        for entry in Object::entries(value.unchecked_ref()).iter() {
            let pair: Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            object.insert(key, to_json(&pair.get(1))?);
        }
        return Ok(Value::Object(object));
    }
    Err(format!(
        "invalid type: {}, expected any valid JSON value",
        kind_of(value)
    ))
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
