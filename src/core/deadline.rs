//! Which clock runs for an order, and when it ends: by side and status, from the policy and the
//! order's own times, or as the source stated it. Never a guess: missing or contradictory data
//! makes the order unreadable.

use chrono::{DateTime, Duration, Utc};

use super::analysis::{DeadlineKind, Hint, ReasonCode};
use super::order::{DeadlineSource, Order};
use super::policy::DayCount;
use super::risk::HintSet;
use super::status::{OrderStatus, Side};
use super::validate::ValidPolicy;

/// How far in the future a known time may lie before it counts as misread: the browser's clock
/// and the platform's may disagree by a few minutes, a misread time zone is off by hours.
pub const FUTURE_TOLERANCE: Duration = Duration::minutes(10);

/// How far a stated deadline may lie from the one the settings compute before the order says
/// that the settings disagree: countdowns in whole hours are read up to an hour short.
pub const SETTINGS_TOLERANCE: Duration = Duration::hours(1);

/// A running clock.
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    /// Which clock.
    pub kind: DeadlineKind,
    /// When it ends.
    pub deadline: DateTime<Utc>,
    /// Stated by the page or the API, or computed.
    pub source: DeadlineSource,
    /// The seller's internal ship goal (ship clock only, when the payment time is known).
    pub ship_target: Option<DateTime<Utc>>,
    /// Whether the user must beat it (see `AnalyzedOrder::actionable`).
    pub actionable: bool,
    /// Hints that follow from the order alone (not from the time left).
    pub hints: HintSet,
}

/// What the deadline step concludes about one order.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A clock runs.
    Running(Clock),
    /// No clock runs for this status.
    Stopped {
        /// Why, as a code.
        code: ReasonCode,
        /// Why, for a person.
        reason: &'static str,
    },
    /// A clock should run but cannot be computed.
    Unreadable {
        /// The clock that should run, when the status says which.
        kind: Option<DeadlineKind>,
        /// Missing time or contradiction.
        code: ReasonCode,
        /// What is missing or contradictory, with the reader's own errors.
        reason: String,
    },
}

/// What a status asks for before the order's times are looked at.
enum Plan {
    Clock(DeadlineKind),
    Stop(ReasonCode),
}

fn plan(status: OrderStatus, side: Side, order: &Order) -> Result<Plan, String> {
    use OrderStatus::*;
    Ok(match (status, side) {
        (PlaceOrderSuccess, _) => Plan::Stop(ReasonCode::AwaitingPayment),
        (FundProcessing | Finish | Archive, _) => Plan::Stop(ReasonCode::Completed),
        (InFrozen, _) => Plan::Stop(ReasonCode::Frozen),
        (RiskControl | RiskControlHold | PaymentProcessing | WaitSellerExamineMoney, _) => {
            Plan::Clock(DeadlineKind::Payment)
        }
        (WaitSellerSendGoods | SellerPartSendGoods, Side::Seller) => {
            Plan::Clock(DeadlineKind::Ship)
        }
        (WaitSellerSendGoods | SellerPartSendGoods, Side::Buyer) => {
            Plan::Clock(DeadlineKind::SupplierShip)
        }
        (InCancel, Side::Seller) => Plan::Clock(DeadlineKind::CancelResponse),
        (InCancel, Side::Buyer) => match (order.cancel_refused, order.cancel_agreed) {
            (Some(refused), Some(agreed)) => {
                return Err(format!(
                    "the cancellation is both refused ({}) and agreed ({})",
                    show(refused),
                    show(agreed)
                ))
            }
            (Some(_), None) => Plan::Clock(DeadlineKind::TrackingProof),
            (None, Some(_)) => Plan::Clock(DeadlineKind::Refund),
            (None, None) => Plan::Clock(DeadlineKind::CancelResponse),
        },
        (InIssue, _) => Plan::Clock(DeadlineKind::DisputeResponse),
        (WaitBuyerAcceptGoods, _) => Plan::Clock(DeadlineKind::Receipt),
    })
}

/// Why no clock runs, for a person, by the code of a status that stops every clock; the
/// engine keeps only the code per order and words it when it builds the verdict.
pub fn stopped_reason(code: ReasonCode) -> &'static str {
    match code {
        ReasonCode::AwaitingPayment => "awaiting payment",
        ReasonCode::Completed => "completed",
        ReasonCode::Frozen => "frozen by the platform",
        _ => "no clock runs",
    }
}

/// Clocks the platform resolves without the user: shown, never rated above `ok`.
fn is_actionable(kind: DeadlineKind, side: Side) -> bool {
    match (kind, side) {
        (DeadlineKind::Payment, _) => false,
        (DeadlineKind::Receipt, Side::Seller) => false,
        // On the buyer side the supplier answers the cancellation and the dispute.
        (DeadlineKind::CancelResponse | DeadlineKind::DisputeResponse, Side::Buyer) => false,
        _ => true,
    }
}

