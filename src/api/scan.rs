//! Page scanning for the extension and `scan()` of the widget: snapshot lines in, annotation patches out.
//!
//! The snapshot crosses as one string of lines and the answer as one JSON string: a 1,000-order
//! snapshot is tens of thousands of elements, and one string is far cheaper than one boundary
//! crossing per field. Nothing here throws into the page: every failure comes back as `{"error": …}`.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::core::{DeadlineKind, Policy, PolicyError, ValidPolicy};
use crate::read::page::{self, ScanSetup, Snapshot};
use crate::read::Lang;

/// What the caller may set besides the snapshot.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct ScanOptions {
    /// The seller's settings as stored; the defaults when absent (see `ScanOptions::policy`).
    #[serde(rename = "policy")]
    pub stored_policy: Option<serde_json::Value>,
    /// Force a language instead of the page's.
    pub lang: Option<String>,
}

impl ScanOptions {
    /// The policy the settings hold. Settings stored by an older version may carry a field this
    /// version dropped: it is ignored, and every field this version knows is used, so one leftover
    /// never stops the scans. (The widget, which takes options from code, still refuses unknown
    /// fields: there they are typos.)
    pub fn policy(&self) -> Result<Policy, String> {
        let Some(serde_json::Value::Object(stored)) = &self.stored_policy else {
            return match &self.stored_policy {
                None | Some(serde_json::Value::Null) => Ok(Policy::default()),
                Some(_) => Err("bad options: policy is not an object".into()),
            };
        };
        let known = match serde_json::to_value(Policy::default()) {
            Ok(serde_json::Value::Object(fields)) => fields,
            _ => return Err("bad options: no default policy".into()),
        };
        let current: serde_json::Map<String, serde_json::Value> = stored
            .iter()
            .filter(|(name, _)| known.contains_key(name.as_str()))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        serde_json::from_value(serde_json::Value::Object(current))
            .map_err(|e| format!("bad options: policy: {e}"))
    }
}

pub(super) fn error_json(message: impl std::fmt::Display) -> String {
    serde_json::json!({ "error": message.to_string() }).to_string()
}

pub(super) fn policy_errors_json(errors: &[PolicyError]) -> String {
    serde_json::json!({ "error": "invalid settings", "policyErrors": errors }).to_string()
}

pub(super) fn instant(now_ms: f64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(now_ms as i64)
}

/// The decision for a snapshot given as lines (see `read::page::lines`) at `nowMs`. With `rows`,
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
    let mut snapshot = Snapshot {
        lang: lang.to_string(),
        url: url.to_string(),
        nodes: Vec::new(),
    };
    if let Err(e) = page::lines::parse_into(lines, &mut snapshot.nodes) {
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
    serde_json::to_string(&page::scan_prepared(&snapshot, &setup, rows)).unwrap_or_else(error_json)
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
    let options: ScanOptions =
        serde_json::from_str(options_json).map_err(|e| error_json(format!("bad options: {e}")))?;
    let policy = options.policy().map_err(error_json)?;
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

/// Scans and annotates the subtree of `root` in place (the widget, and pages where the
/// extension's wasm may run beside the DOM). Returns the same JSON as `scanLines`.
#[wasm_bindgen(js_name = scanElement)]
pub fn scan_element(root: &web_sys::Element, options_json: &str, now_ms: f64) -> String {
    let document = root.owner_document();
    let lang = document
        .as_ref()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default();
    let url = document.and_then(|d| d.url().ok()).unwrap_or_default();
    let (snapshot, elements) = crate::dom::snapshot(root, &lang, &url);
    let options: ScanOptions = match serde_json::from_str(options_json) {
        Ok(o) => o,
        Err(e) => return error_json(format!("bad options: {e}")),
    };
    let Some(now) = instant(now_ms) else {
        return error_json("bad time");
    };
    let policy = match options.policy() {
        Ok(policy) => policy,
        Err(e) => return error_json(e),
    };
    match page::scan(&snapshot, &policy, options.lang.as_deref(), now) {
        Ok(result) => match crate::dom::apply(&elements, &result.patches) {
            Ok(_) => serde_json::to_string(&result).unwrap_or_else(error_json),
            Err(e) => error_json(format!("could not annotate: {e:?}")),
        },
        Err(errors) => policy_errors_json(&errors),
    }
}

/// The snapshot Rust takes of `root`, as lines (the content script's format, to check its twin).
#[wasm_bindgen(js_name = snapshotLines)]
pub fn snapshot_lines(root: &web_sys::Element) -> String {
    page::lines::write(&crate::dom::snapshot(root, "", "").0.nodes)
}

/// The errors of a policy (JSON), as a JSON list of `{field, message}`; `[]` when valid.
#[wasm_bindgen(js_name = validatePolicy)]
pub fn validate_policy(policy_json: &str) -> String {
    let errors = match serde_json::from_str::<Policy>(policy_json) {
        Ok(policy) => policy.validate().err().unwrap_or_default(),
        Err(e) => vec![PolicyError {
            field: String::new(),
            message: e.to_string(),
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
    match serde_json::from_value::<DeadlineKind>(serde_json::Value::String(kind.to_string())) {
        Ok(kind) => crate::present::within(kind, seconds_left as i64, lang),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(json: &str) -> ScanOptions {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_stored_policy_keeps_what_this_version_knows_and_ignores_a_dropped_field() {
        let policy = options(r#"{"policy":{"handlingDays":3,"shipTargetDays":2}}"#)
            .policy()
            .unwrap();
        assert_eq!(policy.handling_days, 3);
        assert_eq!(
            policy.ship_target_hours,
            Policy::default().ship_target_hours
        );
    }

    #[test]
    fn a_stored_policy_with_a_bad_value_is_still_an_error() {
        let error = options(r#"{"policy":{"handlingDays":"three"}}"#)
            .policy()
            .unwrap_err();
        assert!(error.starts_with("bad options: policy:"), "{error}");
        assert!(options(r#"{"policy":7}"#).policy().is_err());
        assert_eq!(options("{}").policy().unwrap(), Policy::default());
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
