//! `scanMessage` for the extension's message guard: the text being typed in, findings out.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::guard::{check_message, GuardSettings};
use crate::read::Lang;

/// Scans a message being typed. `settings` is the guard's camelCase options object (or
/// `undefined` for the defaults), `lang` a BCP 47 tag for the suggestions (English if unknown).
/// Returns `{ findings, blocking, advisory, summary }`; throws an `Error` naming the bad setting.
#[wasm_bindgen(js_name = scanMessage)]
pub fn scan_message(
    text: &str,
    settings: JsValue,
    lang: Option<String>,
) -> Result<JsValue, JsError> {
    let settings: GuardSettings = if settings.is_undefined() || settings.is_null() {
        GuardSettings::default()
    } else {
        serde_wasm_bindgen::from_value(settings)
            .map_err(|e| JsError::new(&format!("message guard settings: {e}")))?
    };
    if let Some(problem) = settings.validate().into_iter().next() {
        return Err(JsError::new(&format!(
            "message guard settings: {}: {}",
            problem.field, problem.message
        )));
    }
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or_default();
    let report = check_message(text, &settings, lang);
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("message guard: {e}")))
}
