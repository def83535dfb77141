//! The words the widget shows: the shared `present` module (badges, hints and risk names in the
//! eight panel languages, the same as the extension's), plus the names of statuses.

use crate::read::Lang;

pub(crate) use crate::present::{badge, hint, risk_label};

/// The panel's name of a status (DOMAIN.md's table), in English: `present` has no status names yet.
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