/// What a non-actionable clock's end means, once it has passed.
pub fn ended_reason(kind: DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::Payment => {
            "the risk check should be over; the platform has not moved the order on yet"
        }
        DeadlineKind::Receipt => {
            "the buyer's confirmation period is over: the order completes automatically"
        }
        DeadlineKind::CancelResponse => {
            "the supplier did not answer the cancellation in time: it is accepted automatically"
        }
        DeadlineKind::DisputeResponse => "the supplier's time to answer the dispute is over",
        _ => "the clock has ended",
    }
}

fn show(t: DateTime<Utc>) -> String {
    super::iso_time::utc_minutes(t)
}

/// The order time each clock starts from, with its name for messages.
fn start_of(kind: DeadlineKind, order: &Order) -> (Option<DateTime<Utc>>, &'static str) {
    match kind {
        DeadlineKind::Payment | DeadlineKind::Ship | DeadlineKind::SupplierShip => {
            (order.paid, "payment time")
        }
        DeadlineKind::CancelResponse => (order.cancel_requested, "cancellation request time"),
        DeadlineKind::DisputeResponse => (order.dispute_opened, "dispute opening time"),
        DeadlineKind::Receipt => (order.shipped, "shipping time"),
        DeadlineKind::TrackingProof => (order.cancel_refused, "cancellation refusal time"),
        DeadlineKind::Refund => (order.cancel_agreed, "cancellation agreement time"),
    }
}

/// The order's own times (the ones a misread could put in the future).
fn own_times(order: &Order) -> [Option<DateTime<Utc>>; 7] {
    [
        order.created,
        order.paid,
        order.shipped,
        order.cancel_requested,
        order.cancel_refused,
        order.cancel_agreed,
        order.dispute_opened,
    ]
}

/// When none of the order's times is in the future any more, if one is at `now`: an order
/// unreadable for a time ahead of the clock may read then (`scan::recheck` rescans it).
pub fn future_times_past_at(order: &Order, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let last = own_times(order).into_iter().flatten().max()?;
    (last > now + FUTURE_TOLERANCE).then(|| last - FUTURE_TOLERANCE)
}

/// The first contradiction in the order's times, if any.
/// `latest` is `now` + `FUTURE_TOLERANCE`.
fn contradiction(order: &Order, status: OrderStatus, latest: DateTime<Utc>) -> Option<String> {
    // Nearly every order passes: check them all before naming the first that fails.
    if own_times(order)
        .iter()
        .any(|t| t.is_some_and(|t| t > latest))
    {
        return future_time(order, latest);
    }
    ordering_contradiction(order, status)
}

/// The first of the order's times after `latest`, named.
fn future_time(order: &Order, latest: DateTime<Utc>) -> Option<String> {
    let named = [
        (order.created, "creation time"),
        (order.paid, "payment time"),
        (order.shipped, "shipping time"),
        (order.cancel_requested, "cancellation request time"),
        (order.cancel_refused, "cancellation refusal time"),
        (order.cancel_agreed, "cancellation agreement time"),
        (order.dispute_opened, "dispute opening time"),
    ];
    named.into_iter().find_map(|(time, name)| {
        let t = time.filter(|t| *t > latest)?;
        Some(format!("the {name} ({}) is in the future", show(t)))
    })
}

/// Times out of order, or a shipping time the status denies.
fn ordering_contradiction(order: &Order, status: OrderStatus) -> Option<String> {
    if let (Some(created), Some(paid)) = (order.created, order.paid) {
        if paid < created {
            return Some(format!(
                "the payment time ({}) is before the creation time ({})",
                show(paid),
                show(created)
            ));
        }
    }
    if let Some(shipped) = order.shipped {
        let unshipped = matches!(
            status,
            OrderStatus::WaitSellerSendGoods
                | OrderStatus::RiskControl
                | OrderStatus::RiskControlHold
                | OrderStatus::PaymentProcessing
                | OrderStatus::WaitSellerExamineMoney
        );
        if unshipped {
            return Some(format!(
                "the order has a shipping time ({}) but its status {} says it is not shipped",
                show(shipped),
                status.code()
            ));
        }
        if let Some(paid) = order.paid {
            if shipped < paid {
                return Some(format!(
                    "the shipping time ({}) is before the payment time ({})",
                    show(shipped),
                    show(paid)
                ));
            }
        }
    }
    None
}

fn with_read_errors(reason: String, order: &Order) -> String {
    if order.read_errors.is_empty() {
        reason
    } else {
        format!(
            "{reason} (could not read: {})",
            order.read_errors.join("; ")
        )
    }
}

fn unreadable(
    kind: Option<DeadlineKind>,
    code: ReasonCode,
    reason: String,
    order: &Order,
) -> Outcome {
    Outcome::Unreadable {
        kind,
        code,
        reason: with_read_errors(reason, order),
    }
}

/// A per-order day count, checked against the policy's own bounds for that setting.
fn order_days(value: Option<u32>, default: u32, max: u32, what: &str) -> Result<u32, String> {
    match value {
        None => Ok(default),
        Some(days) if (1..=max).contains(&days) => Ok(days),
        Some(days) => Err(format!(
            "the order's {what} of {days} days is outside 1–{max}"
        )),
    }
}

