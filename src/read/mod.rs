//! Turning text into domain values: localized dates, countdowns, status labels, headers, API JSON, CSV.
//!
//! Pure like the core: no browser, no clock (the time a countdown was read is passed in).

pub mod api_json;
mod api_value;
pub mod buyer_page;
pub mod countdown;
pub mod csv;
pub mod date;
pub mod date_order;
pub mod error;
pub mod header;
pub mod json_parse;
pub mod json_text;
mod order_flags;
pub mod order_id;
pub mod status_label;
mod status_meaning;
pub mod text;
pub mod time_left;

pub use crate::core::Lang;
pub use api_json::{read_api_json, read_api_orders, ApiReading};
pub use countdown::{read_countdown, Countdown};
pub use csv::{read_csv_orders, CsvColumn, CsvOptions, CsvReading};
pub use date::{read_date, read_datetime, resolve_local};
pub use date_order::DateOrder;
pub use error::{ReadError, ReadErrorKind};
pub use header::{field_for_header, Field};
pub use order_id::{find_order_ids, read_order_id};
pub use status_label::{read_status, read_tab, PanelTab, StatusLabel};
pub use time_left::looks_like_time_left;
