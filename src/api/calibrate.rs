//! `calibrate(samples, options, lang)`: the extension's page state of what the orders measured.
//! The content script keeps each record's sample with its annotation (rows come and go between
//! full scans), and asks here for the suggestion per setting and its words whenever it publishes.

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::json_read::{self, Read};
use super::scan::{error_json, valid_settings};
use crate::core::{calibrate as suggest, Calibration, Policy, Sample, Setting};
use crate::present::calibration::{lines, measured, CalibrationLine};
use crate::read::json_parse::parse_json;
use crate::read::Lang;
use crate::scan::page_lang;

/// What the overlay and the options page show of the calibration.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CalibrationView {
    /// The suggestion per measured setting.
    pub calibration: Calibration,
    /// The lines to show, in the language.
    pub lines: Vec<CalibrationLine>,
    /// "Measured on the page: 5 days (12 orders)" per measured setting.
    pub measured: Measured,
}

/// The options page's words per measured setting.
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub(super) struct Measured {
    #[serde(skip_serializing_if = "Option::is_none")]
    handling_days: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cancel_response_hours: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dispute_response_days: Option<String>,
}

/// The calibration of `samples` against `policy`, with its words in `lang`.
pub(super) fn view(samples: &[Sample], policy: &Policy, lang: Lang) -> CalibrationView {
    let calibration = suggest(samples, policy);
    let mut words = Measured::default();
    for (setting, s) in calibration.entries() {
        let Some(s) = s else { continue };
        *match setting {
            Setting::HandlingDays => &mut words.handling_days,
            Setting::CancelResponseHours => &mut words.cancel_response_hours,
            Setting::DisputeResponseDays => &mut words.dispute_response_days,
        } = Some(measured(setting, s, lang));
    }
    CalibrationView {
        lines: lines(&calibration, lang),
        calibration,
        measured: words,
    }
}

/// Most orders one grouped sample may stand for (a page shows far fewer).
const MAX_COUNT: u32 = 1_000_000;

/// A sample as the page side kept it from its patch, with how many orders measured the same:
/// `{setting, value?, working?, count?}` (count 1 when absent). The page side groups identical
/// samples, so a 10,000-order page sends a few dozen instead of 10,000.
fn sample(value: &Value) -> Read<(Sample, u32)> {
    let mut sample = Sample {
        setting: Setting::HandlingDays,
        value: None,
        working: None,
    };
    let mut count = 1;
    let mut named = false;
    for (key, value) in json_read::object(value, "Sample")? {
        match key.as_str() {
            "setting" => {
                let name = json_read::string(value)?;
                sample.setting = Setting::from_name(&name)
                    .ok_or_else(|| format!("unknown setting \"{name}\""))?;
                named = true;
            }
            "value" => sample.value = json_read::optional(value, json_read::u32_value)?,
            "working" => sample.working = json_read::optional(value, json_read::u32_value)?,
            "count" => {
                count = json_read::u32_value(value)?;
                if !(1..=MAX_COUNT).contains(&count) {
                    return Err(format!("count must be from 1 to {MAX_COUNT}, not {count}"));
                }
            }
            _ => {
                return Err(json_read::unknown_field(
                    key,
                    &["setting", "value", "working", "count"],
                ))
            }
        }
    }
    if !named {
        return Err(json_read::missing_field("setting"));
    }
    Ok((sample, count))
}

/// The samples of a JSON list.
fn samples(json: &str) -> Read<Vec<Sample>> {
    let value = parse_json(json).map_err(|e| e.to_string())?;
    let Value::Array(items) = &value else {
        return Err(json_read::invalid_type(&value, "a list of samples"));
    };
    let mut samples = Vec::with_capacity(items.len());
    let mut total = 0u32;
    for item in items {
        let (sample, count) = sample(item)?;
        total = total.saturating_add(count);
        if total > MAX_COUNT {
            return Err(format!("more than {MAX_COUNT} orders in all"));
        }
        samples.extend(std::iter::repeat(sample).take(count as usize));
    }
    Ok(samples)
}

