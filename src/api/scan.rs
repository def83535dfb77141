//! Page scanning for the extension and `scan()` of the widget: snapshot lines in, annotation
//! patches out.
//!
//! The snapshot crosses as one string of lines and the answer as one JSON string: a 1,000-order
//! snapshot is tens of thousands of elements, and one string is far cheaper than one boundary
//! crossing per field. Nothing here throws into the page: every failure comes back as `{"error": …}`.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::js_limits::{within_bytes, SETTINGS_BYTES, SNAPSHOT_BYTES};
use super::json_read::{self, Read};
use crate::core::{Policy, PolicyError, ValidPolicy};
use crate::read::json_parse::parse_json;
use crate::read::Lang;
use crate::scan::{self, ScanSetup, Snapshot};

/// What the caller may set besides the snapshot.
#[derive(Debug, Default)]
pub(super) struct ScanOptions {
    /// The seller's settings; the defaults when absent.
    pub policy: Option<Policy>,
    /// Force a language instead of the page's.
    pub lang: Option<String>,
}

/// `{ policy, lang }` from JSON text; other fields are ignored. The policy is the extension's
/// stored settings: one stored by an older version may carry a field this version dropped, which
/// is ignored, so one leftover never stops the scans. (The widget, which takes options from code,
/// still refuses unknown fields: there they are typos.)
pub(super) fn scan_options(json: &str) -> Read<ScanOptions> {
    let value = parse_json(json).map_err(|e| e.to_string())?;
    let mut options = ScanOptions::default();
    for (key, value) in json_read::object(&value, "ScanOptions")? {
        match key.as_str() {
            "policy" => options.policy = json_read::optional(value, stored_policy)?,
            "lang" => options.lang = json_read::optional(value, json_read::string)?,
            _ => {}
        }
    }
    Ok(options)
}

/// A stored policy: every field this version knows, the others ignored.
fn stored_policy(value: &Value) -> Read<Policy> {
    let mut policy = Policy::default();
    for (key, value) in json_read::object(value, "Policy")? {
        if json_read::POLICY_FIELDS.contains(&key.as_str()) {
            json_read::set_policy_field(&mut policy, key, value)
                .map_err(|e| format!("policy: {e}"))?;
        }
    }
    Ok(policy)
}

pub(super) use super::js_error::error_json;

pub(super) fn policy_errors_json(errors: &[PolicyError]) -> String {
    // Written by hand: `json!` with a value inside unwraps serde's result, whose `Debug` (and
    // core's escaping tables with it) would stay in the wasm for a panic that cannot happen.
    let list = serde_json::to_string(errors).unwrap_or_else(|_| "[]".into());
    format!("{{\"error\":\"invalid settings\",\"policyErrors\":{list}}}")
}

pub(super) fn instant(now_ms: f64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(now_ms as i64)
}

/// The decision for a snapshot given as lines (see `scan::lines`) at `nowMs`. With `rows`,
/// the root's children are the rows that changed, after the context nodes an earlier scan named.
/// JSON `ScanResult` or `{"error"}`.
#[wasm_bindgen(js_name = scanLines)]
pub fn scan_lines(
    lang: &str,
    url: &str,
    lines: &str,
    options_json: &str,
    now_ms: f64,
    rows: bool,
) -> String {
    #[cfg(feature = "test-trap")]
    super::instance::trap_if_asked();
    if let Err(e) = within_bytes("lines", lines, SNAPSHOT_BYTES) {
        return error_json(e);
    }
    let mut snapshot = Snapshot {
        lang: lang.to_string(),
        url: url.to_string(),
        nodes: Vec::new(),
    };
    if let Err(e) = scan::lines::parse_into(lines, &mut snapshot.nodes) {
        return error_json(format!("bad snapshot: {e}"));
    }
    let Some(now) = instant(now_ms) else {
        return error_json("bad time");
    };
    let (valid, lang_override) = match valid_settings(options_json) {
        Ok(settings) => settings,
        Err(json) => return json,
    };
    let setup = ScanSetup::with_valid(valid, lang, url, lang_override.as_deref(), now);
    serde_json::to_string(&scan::scan_prepared(&snapshot, &setup, rows)).unwrap_or_else(error_json)
}

