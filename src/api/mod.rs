//! The only `#[wasm_bindgen]` exports: the small JS API shared by the extension and the widget.

mod analyze;
mod calibrate;
mod export;
mod extras;
mod guard;
mod input;
mod instance;
mod js_error;
mod js_json;
mod js_limits;
mod json_read;
mod options;
mod page_csv;
mod page_scan;
mod page_steps;
mod reconcile;
mod record_summary;
pub mod scan;
mod view;
mod wording;
