//! `scanMessage` for the extension's message guard: the text being typed in, findings out.
//!
//! JSON strings both ways, like `scanSnapshot`: serde_json is in the build already, and one string
//! per call is cheaper than building JS objects field by field. Nothing throws: a bad setting
//! comes back as `{"error": …}`.

use wasm_bindgen::prelude::*;

use crate::guard::{check_message, GuardSettings};
use crate::read::Lang;

fn error_json(message: impl std::fmt::Display) -> String {
    serde_json::json!({ "error": message.to_string() }).to_string()
}

/// Scans a message being typed. `settingsJson` is the guard's camelCase options object as JSON
/// (empty for the defaults), `lang` a BCP 47 tag for the suggestions (English if unknown).
/// Returns JSON `{ findings, blocking, advisory, summary }`, or `{ error }` naming the bad setting.
#[wasm_bindgen(js_name = scanMessage)]
pub fn scan_message(text: &str, settings_json: &str, lang: &str) -> String {
    let settings: GuardSettings = if settings_json.trim().is_empty() {
        GuardSettings::default()
    } else {
        match serde_json::from_str(settings_json) {
            Ok(s) => s,
            Err(e) => return error_json(format!("message guard settings: {e}")),
        }
    };
    if let Some(problem) = settings.validate().into_iter().next() {
        return error_json(format!(
            "message guard settings: {}: {}",
            problem.field, problem.message
        ));
    }
    let lang = Lang::from_tag(lang).unwrap_or_default();
    serde_json::to_string(&check_message(text, &settings, lang)).unwrap_or_else(error_json)
}
