//! The plain objects the JS API returns: the engine's verdicts plus the words to show them.

use chrono::{DateTime, Utc};
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::calibrate::CalibrationView;
use super::extras::Extras;
use super::js_error::type_error;
use super::wording;
use crate::core::{Analysis, AnalyzedOrder, Calibration, Risk, RiskCounts, ValidPolicy};
use crate::present::calibration::CalibrationLine;
use crate::read::{Lang, ReadError};

/// One order as `analyze` returns it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WidgetOrder<'a> {
    #[serde(flatten)]
    verdict: &'a AnalyzedOrder,
    /// "Ship within 1 d 4 h", in the locale.
    badge: String,
    /// The status in words.
    status_label: Option<&'static str>,
    /// The risk in words.
    risk_label: &'static str,
    /// `hints` in words.
    hint_texts: Vec<String>,
    /// The buyer's name from the input, shown as text only.
    buyer: Option<&'a str>,
    /// The product title from the input, shown as text only.
    product: Option<&'a str>,
}

/// A reading problem with its sentence.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WidgetError<'a> {
    #[serde(flatten)]
    error: &'a ReadError,
    /// "row 3: payment time: "31/02/2026" is not a date".
    message: String,
}

/// What `analyze` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WidgetResult<'a> {
    orders: Vec<WidgetOrder<'a>>,
    counts: RiskCounts,
    errors: Vec<WidgetError<'a>>,
    now: DateTime<Utc>,
    locale: &'static str,
    platform_time_zone: &'static str,
    seller_time_zone: &'static str,
    /// Every risk level's name in the locale, for filters and legends.
    risk_labels: RiskLabels,
    /// What the orders' stated deadlines measure of the settings.
    calibration: &'a Calibration,
    /// The calibration's lines worth showing, in the locale.
    calibration_lines: &'a [CalibrationLine],
}

/// The name of each risk level, keyed like `counts`.
#[derive(Serialize)]
pub(crate) struct RiskLabels {
    overdue: &'static str,
    critical: &'static str,
    warning: &'static str,
    ok: &'static str,
    none: &'static str,
    unreadable: &'static str,
}

/// The names of the risk levels in `lang`.
pub(crate) fn risk_labels(lang: Lang) -> RiskLabels {
    RiskLabels {
        overdue: wording::risk_label(Risk::Overdue, lang),
        critical: wording::risk_label(Risk::Critical, lang),
        warning: wording::risk_label(Risk::Warning, lang),
        ok: wording::risk_label(Risk::Ok, lang),
        none: wording::risk_label(Risk::None, lang),
        unreadable: wording::risk_label(Risk::Unreadable, lang),
    }
}

/// The words of one verdict.
pub(crate) fn widget_order<'a>(
    order: &'a AnalyzedOrder,
    extras: &'a Extras,
    lang: Lang,
) -> WidgetOrder<'a> {
    let extra = extras.get(&order.order_id);
    WidgetOrder {
        verdict: order,
        badge: wording::badge(order, lang),
        status_label: order.status.map(|s| wording::status_label(s, lang)),
        risk_label: wording::risk_label(order.risk, lang),
        hint_texts: order
            .hints
            .iter()
            .map(|h| crate::present::hint_line(order, *h, lang))
            .collect(),
        buyer: extra.and_then(|e| e.buyer.as_deref()),
        product: extra.and_then(|e| e.product.as_deref()),
    }
}

/// The reading problems with their sentences.
pub(crate) fn widget_errors(errors: &[ReadError]) -> Vec<WidgetError<'_>> {
    errors
        .iter()
        .map(|error| WidgetError {
            error,
            message: error.to_string(),
        })
        .collect()
}

/// The whole result of `analyze`.
pub(crate) fn widget_result<'a>(
    analysis: &'a Analysis,
    errors: &'a [ReadError],
    extras: &'a Extras,
    calibration: &'a CalibrationView,
    policy: &ValidPolicy,
    now: DateTime<Utc>,
    lang: Lang,
) -> WidgetResult<'a> {
    WidgetResult {
        orders: analysis
            .orders
            .iter()
            .map(|o| widget_order(o, extras, lang))
            .collect(),
        counts: analysis.counts,
        errors: widget_errors(errors),
        now,
        locale: lang.code(),
        platform_time_zone: policy.platform_time_zone().name(),
        seller_time_zone: policy.seller_time_zone().name(),
        risk_labels: risk_labels(lang),
        calibration: &calibration.calibration,
        calibration_lines: &calibration.lines,
    }
}

/// A plain JS object (no `Map`s, `null` for missing values), as JSON would give.
pub(crate) fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    super::js_json::to_js(value)
        .map_err(|e| type_error(format!("internal: result could not be converted: {e}")))
}
