//! `scan(root, options)` of the widget: the extension's page scan (the shared JavaScript page side
//! walks the page into lines and writes the patches back; the decision is here), with the widget's
//! options and TypeErrors, and `{ orders, counts }` back.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::calibrate::view as calibration_view;
use super::js_error::{range_error, type_error};
use super::js_limits::{within_bytes, SNAPSHOT_BYTES};
use super::options::read_options;
use super::view::to_js;
use crate::core::{Calibration, DeadlineKind, DeadlineSource, Risk, RiskCounts};
use crate::present::calibration::CalibrationLine;
use crate::scan::{self, Patch, Snapshot};

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
    /// Every record's annotation, in page order, for the page side to write.
    patches: &'a [Patch],
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

/// The decision for the widget's `scan()`: the snapshot lines the shared page side took of `root`
/// (`page/snapshot.js`, as the extension takes them), with the widget's options. Returns
/// `{ orders, counts, recognised, why, locale, now, calibration, calibrationLines, patches }`:
/// orders most urgent first, one per order id; `patches` in page order for `page/apply.js` to
/// write. Throws a `TypeError` naming the option for bad options; a page without orders is not
/// an error.
#[wasm_bindgen(js_name = scanPage)]
pub fn scan_page(
    page_lang: &str,
    url: &str,
    lines: &str,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = read_options(&options)?;
    within_bytes("lines", lines, SNAPSHOT_BYTES).map_err(range_error)?;
    let mut snapshot = Snapshot {
        lang: page_lang.to_string(),
        url: url.to_string(),
        nodes: Vec::new(),
    };
    scan::lines::parse_into(lines, &mut snapshot.nodes)
        .map_err(|e| type_error(format!("lines: {e}")))?;
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
    // A duplicated row is one order: one measurement, one line in the list.
    let mut seen = std::collections::HashSet::new();
    let mut once: Vec<&Patch> = result
        .patches
        .iter()
        .filter(|patch| seen.insert(patch.order_id.as_str()))
        .collect();
    let samples: Vec<_> = once.iter().filter_map(|patch| patch.sample).collect();
    let calibration = calibration_view(&samples, options.policy.policy(), result.lang);
    crate::core::sort::sort_by(&mut once, |a, b| {
        a.risk
            .cmp(&b.risk)
            .then_with(|| a.deadline.is_none().cmp(&b.deadline.is_none()))
            .then_with(|| a.deadline.cmp(&b.deadline))
    });
    to_js(&ScanAnswer {
        orders: once.into_iter().map(scanned).collect(),
        counts: result.summary.counts,
        recognised: result.summary.recognised,
        why: result.summary.why.as_deref(),
        locale: result.lang.code(),
        now: options.now,
        calibration: &calibration.calibration,
        calibration_lines: &calibration.lines,
        patches: &result.patches,
    })
}
