//! The dropshipper's "My Orders" page, pure part: lines of an `.order-item` → a buyer-side order
//! → the engine's clock → the badge, with DOMAIN.md's defaults (7 working days for the supplier,
//! 5 for the tracking proof, 15 for the refund) and with changed settings.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::America::Los_Angeles;
use deadline_guard::core::engine::analyze_one;
use deadline_guard::core::{
    AnalyzedOrder, DeadlineKind, Hint, Order, OrderStatus, Policy, Risk, Side,
};
use deadline_guard::present::buyer::{buyer_badge, buyer_hint, short_date};
use deadline_guard::read::buyer_page::{buyer_status, complete_buyer_order};
use deadline_guard::read::{DateOrder, Lang};

/// Wed 25 Nov 2026, 10:00 in Los Angeles.
fn now() -> DateTime<Utc> {
    Los_Angeles
        .with_ymd_and_hms(2026, 11, 25, 10, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn order(status: Option<OrderStatus>, lines: &[&str], order_lang: DateOrder) -> Order {
    let mut order = Order {
        id: "8123456789012345".into(),
        status,
        side: Side::Buyer,
        ..Order::default()
    };
    complete_buyer_order(&mut order, lines, order_lang, Los_Angeles);
    order
}

fn verdict(order: &Order, policy: &Policy) -> AnalyzedOrder {
    analyze_one(order, &policy.validate().unwrap(), now())
}

fn badge(order: &Order, policy: &Policy, lang: Lang) -> Option<String> {
    buyer_badge(
        &verdict(order, policy),
        &policy.validate().unwrap(),
        lang,
        now(),
    )
}

#[test]
fn awaiting_shipment_runs_the_supplier_clock_in_working_days() {
    let policy = Policy::default();
    let o = order(
        Some(OrderStatus::WaitSellerSendGoods),
        &[
            "Awaiting shipment",
            "Order date: Nov 18, 2026",
            "Order ID: 8123456789012345",
            "Copy",
        ],
        DateOrder::MonthFirst,
    );
    assert!(
        o.paid.is_some(),
        "the order date stands for the payment time"
    );
    let v = verdict(&o, &policy);
    assert_eq!(v.deadline_kind, Some(DeadlineKind::SupplierShip));
    // Wed 18 is day 1; the 7th working day is Thu 26 Nov: today and tomorrow are left.
    assert_eq!(
        v.deadline,
        Some(
            Los_Angeles
                .with_ymd_and_hms(2026, 11, 27, 0, 0, 0)
                .unwrap()
                .with_timezone(&Utc)
        )
    );
    assert_eq!(
        badge(&o, &policy, Lang::En).as_deref(),
        Some("Supplier must ship within 2 working days")
    );
    assert_eq!(
        badge(&o, &policy, Lang::Es).as_deref(),
        Some("El proveedor debe enviar en 2 días hábiles")
    );
    assert!(v.hints.contains(&Hint::CancelPossible), "{:?}", v.hints);
    assert_eq!(
        buyer_hint(Hint::CancelPossible, Lang::En),
        Some("Cancel now: not shipped yet")
    );
}

#[test]
fn supplier_days_setting_is_honoured() {
    let policy = Policy {
        supplier_ship_days: 10,
        ..Policy::default()
    };
    let o = order(
        Some(OrderStatus::WaitSellerSendGoods),
        &["Order date: Nov 18, 2026"],
        DateOrder::MonthFirst,
    );
    // Day 10 is Tue 1 Dec: Wed, Thu, Fri, Mon, Tue left.
    assert_eq!(
        badge(&o, &policy, Lang::En).as_deref(),
        Some("Supplier must ship within 5 working days")
    );
    let holiday = Policy {
        holidays: vec![chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()],
        ..Policy::default()
    };
    assert_eq!(
        badge(&o, &holiday, Lang::En).as_deref(),
        Some("Supplier must ship within 2 working days"),
        "Thu 26 off: the clock ends Fri 27"
    );
}

#[test]
fn refused_cancellation_asks_for_the_tracking_number_by_a_date() {
    let policy = Policy::default();
    let o = order(
        Some(OrderStatus::WaitBuyerAcceptGoods),
        &[
            "Awaiting delivery",
            "Order date: Nov 16, 2026",
            "Cancellation refused: Nov 25, 2026",
        ],
        DateOrder::MonthFirst,
    );
    assert_eq!(o.status, Some(OrderStatus::InCancel));
    assert_eq!(
        verdict(&o, &policy).deadline_kind,
        Some(DeadlineKind::TrackingProof)
    );
    assert_eq!(
        badge(&o, &policy, Lang::En).as_deref(),
        Some("Ask for the tracking number by Tue 1 Dec")
    );
    let spanish = order(
        None,
        &[
            "Cancelación rechazada",
            "Fecha del pedido: 16 nov 2026",
            "Cancelación rechazada: 25 nov 2026",
        ],
        DateOrder::DayFirst,
    );
    assert_eq!(
        badge(&spanish, &policy, Lang::Es).as_deref(),
        Some("Pide el número de seguimiento antes del mar 1 dic")
    );
    let shorter = Policy {
        tracking_proof_days: 2,
        ..Policy::default()
    };
    assert_eq!(
        badge(&o, &shorter, Lang::En).as_deref(),
        Some("Ask for the tracking number by Thu 26 Nov")
    );
}

#[test]
fn late_tracking_proof_says_open_a_dispute() {
    let o = order(
        None,
        &[
            "Cancellation refused",
            "Order date: Nov 2, 2026",
            "Cancellation refused: Nov 10, 2026",
        ],
        DateOrder::MonthFirst,
    );
    let v = verdict(&o, &Policy::default());
    assert_eq!(v.risk, Risk::Overdue);
    assert!(v.hints.contains(&Hint::OpenDispute), "{:?}", v.hints);
    assert_eq!(
        badge(&o, &Policy::default(), Lang::En),
        None,
        "overdue keeps the shared wording"
    );
}

#[test]
fn agreed_cancellation_runs_the_refund_clock_until_refunded() {
    let policy = Policy::default();
    let o = order(
        Some(OrderStatus::Finish),
        &[
            "Closed",
            "Order date: Nov 20, 2026",
            "Cancelled on: Nov 23, 2026",
        ],
        DateOrder::MonthFirst,
    );
    assert_eq!(
        verdict(&o, &policy).deadline_kind,
        Some(DeadlineKind::Refund)
    );
    assert_eq!(
        badge(&o, &policy, Lang::En).as_deref(),
        Some("Refund due by Fri 11 Dec")
    );
    let done = order(
        Some(OrderStatus::Finish),
        &[
            "Closed",
            "Order date: Nov 20, 2026",
            "Cancelled on: Nov 23, 2026",
            "Refunded on: Nov 24, 2026",
        ],
        DateOrder::MonthFirst,
    );
    assert_eq!(verdict(&done, &policy).risk, Risk::None);
    let quick = Policy {
        refund_days: 3,
        ..Policy::default()
    };
    assert_eq!(
        badge(&o, &quick, Lang::En).as_deref(),
        Some("Refund due by Wed 25 Nov")
    );
}

#[test]
fn shipped_orders_get_the_receipt_date() {
    let o = order(
        Some(OrderStatus::WaitBuyerAcceptGoods),
        &["Order date: Nov 18, 2026", "Shipped on: Nov 21, 2026"],
        DateOrder::MonthFirst,
    );
    // Sat 21 Nov 00:00 + 60 × 24 h = Wed 20 Jan 00:00: the last whole day is Tue 19 Jan.
    assert_eq!(
        badge(&o, &Policy::default(), Lang::En).as_deref(),
        Some("Confirm receipt or open a dispute by Tue 19 Jan")
    );
    let policy = Policy {
        receipt_days: 90,
        ..Policy::default()
    };
    assert_eq!(
        badge(&o, &policy, Lang::En).as_deref(),
        Some("Confirm receipt or open a dispute by Thu 18 Feb")
    );
}

#[test]
fn unpaid_and_unreadable_orders_say_so() {
    let unpaid = order(
        Some(OrderStatus::PlaceOrderSuccess),
        &["Order date: Nov 24, 2026"],
        DateOrder::MonthFirst,
    );
    assert!(unpaid.paid.is_none());
    assert_eq!(verdict(&unpaid, &Policy::default()).risk, Risk::None);
    let bad = order(
        Some(OrderStatus::WaitSellerSendGoods),
        &["Order date: Nov 31, 2026"],
        DateOrder::MonthFirst,
    );
    assert_eq!(bad.read_errors.len(), 1, "{:?}", bad.read_errors);
    assert!(
        bad.read_errors[0].starts_with("Order date: Nov 31, 2026"),
        "{:?}",
        bad.read_errors
    );
    assert_eq!(verdict(&bad, &Policy::default()).risk, Risk::Unreadable);
}

#[test]
fn buyer_only_status_labels_and_dates_in_every_language() {
    assert_eq!(
        buyer_status("Refund in progress"),
        Some(OrderStatus::InCancel)
    );
    assert_eq!(
        buyer_status("Reembolso en curso"),
        Some(OrderStatus::InCancel)
    );
    assert_eq!(
        buyer_status("Awaiting shipment"),
        None,
        "shared labels are read-text's"
    );
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(short_date(day, Lang::En), "Tue 1 Dec");
    assert_eq!(short_date(day, Lang::Es), "mar 1 dic");
    assert_eq!(short_date(day, Lang::De), "Di 1. Dez.");
    assert_eq!(short_date(day, Lang::Zh), "12月1日 周二");
    for lang in Lang::ALL {
        assert!(!short_date(day, lang).contains('{'));
        assert!(buyer_hint(Hint::CancelPossible, lang).is_some());
    }
}
