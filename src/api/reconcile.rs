//! `reconcile(platformInput, otherInput, options)`: which orders one side lacks, and whose statuses differ.

use std::collections::HashMap;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::extras::Extras;
use super::input::read_input;
use super::options::read_options;
use super::view::{to_js, widget_errors, WidgetError};
use super::wording;
use crate::core::reconcile::{reconcile as compare, Discrepancy, DiscrepancyKind};
use crate::core::{analyze_valid, AnalyzedOrder};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WidgetDiscrepancy<'a> {
    #[serde(flatten)]
    discrepancy: &'a Discrepancy,
    badge: Option<String>,
    risk_label: &'static str,
    platform_status_label: Option<&'static str>,
    other_status_label: Option<&'static str>,
    buyer: Option<&'a str>,
    product: Option<&'a str>,
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct KindCounts {
    only_on_platform: u32,
    only_on_other: u32,
    status_mismatch: u32,
    total: u32,
}

#[derive(Serialize)]
struct SideErrors<'a> {
    platform: Vec<WidgetError<'a>>,
    other: Vec<WidgetError<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WidgetReconciliation<'a> {
    discrepancies: Vec<WidgetDiscrepancy<'a>>,
    counts: KindCounts,
    matched: u32,
    platform_total: u32,
    other_total: u32,
    errors: SideErrors<'a>,
    now: chrono::DateTime<chrono::Utc>,
    locale: &'static str,
}

/// Compares two order lists (each an array, an Open Platform response or CSV text) analysed with the
/// same options: `{ discrepancies, counts, matched, platformTotal, otherTotal, errors: { platform, other } }`,
/// most urgent first.
#[wasm_bindgen]
pub fn reconcile(
    platform_input: JsValue,
    other_input: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = read_options(&options)?;
    let zone = options.policy.platform_time_zone();
    let platform = read_input(&platform_input, options.now, zone)
        .map_err(|e| rename_input(e, "platformInput"))?;
    let other =
        read_input(&other_input, options.now, zone).map_err(|e| rename_input(e, "otherInput"))?;
    let platform_analysis = analyze_valid(&platform.orders, &options.policy, options.now);
    let other_analysis = analyze_valid(&other.orders, &options.policy, options.now);
    let result = compare(&platform_analysis.orders, &other_analysis.orders);

    let by_id = |orders: &'_ [AnalyzedOrder]| -> HashMap<String, usize> {
        orders
            .iter()
            .enumerate()
            .map(|(i, o)| (o.order_id.trim().to_string(), i))
            .collect()
    };
    let platform_index = by_id(&platform_analysis.orders);
    let other_index = by_id(&other_analysis.orders);
    let lang = options.lang;
    let mut counts = KindCounts::default();
    let discrepancies = result
        .discrepancies
        .iter()
        .map(|d| {
            let (verdict, extras): (Option<&AnalyzedOrder>, &Extras) = match d.kind {
                DiscrepancyKind::OnlyOnOther => (
                    other_index
                        .get(&d.order_id)
                        .map(|&i| &other_analysis.orders[i]),
                    &other.extras,
                ),
                _ => (
                    platform_index
                        .get(&d.order_id)
                        .map(|&i| &platform_analysis.orders[i]),
                    &platform.extras,
                ),
            };
            match d.kind {
                DiscrepancyKind::OnlyOnPlatform => counts.only_on_platform += 1,
                DiscrepancyKind::OnlyOnOther => counts.only_on_other += 1,
                DiscrepancyKind::StatusMismatch => counts.status_mismatch += 1,
            }
            counts.total += 1;
            let extra = extras
                .get(&d.order_id)
                .or_else(|| other.extras.get(&d.order_id));
            WidgetDiscrepancy {
                discrepancy: d,
                badge: verdict.map(|v| wording::badge(v, lang)),
                risk_label: wording::risk_label(d.risk, lang),
                platform_status_label: d.platform_status.map(|s| wording::status_label(s, lang)),
                other_status_label: d.other_status.map(|s| wording::status_label(s, lang)),
                buyer: extra.and_then(|e| e.buyer.as_deref()),
                product: extra.and_then(|e| e.product.as_deref()),
            }
        })
        .collect();
    to_js(&WidgetReconciliation {
        discrepancies,
        counts,
        matched: result.matched,
        platform_total: result.platform_total,
        other_total: result.other_total,
        errors: SideErrors {
            platform: widget_errors(&platform.errors),
            other: widget_errors(&other.errors),
        },
        now: options.now,
        locale: lang.code(),
    })
}

/// The input's `TypeError`, naming which of the two inputs was wrong.
fn rename_input(error: JsValue, name: &str) -> JsValue {
    // The same error object (a TypeError or a RangeError), its message naming the input.
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        let message: String = e.message().into();
        e.set_message(&message.replacen("input", name, 1));
    }
    error
}
