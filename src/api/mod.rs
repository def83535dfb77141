//! `analyze`, `reconcile` and `toCsv` for the widget: orders, API responses or CSV in, deadlines out.
//! The only `#[wasm_bindgen]` exports: the small JS API shared by the extension and the widget.

mod analyze;
mod export;
mod extras;
mod guard;
mod input;
mod js_error;
mod options;
mod reconcile;
pub mod scan;
mod view;
mod wording;
