//! Order statuses: the Open Platform codes, one vocabulary for the seller and the buyer side.

use serde::{Deserialize, Serialize};

/// An order status, serialized as the Open Platform `order_status` code.
///
/// The buyer-side "My Orders" labels map onto the same codes (DOMAIN.md):
/// awaiting payment → `PLACE_ORDER_SUCCESS`, to ship → `WAIT_SELLER_SEND_GOODS`,
/// awaiting delivery → `WAIT_BUYER_ACCEPT_GOODS`, completed and closed → `FINISH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OrderStatus {
    /// Placed, not paid yet.
    PlaceOrderSuccess,
    /// Payment under the platform's risk check (24 h after payment).
    RiskControl,
    /// Risk check put on hold.
    RiskControlHold,
    /// Payment being processed.
    PaymentProcessing,
    /// Waiting for the seller to confirm the amount.
    WaitSellerExamineMoney,
    /// Paid; the seller must ship (the handling-time clock runs).
    WaitSellerSendGoods,
    /// Some items shipped; the handling-time clock still runs for the rest.
    SellerPartSendGoods,
    /// The buyer asked to cancel; the seller must answer.
    InCancel,
    /// Shipped; waiting for the buyer to confirm receipt.
    WaitBuyerAcceptGoods,
    /// Funds being released.
    FundProcessing,
    /// A dispute is open; the seller must answer.
    InIssue,
    /// Locked by the platform.
    InFrozen,
    /// Completed or closed.
    Finish,
    /// Archived (completed long ago).
    Archive,
}

impl OrderStatus {
    /// Every status, in the order of the order's life.
    pub const ALL: [OrderStatus; 14] = [
        OrderStatus::PlaceOrderSuccess,
        OrderStatus::RiskControl,
        OrderStatus::RiskControlHold,
        OrderStatus::PaymentProcessing,
        OrderStatus::WaitSellerExamineMoney,
        OrderStatus::WaitSellerSendGoods,
        OrderStatus::SellerPartSendGoods,
        OrderStatus::InCancel,
        OrderStatus::WaitBuyerAcceptGoods,
        OrderStatus::FundProcessing,
        OrderStatus::InIssue,
        OrderStatus::InFrozen,
        OrderStatus::Finish,
        OrderStatus::Archive,
    ];

    /// The Open Platform code, e.g. `WAIT_SELLER_SEND_GOODS`.
    pub fn code(self) -> &'static str {
        match self {
            OrderStatus::PlaceOrderSuccess => "PLACE_ORDER_SUCCESS",
            OrderStatus::RiskControl => "RISK_CONTROL",
            OrderStatus::RiskControlHold => "RISK_CONTROL_HOLD",
            OrderStatus::PaymentProcessing => "PAYMENT_PROCESSING",
            OrderStatus::WaitSellerExamineMoney => "WAIT_SELLER_EXAMINE_MONEY",
            OrderStatus::WaitSellerSendGoods => "WAIT_SELLER_SEND_GOODS",
            OrderStatus::SellerPartSendGoods => "SELLER_PART_SEND_GOODS",
            OrderStatus::InCancel => "IN_CANCEL",
            OrderStatus::WaitBuyerAcceptGoods => "WAIT_BUYER_ACCEPT_GOODS",
            OrderStatus::FundProcessing => "FUND_PROCESSING",
            OrderStatus::InIssue => "IN_ISSUE",
            OrderStatus::InFrozen => "IN_FROZEN",
            OrderStatus::Finish => "FINISH",
            OrderStatus::Archive => "ARCHIVE",
        }
    }

    /// The status for an Open Platform code; `None` for a code this crate does not know.
    pub fn from_code(code: &str) -> Option<OrderStatus> {
        OrderStatus::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
    }
}

/// Whose view of the order this is: the seller center, or a dropshipper's buyer-side "My Orders".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    /// The seller center: the seller must ship and answer.
    #[default]
    Seller,
    /// A dropshipper buying from a supplier: the supplier must ship; the dropshipper watches.
    Buyer,
}
