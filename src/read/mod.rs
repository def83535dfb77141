//! Turning text into domain values: localized dates, countdowns, status labels, headers, API JSON, CSV.
//!
//! Pure like the core: no browser, no clock (the time a countdown was read is passed in).

pub mod api_json;
mod api_value;
pub mod error;
pub mod lang;

pub use api_json::{read_api_json, read_api_orders, ApiReading};
pub use error::{ReadError, ReadErrorKind};
pub use lang::{DateOrder, Lang};
