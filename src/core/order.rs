//! An order as the engine sees it: status and whatever times the source knew.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::status::{OrderStatus, Side};

/// Where a deadline figure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineSource {
    /// A countdown or date printed on the page.
    Page,
    /// A field of the Open Platform API (`timeout_left_time`, `over_time_left`, `left_send_good_*`).
    Api,
    /// Computed by the engine from the policy and the order's times.
    Computed,
}

/// A deadline stated by the source itself; it wins over a computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GivenDeadline {
    /// When the running clock ends (a countdown already converted with the time it was read).
    #[serde(with = "super::iso_time::utc")]
    pub at: DateTime<Utc>,
    /// `page` or `api` (never `computed`).
    pub source: DeadlineSource,
}

/// One order: an id, a status and the known times, all instants in UTC.
///
/// Readers fill what they could read; `read_errors` keeps why a field could not be read,
/// so the engine can say "unreadable: …" instead of guessing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Order {
    /// The AliExpress order id (digits).
    pub id: String,
    /// The status code; `None` when the source's status could not be read.
    pub status: Option<OrderStatus>,
    /// Seller center or buyer-side view.
    pub side: Side,
    /// Order placed.
    #[serde(with = "super::iso_time::utc::option")]
    pub created: Option<DateTime<Utc>>,
    /// Payment accepted: starts the ship-by and risk-control clocks.
    #[serde(with = "super::iso_time::utc::option")]
    pub paid: Option<DateTime<Utc>>,
    /// Shipped (tracking uploaded): starts the buyer-receipt clock.
    #[serde(with = "super::iso_time::utc::option")]
    pub shipped: Option<DateTime<Utc>>,
    /// The buyer asked to cancel: starts the cancellation-answer clock.
    #[serde(with = "super::iso_time::utc::option")]
    pub cancel_requested: Option<DateTime<Utc>>,
    /// The supplier refused a cancellation (dropshipping): starts the tracking-proof clock.
    #[serde(with = "super::iso_time::utc::option")]
    pub cancel_refused: Option<DateTime<Utc>>,
    /// A cancellation was agreed (dropshipping): starts the refund clock.
    #[serde(with = "super::iso_time::utc::option")]
    pub cancel_agreed: Option<DateTime<Utc>>,
    /// A dispute was opened: starts the dispute-answer clock.
    #[serde(with = "super::iso_time::utc::option")]
    pub dispute_opened: Option<DateTime<Utc>>,
    /// The deadline of the running clock as the source stated it.
    pub given_deadline: Option<GivenDeadline>,
    /// This order's own handling time in days (`goods_prepare_time`), overriding the policy.
    pub handling_days: Option<u32>,
    /// Delivery promise in days (`freight_commit_day`) for the buyer-receipt clock.
    pub receipt_days: Option<u32>,
    /// Why the platform ended the order (`end_reason`), when known.
    pub end_reason: Option<String>,
    /// What the reader could not read, in its own words ("payment time: 31/02/2026 is not a date").
    pub read_errors: Vec<String>,
}
