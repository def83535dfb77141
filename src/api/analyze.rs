//! `analyze(input, options)`: orders, an Open Platform response or CSV text in; deadlines, risk and words out.

use chrono::{DateTime, Utc};
use wasm_bindgen::prelude::*;

use super::calibrate::{view as calibration_view, CalibrationView};
use super::extras::Extras;
use super::input::read_input;
use super::options::{read_now, read_options};
use super::view::{to_js, widget_result};
use crate::core::calibration::measure_order;
use crate::core::{analyze_valid, Order, ValidPolicy};
use crate::read::{Lang, ReadError};

/// Orders read once, analysed again at any time: the widget re-analyses on each tick without re-reading.
#[wasm_bindgen]
pub struct OrderList {
    orders: Vec<Order>,
    errors: Vec<ReadError>,
    extras: Extras,
    /// Measured once: it depends on the orders and the settings, not on the time of analysis.
    calibration: CalibrationView,
    policy: ValidPolicy,
    now: DateTime<Utc>,
    lang: Lang,
}

#[wasm_bindgen]
impl OrderList {
    /// Reads `input` with `options`; throws a `TypeError` for bad options or an input of the wrong type.
    #[wasm_bindgen(constructor)]
    pub fn new(input: JsValue, options: JsValue) -> Result<OrderList, JsValue> {
        let options = read_options(&options)?;
        let zone = options.policy.platform_time_zone();
        let reading = read_input(&input, options.now, zone)?;
        let mut samples = Vec::new();
        for order in &reading.orders {
            samples.extend(measure_order(order, &options.policy, options.now));
        }
        let calibration = calibration_view(&samples, options.policy.policy(), options.lang);
        Ok(OrderList {
            calibration,
            orders: reading.orders,
            errors: reading.errors,
            extras: reading.extras,
            policy: options.policy,
            now: options.now,
            lang: options.lang,
        })
    }

    /// The analysis at `now` (a Date, an ISO string or milliseconds; `undefined` for the options' `now`).
    pub fn at(&self, now: JsValue) -> Result<JsValue, JsValue> {
        let now = if now.is_undefined() || now.is_null() {
            self.now
        } else {
            read_now(&now)?
        };
        let analysis = analyze_valid(&self.orders, &self.policy, now);
        to_js(&widget_result(
            &analysis,
            &self.errors,
            &self.extras,
            &self.calibration,
            &self.policy,
            now,
            self.lang,
        ))
    }

    /// How many orders were read.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.orders.len()
    }
}

/// Analyses `input` at `options.now`: `{ orders, counts, errors, now, locale, platformTimeZone, sellerTimeZone }`.
#[wasm_bindgen]
pub fn analyze(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    OrderList::new(input, options)?.at(JsValue::UNDEFINED)
}