/// `samplesJson`: the records' `sample`s (a JSON list); `optionsJson`: the scan options
/// (`{policy, lang}`); `lang`: the page's language. JSON `{calibration, lines, measured}` or `{error}`.
#[wasm_bindgen]
pub fn calibrate(samples_json: &str, options_json: &str, lang: &str) -> String {
    let samples = match samples(samples_json) {
        Ok(samples) => samples,
        Err(e) => return error_json(format!("bad samples: {e}")),
    };
    let (valid, lang_override) = match valid_settings(options_json) {
        Ok(settings) => settings,
        Err(json) => return json,
    };
    let lang = page_lang(lang, lang_override.as_deref());
    serde_json::to_string(&view(&samples, valid.policy(), lang)).unwrap_or_else(error_json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grouped_sample_counts_as_that_many_orders() {
        let grouped = calibrate(
            r#"[{"setting":"handlingDays","value":5,"count":3},{"setting":"handlingDays","value":6}]"#,
            r#"{"policy":{"handlingDays":7}}"#,
            "en",
        );
        let one_by_one = calibrate(
            r#"[{"setting":"handlingDays","value":5},{"setting":"handlingDays","value":5},
                {"setting":"handlingDays","value":5},{"setting":"handlingDays","value":6}]"#,
            r#"{"policy":{"handlingDays":7}}"#,
            "en",
        );
        assert_eq!(grouped, one_by_one);
        let json: serde_json::Value = serde_json::from_str(&grouped).unwrap();
        assert_eq!(json["calibration"]["handlingDays"]["samples"], 4);
        assert_eq!(json["calibration"]["handlingDays"]["agreeing"], 3);
        for bad in [
            r#"[{"setting":"handlingDays","value":5,"count":0}]"#,
            r#"[{"setting":"handlingDays","value":5,"count":1000001}]"#,
            r#"[{"setting":"handlingDays","value":5,"count":600000},{"setting":"handlingDays","value":5,"count":600000}]"#,
        ] {
            let json: serde_json::Value =
                serde_json::from_str(&calibrate(bad, "{}", "en")).unwrap();
            assert!(
                json["error"].as_str().unwrap().starts_with("bad samples"),
                "{bad}: {json}"
            );
        }
    }

    #[test]
    fn samples_in_come_out_as_a_suggestion_with_its_words() {
        let samples = r#"[{"setting":"handlingDays","value":5},{"setting":"handlingDays","value":5},
            {"setting":"handlingDays","value":5},{"setting":"cancelResponseHours","value":48}]"#;
        let json: serde_json::Value = serde_json::from_str(&calibrate(
            samples,
            r#"{"policy":{"handlingDays":7}}"#,
            "en",
        ))
        .unwrap();
        let handling = &json["calibration"]["handlingDays"];
        assert_eq!(handling["suggested"], 5);
        assert_eq!(handling["setting"], 7);
        assert_eq!(handling["dayCount"], "calendar");
        assert_eq!(
            json["calibration"]["cancelResponseHours"]["suggested"],
            serde_json::Value::Null
        );
        assert!(json["calibration"].get("disputeResponseDays").is_none());
        assert_eq!(
            json["lines"][0]["text"],
            "Handling time on this page looks like 5 days (3 orders); your settings say 7"
        );
        assert_eq!(json["lines"][0]["button"], "Use 5");
        assert_eq!(json["lines"][0]["value"], 5);
        assert_eq!(json["lines"][0]["dayCount"], "calendar");
        assert_eq!(
            json["lines"].as_array().unwrap().len(),
            1,
            "one sample suggests nothing"
        );
        assert_eq!(
            json["measured"]["handlingDays"],
            "Measured on the page: 5 days (3 orders)"
        );
    }

    #[test]
    fn bad_samples_and_bad_settings_are_errors_not_panics() {
        assert!(calibrate("[{]", "{}", "en").contains("bad samples"));
        assert!(calibrate(r#"[{"setting":"x"}]"#, "{}", "en").contains("bad samples"));
        assert!(calibrate("[]", r#"{"policy":{"handlingDays":0}}"#, "en").contains("policyErrors"));
        assert!(calibrate("[]", "{}", "de").contains(r#""lines":[]"#));
    }
}
