//! Options from JS (camelCase, as the widget documents them) into a policy, a clock reading and a locale.
//!
//! Every bad option becomes a `TypeError` naming the option and the reason, so an integrator
//! sees "criticalHours: must be less than warningHours (72), not 80" rather than a silent default.

use chrono::{DateTime, Utc};
use wasm_bindgen::{JsCast, JsValue};

use super::js_error::{describe, range_error, type_error};
use super::js_json::{entries, is_array, to_json, MaybeDate};
use super::js_limits::{too_long, OPTION};
use super::json_read::{set_policy_field, POLICY_FIELDS};
use crate::core::{bounds_of, Policy, ValidPolicy};
use crate::read::Lang;

/// The widget's own options, beside the policy's.
const WIDGET_OPTIONS: [&str; 2] = ["now", "locale"];

/// Options read and checked.
pub(crate) struct WidgetOptions {
    /// The validated settings.
    pub policy: ValidPolicy,
    /// The analysis time: `options.now`, else the browser's clock.
    pub now: DateTime<Utc>,
    /// The language of the words; English for a locale outside the eight panel languages.
    pub lang: Lang,
    /// Whether `locale` was given (a page scan otherwise follows the page's own language).
    pub locale_given: bool,
}

/// Reads `options` (an object, `undefined` or `null`); unset and `undefined` options keep their defaults.
pub(crate) fn read_options(options: &JsValue) -> Result<WidgetOptions, JsValue> {
    #[cfg(feature = "test-trap")]
    super::instance::trap_if_asked();
    let mut now = None;
    let mut lang = Lang::En;
    let mut locale_given = false;
    let mut policy = Policy::default();
    if !options.is_undefined() && !options.is_null() {
        if !options.is_object() || is_array(options)? || options.is_function() {
            return Err(type_error(format!(
                "options: expected an object such as {{ now, locale, handlingDays }}, got {}",
                describe(options)
            )));
        }
        let entries = entries(options)?;
        for entry in entries.iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = option_name(&pair.get(0));
            let value = pair.get(1);
            if value.is_undefined() || value.is_null() {
                continue;
            }
            // Measured before any copy: `now` and `locale` are read as whole strings.
            if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
                if text.length() as usize > OPTION.characters {
                    return Err(range_error(format!(
                        "{key}: {}",
                        too_long(OPTION.characters)
                    )));
                }
            }
            match key.as_str() {
                "now" => now = Some(read_now(&value)?),
                "locale" => {
                    lang = read_locale(&value)?;
                    locale_given = true;
                }
                _ if POLICY_FIELDS.contains(&key.as_str()) => {
                    let json = to_json(&value, OPTION).map_err(|e| e.to_js(&key))?;
                    set_policy_field(&mut policy, &key, &json).map_err(|e| {
                        type_error(format!("{key}: {}", plain_serde_message(&key, &e)))
                    })?;
                }
                _ => {
                    let mut all: Vec<&str> = WIDGET_OPTIONS.to_vec();
                    all.extend(POLICY_FIELDS);
                    return Err(type_error(format!(
                        "{key}: unknown option; the options are {}",
                        all.join(", ")
                    )));
                }
            }
        }
    }
    let policy = policy.validate().map_err(|errors| {
        let text: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        type_error(text.join("; "))
    })?;
    Ok(WidgetOptions {
        policy,
        now: now.unwrap_or_else(browser_now),
        lang,
        locale_given,
    })
}

/// An option's name as a message shows it: a long one (no option is) cut to its start, an
/// empty one as `""`.
fn option_name(key: &JsValue) -> String {
    let Some(key) = key.dyn_ref::<js_sys::JsString>() else {
        return String::new();
    };
    if key.length() == 0 {
        return "\"\"".into();
    }
    if key.length() <= 40 {
        return key.into();
    }
    let head: String = key.slice(0, 40).into();
    format!("{head}…")
}

/// serde's wording with Rust type names replaced by what a JS author would write, and a
/// number's range the setting's own (`handlingDays`: 1 to 90), not the type's.
fn plain_serde_message(key: &str, message: &str) -> String {
    let (min, max) = bounds_of(key).unwrap_or((0, u32::MAX));
    message
        .replace(
            "expected u32",
            &format!("expected a whole number from {min} to {max}"),
        )
        .replace("expected a sequence", "expected an array")
        .replace("integer `", "number `")
        .replace("floating point `", "number `")
        .replace("unit value", "null")
}

/// `now`: a `Date`, an ISO 8601 string with a zone (`Z` or an offset), or milliseconds since 1970.
pub(crate) fn read_now(value: &JsValue) -> Result<DateTime<Utc>, JsValue> {
    let millis = if value.dyn_ref::<js_sys::Date>().is_some() {
        value.unchecked_ref::<MaybeDate>().get_time()?
    } else if let Some(text) = value.as_string() {
        // The crate's reader of chrono's `FromStr` forms (RFC 3339 and the spellings around it).
        return crate::core::iso_time::parse_instant(text.trim())
            .map(|d| d.with_timezone(&Utc))
            .ok_or_else(|| {
                type_error(format!(
                    "now: expected an ISO 8601 date-time with a zone such as \"2026-11-20T14:33:00Z\", got {}",
                    describe(value)
                ))
            });
    } else if let Some(number) = value.as_f64() {
        number
    } else {
        return Err(type_error(format!(
            "now: expected a Date or an ISO 8601 string, got {}",
            describe(value)
        )));
    };
    if !millis.is_finite() {
        return Err(type_error("now: the Date is invalid"));
    }
    DateTime::from_timestamp_millis(millis as i64)
        // Whole milliseconds: formatting an `f64` would bring float printing into the wasm.
        .ok_or_else(|| type_error(format!("now: {} is out of range", millis as i64)))
}

fn read_locale(value: &JsValue) -> Result<Lang, JsValue> {
    match value.as_string() {
        // A tag outside the eight panel languages is valid BCP 47, so it falls back rather than throws.
        Some(tag) => Ok(Lang::from_tag(&tag).unwrap_or(Lang::En)),
        None => Err(type_error(format!(
            "locale: expected a language tag such as \"es-ES\", got {}",
            describe(value)
        ))),
    }
}

/// The browser's clock, read only when the caller did not pass `now`.
fn browser_now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}
