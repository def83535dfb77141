//! `scan(root, options)` of the widget: the extension's page scan (snapshot, decision in Rust,
//! `data-dg-*` annotations), with the widget's options and TypeErrors, and `{ orders, counts }` back.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::calibrate::view as calibration_view;
use super::js_error::type_error;
use super::options::read_options;
use super::view::to_js;
use crate::core::{Calibration, DeadlineKind, DeadlineSource, Risk, RiskCounts};
use crate::present::calibration::CalibrationLine;
use crate::scan::{self, Patch};

/// One order found on the page.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ScannedOrder<'a> {
    order_id: &'a str,
    status: Option<&'a str>,
    deadline: Option<&'a str>,
    deadline_kind: Option<DeadlineKind>,
    deadline_source: Option<DeadlineSource>,
    risk: Risk,
    reason: Option<&'a str>,
    badge: &'a str,
    hint_texts: &'a [String],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ScanAnswer<'a> {
    orders: Vec<ScannedOrder<'a>>,
    counts: RiskCounts,
    /// Whether an order list was recognised; `why` says why not.
    recognised: bool,
    why: Option<&'a str>,
    locale: &'static str,
    now: chrono::DateTime<chrono::Utc>,
    /// What the records' stated deadlines measure of the settings.
    calibration: &'a Calibration,
    /// The calibration's lines worth showing, in the locale.
    calibration_lines: &'a [CalibrationLine],
}

fn scanned(patch: &Patch) -> ScannedOrder<'_> {
    ScannedOrder {
        order_id: &patch.order_id,
        status: patch.status.as_deref(),
        deadline: patch.deadline.as_deref(),
        deadline_kind: patch.deadline_kind,
        deadline_source: patch.deadline_source,
        risk: patch.risk,
        reason: patch.reason.as_deref(),
        badge: &patch.badge.text,
        hint_texts: &patch.badge.hints,
    }
}

/// Scans the subtree of `root` as the extension does, annotates its order elements (attributes and
/// badges) and returns `{ orders, counts, recognised, why, locale, now }`, most urgent first.
/// Throws a `TypeError` naming the option for bad options; a page without orders is not an error.
#[wasm_bindgen(js_name = scanPage)]
pub fn scan_page(root: &web_sys::Element, options: JsValue) -> Result<JsValue, JsValue> {
    let options = read_options(&options)?;
    let document = root.owner_document();
    let page_lang = document
        .as_ref()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default();
    let url = document.and_then(|d| d.url().ok()).unwrap_or_default();
    let (snapshot, elements) = crate::dom::snapshot(root, &page_lang, &url);
    let lang_override = options.locale_given.then(|| options.lang.code());
    let result = scan::scan(
        &snapshot,
        options.policy.policy(),
        lang_override,
        options.now,
    )
    .map_err(|errors| {
        let text: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        type_error(text.join("; "))
    })?;
    crate::dom::apply(&elements, &result.patches)?;
    // A duplicated row is one order: one measurement.
    let mut seen = std::collections::HashSet::new();
    let mut samples = Vec::new();
    for patch in &result.patches {
        if seen.insert(patch.order_id.as_str()) {
            samples.extend(patch.sample);
        }
    }
    let calibration = calibration_view(&samples, options.policy.policy(), result.lang);
    let mut patches: Vec<&Patch> = result.patches.iter().collect();
    crate::core::sort::sort_by(&mut patches, |a, b| {
        a.risk
            .cmp(&b.risk)
            .then_with(|| a.deadline.is_none().cmp(&b.deadline.is_none()))
            .then_with(|| a.deadline.cmp(&b.deadline))
    });
    to_js(&ScanAnswer {
        orders: patches.into_iter().map(scanned).collect(),
        counts: result.summary.counts,
        recognised: result.summary.recognised,
        why: result.summary.why.as_deref(),
        locale: result.lang.code(),
        now: options.now,
        calibration: &calibration.calibration,
        calibration_lines: &calibration.lines,
    })
}
