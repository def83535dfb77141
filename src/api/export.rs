//! `toCsv(result, options)`: the CSV of an `analyze` result, for a spreadsheet.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::js_error::{describe, type_error};
use super::wording;
use crate::core::export::to_csv as write_csv;
use crate::core::{parse_time_zone, AnalyzedOrder};
use crate::read::Lang;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ResultInput {
    orders: Vec<AnalyzedOrder>,
    #[serde(default)]
    seller_time_zone: Option<String>,
    #[serde(default)]
    locale: Option<String>,
}

/// The CSV of `result` (what `analyze` returned, possibly with fewer orders), in its order:
/// order id, status, deadline in UTC and in the seller's time zone, kind, risk, hint, reason.
/// `options.sellerTimeZone` and `options.locale` override the result's.
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(result: JsValue, options: JsValue) -> Result<String, JsValue> {
    let input: ResultInput = serde_wasm_bindgen::from_value(result.clone()).map_err(|e| {
        type_error(format!(
            "result: expected what analyze() returned ({{ orders: [...] }}), got {}: {e}",
            describe(&result)
        ))
    })?;
    let option = |name: &str| -> Result<Option<String>, JsValue> {
        if options.is_undefined() || options.is_null() {
            return Ok(None);
        }
        let value = js_sys::Reflect::get(&options, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value.as_string().map(Some).ok_or_else(|| {
            type_error(format!(
                "{name}: expected a string, got {}",
                describe(&value)
            ))
        })
    };
    let zone_name = option("sellerTimeZone")?
        .or(input.seller_time_zone)
        .unwrap_or_else(|| "America/Los_Angeles".to_string());
    let zone = parse_time_zone(&zone_name)
        .ok_or_else(|| type_error(format!("sellerTimeZone: unknown time zone \"{zone_name}\"")))?;
    let lang = option("locale")?
        .or(input.locale)
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En);
    Ok(write_csv(&input.orders, zone, |h| {
        wording::hint(h, lang).to_string()
    }))
}