fn hours(n: u32) -> Duration {
    Duration::hours(i64::from(n))
}

fn days(n: u32) -> Duration {
    Duration::hours(24 * i64::from(n))
}

/// The deadline the settings compute for a clock they decide (ship, cancellation, dispute),
/// whatever the source stated; `None` for other clocks or without the clock's start.
pub fn settings_deadline(
    kind: DeadlineKind,
    order: &Order,
    valid: &ValidPolicy,
) -> Option<DateTime<Utc>> {
    let decided = matches!(
        kind,
        DeadlineKind::Ship | DeadlineKind::CancelResponse | DeadlineKind::DisputeResponse
    );
    let start = start_of(kind, order).0.filter(|_| decided)?;
    compute(kind, start, order, valid).ok()
}

/// The computed end of `kind` started at `start`; `Err` says why it cannot be computed.
fn compute(
    kind: DeadlineKind,
    start: DateTime<Utc>,
    order: &Order,
    valid: &ValidPolicy,
) -> Result<DateTime<Utc>, String> {
    let policy = valid.policy();
    let calendar = valid.calendar();
    let working = |n: u32| {
        calendar.working_deadline(start, n).ok_or_else(|| {
            "the working-day calendar has no working day within ten years".to_string()
        })
    };
    match kind {
        DeadlineKind::Payment => Ok(start + hours(policy.risk_control_hours)),
        DeadlineKind::Ship => {
            let handling = order_days(
                order.handling_days,
                policy.handling_days,
                90,
                "handling time",
            )?;
            let total = handling + calendar.extension_days_at(start);
            match policy.day_count {
                DayCount::Calendar => Ok(start + days(total)),
                DayCount::Working => working(total),
            }
        }
        DeadlineKind::CancelResponse => Ok(start + hours(policy.cancel_response_hours)),
        DeadlineKind::DisputeResponse => Ok(start + days(policy.dispute_response_days)),
        DeadlineKind::Receipt => {
            let n = order_days(
                order.receipt_days,
                policy.receipt_days,
                365,
                "delivery promise",
            )?;
            Ok(start + days(n))
        }
        DeadlineKind::SupplierShip => working(policy.supplier_ship_days),
        DeadlineKind::TrackingProof => working(policy.tracking_proof_days),
        DeadlineKind::Refund => working(policy.refund_days),
    }
}

/// The clock of one order at `now`, or why there is none.
pub fn clock_for(order: &Order, valid: &ValidPolicy, now: DateTime<Utc>) -> Outcome {
    clock_at(order, valid, now + FUTURE_TOLERANCE)
}

/// `clock_for` given `latest` = `now` + `FUTURE_TOLERANCE`, which a whole list shares.
pub(super) fn clock_at(order: &Order, valid: &ValidPolicy, latest: DateTime<Utc>) -> Outcome {
    let Some(status) = order.status else {
        return unreadable(
            None,
            ReasonCode::StatusUnknown,
            "the status could not be read".into(),
            order,
        );
    };
    let kind = match plan(status, order.side, order) {
        Ok(Plan::Stop(code)) => {
            return Outcome::Stopped {
                code,
                reason: stopped_reason(code),
            }
        }
        Ok(Plan::Clock(kind)) => kind,
        Err(reason) => return unreadable(None, ReasonCode::Contradiction, reason, order),
    };
    if let Some(reason) = contradiction(order, status, latest) {
        return unreadable(Some(kind), ReasonCode::Contradiction, reason, order);
    }

    let (start, start_name) = start_of(kind, order);
    let (deadline, source) = match (order.given_deadline, start) {
        (Some(given), _) => (given.at, given.source),
        (None, Some(start)) => match compute(kind, start, order, valid) {
            Ok(deadline) => (deadline, DeadlineSource::Computed),
            Err(reason) => return unreadable(Some(kind), ReasonCode::Contradiction, reason, order),
        },
        (None, None) => {
            return unreadable(
                Some(kind),
                ReasonCode::MissingTime,
                format!("the {start_name} is missing"),
                order,
            )
        }
    };

    let ship_target = match kind {
        DeadlineKind::Ship => order
            .paid
            .map(|paid| paid + hours(valid.policy().ship_target_hours)),
        _ => None,
    };
    let mut hints = HintSet::default();
    if kind == DeadlineKind::CancelResponse && order.side == Side::Seller && order.shipped.is_some()
    {
        hints.insert(Hint::RefuseWithTracking);
    }
    if kind == DeadlineKind::SupplierShip {
        hints.insert(Hint::CancelPossible);
    }
    if source != DeadlineSource::Computed {
        let computed = settings_deadline(kind, order, valid);
        if computed.is_some_and(|at| (at - deadline).abs() > SETTINGS_TOLERANCE) {
            hints.insert(Hint::SettingsDisagree);
        }
    }
    Outcome::Running(Clock {
        kind,
        deadline,
        source,
        ship_target,
        actionable: is_actionable(kind, order.side),
        hints,
    })
}