/// The validated policy and the language override of scan options (JSON), or the error JSON.
/// A page sends the same options with every batch of changed rows: the last answer is kept, since
/// validating builds the holiday calendars.
pub(super) fn valid_settings(
    options_json: &str,
) -> Result<(Rc<ValidPolicy>, Option<String>), String> {
    type Last = Option<(String, Rc<ValidPolicy>, Option<String>)>;
    thread_local! {
        static LAST: RefCell<Last> = const { RefCell::new(None) };
    }
    if let Some(hit) = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(json, _, _)| json == options_json)
            .map(|(_, valid, lang)| (valid.clone(), lang.clone()))
    }) {
        return Ok(hit);
    }
    within_bytes("options", options_json, SETTINGS_BYTES).map_err(error_json)?;
    let options =
        scan_options(options_json).map_err(|e| error_json(format!("bad options: {e}")))?;
    let policy = options.policy.unwrap_or_default();
    let valid = Rc::new(policy.validate().map_err(|e| policy_errors_json(&e))?);
    LAST.with(|last| {
        *last.borrow_mut() = Some((
            options_json.to_string(),
            valid.clone(),
            options.lang.clone(),
        ))
    });
    Ok((valid, options.lang))
}

/// The errors of a policy (JSON), as a JSON list of `{field, message}`; `[]` when valid.
#[wasm_bindgen(js_name = validatePolicy)]
pub fn validate_policy(policy_json: &str) -> String {
    let policy = within_bytes("policy", policy_json, SETTINGS_BYTES)
        .and_then(|()| parse_json(policy_json).map_err(|e| e.to_string()))
        .and_then(|value| json_read::policy(&value));
    let errors = match policy {
        Ok(policy) => policy.validate().err().unwrap_or_default(),
        Err(message) => vec![PolicyError {
            field: String::new(),
            message,
        }],
    };
    serde_json::to_string(&errors).unwrap_or_else(error_json)
}

/// The default policy, as JSON.
#[wasm_bindgen(js_name = defaultPolicy)]
pub fn default_policy() -> String {
    serde_json::to_string(&Policy::default()).unwrap_or_else(error_json)
}

/// A notification's sentence: "Ship within 1 h" for a clock (`ship`, …), seconds left and a language.
#[wasm_bindgen(js_name = describeDeadline)]
pub fn describe_deadline(kind: &str, seconds_left: f64, lang: &str) -> String {
    let lang = Lang::from_tag(lang).unwrap_or_default();
    match json_read::KINDS.iter().find(|(name, _)| *name == kind) {
        Some(&(_, kind)) => crate::present::within(kind, seconds_left as i64, lang),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy_of(json: &str) -> Read<Policy> {
        scan_options(json).map(|o| o.policy.unwrap_or_default())
    }

    #[test]
    fn a_snapshot_or_options_past_their_size_are_refused_by_name() {
        let huge = "x".repeat(SNAPSHOT_BYTES + 1);
        let answer = scan_lines("en", "https://x", &huge, "{}", 0.0, false);
        assert_eq!(
            answer,
            r#"{"error":"lines: holds more than 67,108,864 bytes of text"}"#
        );
        let options = format!("{{\"lang\": \"{}\"}}", "x".repeat(SETTINGS_BYTES));
        let answer = scan_lines("en", "https://x", "", &options, 0.0, false);
        assert!(
            answer.contains("options: holds more than 1,048,576 bytes"),
            "{answer}"
        );
        let answer = validate_policy(&" ".repeat(SETTINGS_BYTES + 1));
        assert!(
            answer.contains("policy: holds more than 1,048,576 bytes"),
            "{answer}"
        );
    }

    #[test]
    fn a_stored_policy_keeps_what_this_version_knows_and_ignores_a_dropped_field() {
        let policy = policy_of(r#"{"policy":{"handlingDays":3,"shipTargetDays":2}}"#).unwrap();
        assert_eq!(policy.handling_days, 3);
        assert_eq!(
            policy.ship_target_hours,
            Policy::default().ship_target_hours
        );
    }

    #[test]
    fn a_stored_policy_with_a_bad_value_is_still_an_error() {
        let error = policy_of(r#"{"policy":{"handlingDays":"three"}}"#).unwrap_err();
        assert!(error.starts_with("policy:"), "{error}");
        assert!(policy_of(r#"{"policy":7}"#).is_err());
        assert_eq!(policy_of("{}").unwrap(), Policy::default());
    }

    #[test]
    fn settings_are_validated_once_per_distinct_options() {
        let (a, _) = valid_settings(r#"{"policy":{"handlingDays":3}}"#).unwrap();
        let (b, _) = valid_settings(r#"{"policy":{"handlingDays":3}}"#).unwrap();
        assert!(Rc::ptr_eq(&a, &b));
        let (c, lang) = valid_settings(r#"{"policy":{"handlingDays":4},"lang":"de"}"#).unwrap();
        assert!(!Rc::ptr_eq(&a, &c));
        assert_eq!(lang.as_deref(), Some("de"));
        let error = valid_settings(r#"{"policy":{"handlingDays":0}}"#).unwrap_err();
        assert!(error.contains("policyErrors"), "{error}");
    }
}
