//! Page scanning for the extension and `scan()` of the widget: snapshot in, annotation patches out.
//!
//! Everything crosses as one JSON string each way: a 1,000-order snapshot is tens of thousands of
//! small objects, and one string is far cheaper than one boundary crossing per field. Nothing here
//! throws into the page: every failure comes back as `{"error": …}`.

use chrono::{DateTime, Utc};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::json_read::{self, Read};
use crate::core::{Policy, PolicyError};
use crate::read::page::{self, Node, Snapshot};
use crate::read::Lang;

/// What the caller may set besides the snapshot.
#[derive(Debug, Default)]
struct ScanOptions {
    /// The seller's settings; the defaults when absent.
    policy: Option<Policy>,
    /// Force a language instead of the page's.
    lang: Option<String>,
}

/// A page snapshot from JSON text: `{ lang, url, nodes: [{ p, t, c, k, x }] }`, each field but a
/// node's `p` and `t` optional; other fields are ignored.
fn snapshot(json: &str) -> Read<Snapshot> {
    let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut snapshot = Snapshot::default();
    for (key, value) in json_read::object(&value, "Snapshot")? {
        match key.as_str() {
            "lang" => snapshot.lang = json_read::string(value)?,
            "url" => snapshot.url = json_read::string(value)?,
            "nodes" => snapshot.nodes = json_read::list(value, node)?,
            _ => {}
        }
    }
    Ok(snapshot)
}

fn node(value: &Value) -> Read<Node> {
    let fields = json_read::object(value, "Node")?;
    let text = |key: &str| fields.get(key).map_or(Ok(String::new()), json_read::string);
    Ok(Node {
        p: json_read::i64_value(
            fields
                .get("p")
                .ok_or_else(|| json_read::missing_field("p"))?,
        )?,
        t: json_read::string(
            fields
                .get("t")
                .ok_or_else(|| json_read::missing_field("t"))?,
        )?,
        c: text("c")?,
        k: text("k")?,
        x: text("x")?,
    })
}

/// The message of a JS exception (`Error.message`, or the thrown string). Not `{:?}`: a
/// JsValue's Debug brings a JS value printer into the glue and formatting code into the wasm.
fn js_message(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => error.as_string().unwrap_or_else(|| "an exception".into()),
    }
}

/// `{ policy, lang }` from JSON text; other fields are ignored.
fn scan_options(json: &str) -> Read<ScanOptions> {
    let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut options = ScanOptions::default();
    for (key, value) in json_read::object(&value, "ScanOptions")? {
        match key.as_str() {
            "policy" => options.policy = json_read::optional(value, json_read::policy)?,
            "lang" => options.lang = json_read::optional(value, json_read::string)?,
            _ => {}
        }
    }
    Ok(options)
}

fn error_json(message: impl std::fmt::Display) -> String {
    serde_json::json!({ "error": message.to_string() }).to_string()
}

fn policy_errors_json(errors: &[PolicyError]) -> String {
    serde_json::json!({ "error": "invalid settings", "policyErrors": errors }).to_string()
}

fn instant(now_ms: f64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(now_ms as i64)
}

/// The decision for a snapshot (JSON) at `nowMs`; JSON `ScanResult` or `{"error"}`.
#[wasm_bindgen(js_name = scanSnapshot)]
pub fn scan_snapshot(snapshot_json: &str, options_json: &str, now_ms: f64) -> String {
    let snapshot = match snapshot(snapshot_json) {
        Ok(s) => s,
        Err(e) => return error_json(format!("bad snapshot: {e}")),
    };
    let options = match scan_options(options_json) {
        Ok(o) => o,
        Err(e) => return error_json(format!("bad options: {e}")),
    };
    let Some(now) = instant(now_ms) else {
        return error_json("bad time");
    };
    let policy = options.policy.unwrap_or_default();
    match page::scan(&snapshot, &policy, options.lang.as_deref(), now) {
        Ok(result) => serde_json::to_string(&result).unwrap_or_else(error_json),
        Err(errors) => policy_errors_json(&errors),
    }
}

/// Scans and annotates the subtree of `root` in place (the widget, and pages where the
/// extension's wasm may run beside the DOM). Returns the same JSON as `scanSnapshot`.
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
    let options = match scan_options(options_json) {
        Ok(o) => o,
        Err(e) => return error_json(format!("bad options: {e}")),
    };
    let Some(now) = instant(now_ms) else {
        return error_json("bad time");
    };
    let policy = options.policy.unwrap_or_default();
    match page::scan(&snapshot, &policy, options.lang.as_deref(), now) {
        Ok(result) => match crate::dom::apply(&elements, &result.patches) {
            Ok(_) => serde_json::to_string(&result).unwrap_or_else(error_json),
            Err(e) => error_json(format!("could not annotate: {}", js_message(&e))),
        },
        Err(errors) => policy_errors_json(&errors),
    }
}

/// The snapshot Rust takes of `root`, as JSON (to check the extension's JavaScript twin).
#[wasm_bindgen(js_name = snapshotElement)]
pub fn snapshot_element(root: &web_sys::Element, lang: &str, url: &str) -> String {
    serde_json::to_string(&crate::dom::snapshot(root, lang, url).0).unwrap_or_else(error_json)
}

/// The errors of a policy (JSON), as a JSON list of `{field, message}`; `[]` when valid.
#[wasm_bindgen(js_name = validatePolicy)]
pub fn validate_policy(policy_json: &str) -> String {
    let policy = serde_json::from_str::<Value>(policy_json)
        .map_err(|e| e.to_string())
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

    #[test]
    fn snapshots_read_by_hand_as_serde_reads_them() {
        let cases = [
            r#"{"lang": "zh-CN", "url": "https://x", "nodes": [{"p": -1, "t": "div"},
                {"p": 0, "t": "td", "c": "a b", "k": "orderId", "x": "8190", "z": 1}], "extra": true}"#,
            "{}",
            r#"{"nodes": [{"t": "div"}]}"#,
            r#"{"nodes": [{"p": 0}]}"#,
            r#"{"nodes": [{"p": 1.5, "t": "div"}]}"#,
            r#"{"nodes": [{"p": 0, "t": "div", "x": 5}]}"#,
            r#"{"nodes": {"p": 0}}"#,
            r#"{"lang": null}"#,
            "{\"nodes\": [",
            "null",
        ];
        for case in cases {
            let by_serde = serde_json::from_str::<Snapshot>(case)
                .map_err(|e| e.to_string().split(" at line ").next().unwrap().to_string());
            let by_hand =
                snapshot(case).map_err(|e| e.split(" at line ").next().unwrap().to_string());
            assert_eq!(by_hand, by_serde, "{case}");
        }
    }
}
