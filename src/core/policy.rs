//! The seller's settings: every clock length and threshold, with DOMAIN.md's defaults.

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// How handling days are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayCount {
    /// Payment time + N × 24 h, as the platform's own countdown does.
    #[default]
    Calendar,
    /// End of the Nth working day in the seller's time zone; the payment day is day 1 when it is a working day.
    Working,
}

/// A dated window whose orders get extra handling days (e.g. Chinese New Year 2020: +7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtensionWindow {
    /// First payment date covered (inclusive, seller's calendar).
    #[serde(with = "super::iso_time::date")]
    pub from: NaiveDate,
    /// Last payment date covered (inclusive).
    #[serde(with = "super::iso_time::date")]
    pub to: NaiveDate,
    /// Handling days added.
    pub extra_days: u32,
}

/// All settings; field names are the camelCase options of the widget and the extension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Policy {
    /// Handling time in days (seller's template, 4–7; default 7).
    pub handling_days: u32,
    /// Calendar (N × 24 h) or working days.
    pub day_count: DayCount,
    /// The seller's own ship goal in hours after payment (default 48).
    pub ship_target_hours: u32,
    /// Hours to answer a cancellation request (default 72).
    pub cancel_response_hours: u32,
    /// Days (× 24 h) to answer a dispute (default 5).
    pub dispute_response_days: u32,
    /// Hours of the payment risk check (default 24).
    pub risk_control_hours: u32,
    /// Working days a supplier has to ship, dropshipping (default 7).
    pub supplier_ship_days: u32,
    /// Working days to obtain a tracking number after a refused cancellation (default 5).
    pub tracking_proof_days: u32,
    /// Working days by which a refund should have arrived after a cancellation (default 15).
    pub refund_days: u32,
    /// Days the buyer has to confirm receipt when the order carries no `freight_commit_day` (default 60).
    pub receipt_days: u32,
    /// Less than this many hours left is critical (default 24).
    pub critical_hours: u32,
    /// Less than this many hours left is a warning (default 72).
    pub warning_hours: u32,
    /// The platform's time zone: page and API times are wall-clock times there.
    pub platform_time_zone: String,
    /// The seller's time zone for working days; `None` means the platform's.
    pub seller_time_zone: Option<String>,
    /// Days that are not working days.
    pub weekend: Vec<Weekday>,
    /// Extra non-working dates of the seller's own.
    #[serde(with = "super::iso_time::date::list")]
    pub holidays: Vec<NaiveDate>,
    /// Built-in national holiday list to use (`ES`, `CN`, …), if any.
    pub holiday_country: Option<String>,
    /// Dated windows that add handling days.
    pub extensions: Vec<ExtensionWindow>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            handling_days: 7,
            day_count: DayCount::Calendar,
            ship_target_hours: 48,
            cancel_response_hours: 72,
            dispute_response_days: 5,
            risk_control_hours: 24,
            supplier_ship_days: 7,
            tracking_proof_days: 5,
            refund_days: 15,
            receipt_days: 60,
            critical_hours: 24,
            warning_hours: 72,
            platform_time_zone: "America/Los_Angeles".to_string(),
            seller_time_zone: None,
            weekend: vec![Weekday::Sat, Weekday::Sun],
            holidays: Vec::new(),
            holiday_country: None,
            extensions: vec![ExtensionWindow {
                from: NaiveDate::from_ymd_opt(2020, 1, 20).expect("valid date"),
                to: NaiveDate::from_ymd_opt(2020, 2, 18).expect("valid date"),
                extra_days: 7,
            }],
        }
    }
}

/// One bad setting: which field (camelCase, as the user typed it) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyError {
    /// The camelCase field name, e.g. `handlingDays`.
    pub field: String,
    /// What is wrong, for a person: "must be between 1 and 90 days".
    pub message: String,
}
