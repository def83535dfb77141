//! Turning text into domain values: localized dates, countdowns, status labels, headers, API JSON, CSV.
//!
//! Pure like the core: no browser, no clock (the time a countdown was read is passed in).

pub mod error;
pub mod lang;
pub mod page;

pub use error::{ReadError, ReadErrorKind};
pub use lang::{DateOrder, Lang};
