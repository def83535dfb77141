//! The only code that touches web-sys: finding order rows, reading their text, writing annotations.
//!
//! The widget's `scan(root)` uses it directly. The extension's content script has a JavaScript
//! twin (`extension/content/snapshot.js`, `apply.js`) because on a page whose CSP forbids
//! WebAssembly in content scripts the wasm runs in the background worker, far from the DOM; both
//! produce the same [`Snapshot`](crate::scan::Snapshot) and apply the same patches.

pub mod apply;
pub mod snapshot;

pub use apply::apply;
pub use snapshot::snapshot;
