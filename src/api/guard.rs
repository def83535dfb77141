//! `scanMessage` for the extension's message guard: the text being typed in, findings out.
//!
//! JSON strings both ways, like `scanLines`: serde_json is in the build already, and one string
//! per call is cheaper than building JS objects field by field. Nothing throws: a bad setting
//! comes back as `{"error": …}`.

use wasm_bindgen::prelude::*;

use super::js_error::error_json;
use super::js_limits::{within_bytes, MESSAGE_BYTES, SETTINGS_BYTES};
use super::json_read::{boolean, list, object, string, u32_value, unknown_field, Read};
use crate::guard::{check_message, GuardSettings};
use crate::read::json_parse::parse_json;
use crate::read::Lang;

/// The settings' option names, in the order of their fields.
const FIELDS: [&str; 6] = [
    "bannedWords",
    "phoneNumbers",
    "emails",
    "links",
    "allowedLinkDomains",
    "maxSentenceWords",
];

/// The defaults with every field the JSON object sets; an unknown field is an error.
fn settings(json: &str) -> Read<GuardSettings> {
    let value = parse_json(json).map_err(|e| e.to_string())?;
    let mut settings = GuardSettings::default();
    for (key, value) in object(&value, "GuardSettings")? {
        match key.as_str() {
            "bannedWords" => settings.banned_words = list(value, string)?,
            "phoneNumbers" => settings.phone_numbers = boolean(value)?,
            "emails" => settings.emails = boolean(value)?,
            "links" => settings.links = boolean(value)?,
            "allowedLinkDomains" => settings.allowed_link_domains = list(value, string)?,
            "maxSentenceWords" => settings.max_sentence_words = u32_value(value)?,
            _ => return Err(unknown_field(key, &FIELDS)),
        }
    }
    Ok(settings)
}

/// Scans a message being typed. `settingsJson` is the guard's camelCase options object as JSON
/// (empty for the defaults), `lang` a BCP 47 tag for the suggestions (English if unknown).
/// Returns JSON `{ findings, blocking, advisory, summary }`, or `{ error }` naming the bad setting.
#[wasm_bindgen(js_name = scanMessage)]
pub fn scan_message(text: &str, settings_json: &str, lang: &str) -> String {
    if let Err(e) = within_bytes("text", text, MESSAGE_BYTES)
        .and_then(|()| within_bytes("settings", settings_json, SETTINGS_BYTES))
    {
        return error_json(format!("message guard: {e}"));
    }
    let settings: GuardSettings = if settings_json.trim().is_empty() {
        GuardSettings::default()
    } else {
        match settings(settings_json) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_or_settings_past_their_size_are_refused_by_name() {
        let answer = scan_message(&"x".repeat(MESSAGE_BYTES + 1), "", "en");
        assert_eq!(
            answer,
            r#"{"error":"message guard: text: holds more than 1,048,576 bytes of text"}"#
        );
        let answer = scan_message("hi", &" ".repeat(SETTINGS_BYTES + 1), "en");
        assert!(answer.contains("settings: holds more than"), "{answer}");
    }

    /// The one difference: serde also takes an array, its items read as the fields in order.
    #[test]
    fn settings_read_by_hand_as_serde_reads_them() {
        assert!(settings("[]").is_err());
        let cases = [
            "{}",
            r#"{"bannedWords": ["Line"], "phoneNumbers": false, "maxSentenceWords": 0}"#,
            r#"{"emails": true, "links": false, "allowedLinkDomains": ["aliexpress", "alibaba"]}"#,
            r#"{"bannedWords": "Line"}"#,
            r#"{"bannedWords": [1]}"#,
            r#"{"phoneNumbers": "yes"}"#,
            r#"{"maxSentenceWords": -1}"#,
            r#"{"maxSentenceWords": 2.5}"#,
            r#"{"emails": null}"#,
            r#"{"email": true}"#,
            "7",
        ];
        for case in cases {
            let by_serde = serde_json::from_str::<GuardSettings>(case)
                .map_err(|e| e.to_string().split(" at line ").next().unwrap().to_string());
            assert_eq!(settings(case), by_serde, "{case}");
        }
    }
}
