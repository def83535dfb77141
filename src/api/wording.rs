//! The words the widget shows, until the shared `present` module (eight languages) is merged:
//! the same function names and arguments, so the switch is one `use` line.

use crate::core::{AnalyzedOrder, DeadlineKind, Hint, Risk};
use crate::read::Lang;

/// "1 d 4 h", "3 h 20 min", "45 min" (sign ignored).
pub(crate) fn duration(seconds: i64, _lang: Lang) -> String {
    let minutes = seconds.unsigned_abs() / 60;
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (days, hours, mins) {
        (0, 0, 0) => "under a minute".into(),
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m} min"),
        (d, 0, _) => format!("{d} d"),
        (d, h, _) => format!("{d} d {h} h"),
    }
}

/// The badge of one analysed order: "Ship within 1 d 4 h", "Overdue by 3 h".
pub(crate) fn badge(order: &AnalyzedOrder, lang: Lang) -> String {
    match (order.risk, order.deadline_kind, order.seconds_left) {
        (Risk::Unreadable, ..) => format!("Unreadable: {}", reason(order, lang)),
        (Risk::Overdue, _, left) => format!("Overdue by {}", duration(left.unwrap_or(0), lang)),
        (_, Some(kind), Some(left)) => format!("{} within {}", verb(kind), duration(left, lang)),
        _ => reason(order, lang),
    }
}

fn verb(kind: DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::Payment => "Payment check ends",
        DeadlineKind::Ship => "Ship",
        DeadlineKind::CancelResponse => "Answer the cancellation",
        DeadlineKind::DisputeResponse => "Answer the dispute",
        DeadlineKind::Receipt => "Buyer confirms receipt",
        DeadlineKind::SupplierShip => "Supplier ships",
        DeadlineKind::TrackingProof => "Get the tracking number",
        DeadlineKind::Refund => "Refund due",
    }
}

/// Why an order has no clock or an unreadable one.
pub(crate) fn reason(order: &AnalyzedOrder, _lang: Lang) -> String {
    order.reason.clone().unwrap_or_else(|| match order.risk {
        Risk::None => "No deadline running".into(),
        _ => "status unknown".into(),
    })
}

/// A hint as a short sentence.
pub(crate) fn hint(hint: Hint, _lang: Lang) -> &'static str {
    match hint {
        Hint::RefuseWithTracking => "Refuse the cancellation with the tracking number",
        Hint::PastInternalTarget => "Past your internal ship target",
        Hint::DoubleCheckShipButton => "Check the ship button is still active",
        Hint::CancelPossible => "Not shipped yet: it can still be cancelled",
        Hint::OpenDispute => "No tracking number: open a dispute",
    }
}

/// The name of a risk level.
pub(crate) fn risk_label(risk: Risk, _lang: Lang) -> &'static str {
    match risk {
        Risk::Overdue => "Overdue",
        Risk::Critical => "Critical",
        Risk::Warning => "Warning",
        Risk::Ok => "OK",
        Risk::None => "No deadline",
        Risk::Unreadable => "Unreadable",
    }
}

/// The panel's name of a status (DOMAIN.md's table).
pub(crate) fn status_label(status: crate::core::OrderStatus, _lang: Lang) -> &'static str {
    use crate::core::OrderStatus as S;
    match status {
        S::PlaceOrderSuccess => "Pending payment",
        S::RiskControl | S::RiskControlHold => "Risk control",
        S::PaymentProcessing => "Payment processing",
        S::WaitSellerExamineMoney => "Awaiting your confirmation of the amount",
        S::WaitSellerSendGoods => "Pending shipment",
        S::SellerPartSendGoods => "Partially sent",
        S::InCancel => "Buyer requested cancellation",
        S::WaitBuyerAcceptGoods => "Waiting for buyer to confirm receipt",
        S::FundProcessing => "Funds processing",
        S::InIssue => "In dispute",
        S::InFrozen => "Locked",
        S::Finish => "Order complete",
        S::Archive => "Archived",
    }
}
