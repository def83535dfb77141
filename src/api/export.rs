//! `toCsv(result, options)`: the CSV of an `analyze` result, for a spreadsheet.

use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::js_error::{describe, range_error, type_error};
use super::js_json::JsonError;
use super::js_limits::{too_long, INPUT, OPTION};
use super::json_read::{
    boolean, i64_value, instant, list, missing_field, object, optional, status, string, variant,
    Read, HINTS, KINDS, REASONS, RISKS, SOURCES,
};
use super::wording;
use crate::core::export::to_csv as write_csv;
use crate::core::{parse_time_zone, shown, AnalyzedOrder};
use crate::read::Lang;

/// What `toCsv` reads of an `analyze` result.
struct ResultInput {
    orders: Vec<AnalyzedOrder>,
    seller_time_zone: Option<String>,
    locale: Option<String>,
}

/// `{ orders, sellerTimeZone, locale }`; the result's other fields are ignored.
fn result_input(value: &Value) -> Read<ResultInput> {
    let fields = object(value, "ResultInput")?;
    let orders = fields
        .get("orders")
        .ok_or_else(|| missing_field("orders"))?;
    let text = |key: &str| fields.get(key).map_or(Ok(None), |v| optional(v, string));
    Ok(ResultInput {
        orders: list(orders, analyzed_order)?,
        seller_time_zone: text("sellerTimeZone")?,
        locale: text("locale")?,
    })
}

/// One verdict as `analyze` wrote it; its words (badge, labels) are ignored.
fn analyzed_order(value: &Value) -> Read<AnalyzedOrder> {
    let fields = object(value, "AnalyzedOrder")?;
    let required = |key: &str| fields.get(key).ok_or_else(|| missing_field(key));
    let absent = Value::Null;
    let field = |key: &str| fields.get(key).unwrap_or(&absent);
    Ok(AnalyzedOrder {
        order_id: string(required("orderId")?)?.into(),
        status: optional(field("status"), status)?,
        deadline: optional(field("deadline"), instant)?,
        deadline_kind: optional(field("deadlineKind"), |v| variant(v, &KINDS))?,
        deadline_source: optional(field("deadlineSource"), |v| variant(v, &SOURCES))?,
        seconds_left: optional(field("secondsLeft"), i64_value)?,
        risk: variant(required("risk")?, &RISKS)?,
        reason: optional(field("reason"), string)?.map(Into::into),
        reason_code: optional(field("reasonCode"), |v| variant(v, &REASONS))?,
        actionable: fields.get("actionable").map_or(Ok(false), boolean)?,
        hints: list(required("hints")?, |v| variant(v, &HINTS))?.into(),
        ship_target: optional(field("shipTarget"), instant)?,
        settings_deadline: optional(field("settingsDeadline"), instant)?,
    })
}

fn not_a_result(result: &JsValue, problem: &str) -> JsValue {
    type_error(format!(
        "result: expected what analyze() returned ({{ orders: [...] }}), got {}: {problem}",
        describe(result)
    ))
}

/// The CSV of `result` (what `analyze` returned, possibly with fewer orders), in its order:
/// order id, status, deadline in UTC and in the seller's time zone, kind, risk, hint, reason.
/// `options.sellerTimeZone` and `options.locale` override the result's.
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(result: JsValue, options: JsValue) -> Result<String, JsValue> {
    let value = super::js_json::to_json(&result, INPUT).map_err(|e| match e {
        JsonError::TooBig(_) | JsonError::Thrown(_) => e.to_js("result"),
        JsonError::NotJson(message) => not_a_result(&result, &message),
    })?;
    let input = result_input(&value).map_err(|message| not_a_result(&result, &message))?;
    let option = |name: &str| -> Result<Option<String>, JsValue> {
        if options.is_undefined() || options.is_null() {
            return Ok(None);
        }
        let value = js_sys::Reflect::get(&options, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        // Measured before the copy: a name is short, the string may not be.
        if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
            if text.length() as usize > OPTION.characters {
                return Err(range_error(format!(
                    "{name}: {}",
                    too_long(OPTION.characters)
                )));
            }
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
    let zone = parse_time_zone(&zone_name).ok_or_else(|| {
        type_error(format!(
            "sellerTimeZone: unknown time zone {}",
            shown(&zone_name)
        ))
    })?;
    let lang = option("locale")?
        .or(input.locale)
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En);
    Ok(write_csv(&input.orders, zone, |h| {
        wording::hint(h, lang).to_string()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn verdicts_read_by_hand_as_serde_reads_them() {
        let full = json!({
            "orderId": "8190000000000001", "status": "WAIT_SELLER_SEND_GOODS",
            "deadline": "2026-11-21T14:00:00Z", "deadlineKind": "ship", "deadlineSource": "computed",
            "secondsLeft": -60, "risk": "overdue", "reason": null, "reasonCode": "clock_ended",
            "actionable": true, "hints": ["past_internal_target", "open_dispute"],
            "shipTarget": "2026-11-20T14:00:00Z", "badge": "Ship within 1 h", "buyer": "Ana"
        });
        let mut cases = vec![
            full.clone(),
            json!({"orderId": "1", "risk": "none", "hints": []}),
            json!({"orderId": 1, "risk": "none", "hints": []}),
            json!({"orderId": "1", "hints": []}),
            json!({"orderId": "1", "risk": "none"}),
            json!({"orderId": "1", "risk": "soon", "hints": []}),
            json!({"orderId": "1", "risk": "ok", "hints": ["call"]}),
            json!({"orderId": "1", "risk": "ok", "hints": [], "deadline": "tomorrow"}),
            json!({"orderId": "1", "risk": "ok", "hints": [], "secondsLeft": "60"}),
            json!({"orderId": "1", "risk": "ok", "hints": [], "actionable": 1}),
            json!("order"),
        ];
        for (key, bad) in [("status", json!("SHIPPED")), ("deadlineKind", json!(3))] {
            let mut order = full.clone();
            order[key] = bad;
            cases.push(order);
        }
        for case in cases {
            let by_serde =
                serde_json::from_value::<AnalyzedOrder>(case.clone()).map_err(|e| e.to_string());
            assert_eq!(analyzed_order(&case), by_serde, "{case}");
        }
        let input = result_input(&json!({"orders": [full], "locale": "es", "counts": {}})).unwrap();
        assert_eq!(input.orders.len(), 1);
        assert_eq!(input.locale.as_deref(), Some("es"));
        assert_eq!(input.seller_time_zone, None);
        assert_eq!(
            result_input(&json!({"rows": []})).err().as_deref(),
            Some("missing field `orders`")
        );
    }
}
