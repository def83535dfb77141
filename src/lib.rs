//! Deadline Guard: how long is left to ship, to answer a cancellation and to answer a dispute
//! on AliExpress orders, computed once in Rust and shown by a browser extension and a widget.
#![deny(missing_docs)]

pub mod api;
pub mod core;
pub mod guard;
pub mod present;
pub mod read;
pub mod scan;
