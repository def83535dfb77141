//! The only `#[wasm_bindgen]` exports: the small JS API shared by the extension and the widget.

mod analyze;
mod guard;
mod options;
mod scan;
