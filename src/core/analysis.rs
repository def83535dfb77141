//! What the engine answers: per order the running clock, its end, its source and the risk.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::hint_set::HintSet;
use super::order::DeadlineSource;
use super::order_id::OrderId;
use super::status::OrderStatus;

/// Which clock is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// Risk control / payment check.
    Payment,
    /// Ship by (handling time).
    Ship,
    /// Answer the buyer's cancellation request.
    CancelResponse,
    /// Answer the dispute.
    DisputeResponse,
    /// The buyer confirms receipt.
    Receipt,
    /// Dropshipping: the supplier must ship.
    SupplierShip,
    /// Dropshipping: obtain the tracking number after a refused cancellation.
    TrackingProof,
    /// Dropshipping: the refund should have arrived.
    Refund,
}

/// How urgent an order is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// The deadline has passed.
    Overdue,
    /// Less than `critical_hours` left.
    Critical,
    /// A clock should run but the data to compute it is missing or contradictory.
    Unreadable,
    /// Less than `warning_hours` left.
    Warning,
    /// More time left than `warning_hours`.
    Ok,
    /// No clock runs (done, closed, frozen, awaiting payment).
    None,
}

impl Risk {
    /// Every risk, most urgent first (the declaration order, which `Ord` follows too).
    pub const ALL: [Risk; 6] = [
        Risk::Overdue,
        Risk::Critical,
        Risk::Unreadable,
        Risk::Warning,
        Risk::Ok,
        Risk::None,
    ];
}

/// Something the seller should do, beyond meeting the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hint {
    /// Shipped but the buyer asks to cancel: refuse with the tracking number.
    RefuseWithTracking,
    /// Not shipped within the seller's internal ship target.
    PastInternalTarget,
    /// Before shipping, check the ship button is still active (DOMAIN: "double check").
    DoubleCheckShipButton,
    /// Dropshipping: not shipped yet, the order can still be cancelled.
    CancelPossible,
    /// Dropshipping: no tracking number in time: open a dispute.
    OpenDispute,
    /// The page or the API states a deadline more than an hour from the one the settings compute.
    SettingsDisagree,
}

/// Why an order has no running clock or an unreadable one, for translation (`reason` is English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    /// Placed, not paid: no clock until payment.
    AwaitingPayment,
    /// Completed, closed, archived or funds being released.
    Completed,
    /// Locked by the platform.
    Frozen,
    /// A clock the user does not have to beat has ended; the platform moves the order on.
    ClockEnded,
    /// The status could not be read.
    StatusUnknown,
    /// A time the clock needs is missing.
    MissingTime,
    /// The order's data contradicts itself (or the clock).
    Contradiction,
}

/// The engine's verdict on one order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnalyzedOrder {
    /// The order id (serialized as a string).
    pub order_id: OrderId,
    /// The status, when known.
    pub status: Option<OrderStatus>,
    /// When the running clock ends (serialized ISO 8601 UTC).
    #[serde(default, with = "super::iso_time::utc::option")]
    pub deadline: Option<DateTime<Utc>>,
    /// Which clock runs.
    pub deadline_kind: Option<DeadlineKind>,
    /// Where the deadline came from.
    pub deadline_source: Option<DeadlineSource>,
    /// Seconds left at `now` (negative when overdue).
    pub seconds_left: Option<i64>,
    /// The risk level.
    pub risk: Risk,
    /// Why the order is unreadable, or why no clock runs, for a person (English).
    /// Fixed wordings are borrowed, so only reasons written out for one order allocate.
    pub reason: Option<Cow<'static, str>>,
    /// `reason` as a code, for wording it in other languages.
    #[serde(default)]
    pub reason_code: Option<ReasonCode>,
    /// Whether the user must act before the deadline. Clocks the platform runs on its own
    /// (risk check, the seller's view of buyer receipt) are shown but never rated above `ok`.
    #[serde(default)]
    pub actionable: bool,
    /// What to do beyond meeting the deadline (serialized as a list).
    pub hints: HintSet,
    /// The seller's internal ship target, when the ship clock runs.
    #[serde(default, with = "super::iso_time::utc::option")]
    pub ship_target: Option<DateTime<Utc>>,
    /// The deadline the settings would have computed, with the hint `settings_disagree` only.
    #[serde(
        default,
        with = "super::iso_time::utc::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub settings_deadline: Option<DateTime<Utc>>,
}

/// How many orders there are at each risk level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RiskCounts {
    /// Deadline passed.
    pub overdue: u32,
    /// Less than `critical_hours` left.
    pub critical: u32,
    /// Less than `warning_hours` left.
    pub warning: u32,
    /// Comfortable.
    pub ok: u32,
    /// No clock running.
    pub none: u32,
    /// Could not be computed.
    pub unreadable: u32,
    /// All orders.
    pub total: u32,
}

impl RiskCounts {
    /// Counts one more order at `risk`: the one place a risk is counted (the engine, the page scan).
    pub fn add(&mut self, risk: Risk) {
        let slot = match risk {
            Risk::Overdue => &mut self.overdue,
            Risk::Critical => &mut self.critical,
            Risk::Unreadable => &mut self.unreadable,
            Risk::Warning => &mut self.warning,
            Risk::Ok => &mut self.ok,
            Risk::None => &mut self.none,
        };
        *slot += 1;
        self.total += 1;
    }
}

/// All orders analysed, most urgent first, with the counts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Sorted by urgency: overdue, critical, unreadable, warning, ok, none; then by deadline.
    pub orders: Vec<AnalyzedOrder>,
    /// Counts per risk.
    pub counts: RiskCounts,
}
