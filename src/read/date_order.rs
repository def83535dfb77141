//! How a page writes numeric dates, from its locale tag.

use serde::{Deserialize, Serialize};

use crate::core::Lang;

/// What the caller knows about how the page writes numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DateOrder {
    /// Unknown: a numeric date whose day and month could swap is reported as ambiguous.
    #[default]
    Unknown,
    /// `20/11/2026`: day first (every panel language but US English).
    DayFirst,
    /// `11/20/2026`: month first (`en-US`).
    MonthFirst,
}

impl DateOrder {
    /// The numeric date order a page in this locale tag uses: `en-US` month first, the
    /// other seller-center locales day first, an unknown tag unknown.
    pub fn from_tag(tag: &str) -> DateOrder {
        let norm = tag.trim().replace('_', "-").to_ascii_lowercase();
        if norm == "en-us" {
            DateOrder::MonthFirst
        } else if Lang::from_tag(&norm).is_some() && norm != "en" {
            DateOrder::DayFirst
        } else {
            DateOrder::Unknown
        }
    }
}
