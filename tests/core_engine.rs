//! The entry point: unreadable orders, sorting by urgency, counts, policy errors and the JSON shape.

use chrono::{DateTime, Duration, Utc};
use deadline_guard::core::{
    analyze, Analysis, DeadlineKind, DeadlineSource, GivenDeadline, Order, OrderStatus, Policy,
    ReasonCode, Risk, RiskCounts, Side,
};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

const NOW: &str = "2026-05-10T12:00:00Z";

fn order(id: &str, status: Option<OrderStatus>) -> Order {
    Order {
        id: id.into(),
        status,
        ..Order::default()
    }
}

fn run(orders: &[Order]) -> Analysis {
    analyze(orders, &Policy::default(), at(NOW)).expect("valid policy")
}

#[test]
fn unreadable_orders_name_what_is_missing_or_contradictory() {
    use OrderStatus::*;
    let paid = Some(at("2026-05-08T12:00:00Z"));
    let cases: Vec<(&str, Order, ReasonCode, Option<DeadlineKind>, &str)> = vec![
        (
            "no status",
            Order { read_errors: vec!["status: \"Enviado?\" is not a status".into()], ..order("1", None) },
            ReasonCode::StatusUnknown,
            None,
            "the status could not be read (could not read: status: \"Enviado?\" is not a status)",
        ),
        (
            "ship clock without a payment time",
            Order { read_errors: vec!["payment time: 31/02/2026 is not a date".into()], ..order("2", Some(WaitSellerSendGoods)) },
            ReasonCode::MissingTime,
            Some(DeadlineKind::Ship),
            "the payment time is missing (could not read: payment time: 31/02/2026 is not a date)",
        ),
        ("risk check without payment", order("3", Some(RiskControl)), ReasonCode::MissingTime, Some(DeadlineKind::Payment), "the payment time is missing"),
        ("cancellation without request time", order("4", Some(InCancel)), ReasonCode::MissingTime, Some(DeadlineKind::CancelResponse), "the cancellation request time is missing"),
        ("dispute without opening time", order("5", Some(InIssue)), ReasonCode::MissingTime, Some(DeadlineKind::DisputeResponse), "the dispute opening time is missing"),
        ("receipt without shipping time", order("6", Some(WaitBuyerAcceptGoods)), ReasonCode::MissingTime, Some(DeadlineKind::Receipt), "the shipping time is missing"),
        (
            "supplier ship without payment",
            Order { side: Side::Buyer, ..order("7", Some(WaitSellerSendGoods)) },
            ReasonCode::MissingTime,
            Some(DeadlineKind::SupplierShip),
            "the payment time is missing",
        ),
        (
            "paid before created",
            Order { created: Some(at("2026-05-09T00:00:00Z")), paid, ..order("8", Some(WaitSellerSendGoods)) },
            ReasonCode::Contradiction,
            Some(DeadlineKind::Ship),
            "the payment time (2026-05-08 12:00 UTC) is before the creation time (2026-05-09 00:00 UTC)",
        ),
        (
            "paid in the future",
            Order { paid: Some(at("2026-05-10T15:00:00Z")), ..order("9", Some(WaitSellerSendGoods)) },
            ReasonCode::Contradiction,
            Some(DeadlineKind::Ship),
            "the payment time (2026-05-10 15:00 UTC) is in the future",
        ),
        (
            "shipped while the status says not shipped",
            Order { paid, shipped: Some(at("2026-05-09T00:00:00Z")), ..order("10", Some(WaitSellerSendGoods)) },
            ReasonCode::Contradiction,
            Some(DeadlineKind::Ship),
            "the order has a shipping time (2026-05-09 00:00 UTC) but its status WAIT_SELLER_SEND_GOODS says it is not shipped",
        ),
        (
            "shipped before paid",
            Order { paid, shipped: Some(at("2026-05-01T00:00:00Z")), ..order("11", Some(WaitBuyerAcceptGoods)) },
            ReasonCode::Contradiction,
            Some(DeadlineKind::Receipt),
            "the shipping time (2026-05-01 00:00 UTC) is before the payment time (2026-05-08 12:00 UTC)",
        ),
        (
            "cancellation both refused and agreed",
            Order {
                side: Side::Buyer,
                cancel_refused: Some(at("2026-05-09T00:00:00Z")),
                cancel_agreed: Some(at("2026-05-09T01:00:00Z")),
                ..order("12", Some(InCancel))
            },
            ReasonCode::Contradiction,
            None,
            "the cancellation is both refused (2026-05-09 00:00 UTC) and agreed (2026-05-09 01:00 UTC)",
        ),
        (
            "a handling time of 0 days",
            Order { paid, handling_days: Some(0), ..order("13", Some(WaitSellerSendGoods)) },
            ReasonCode::Contradiction,
            Some(DeadlineKind::Ship),
            "the order's handling time of 0 days is outside 1–90",
        ),
        (
            "a delivery promise of 400 days",
            Order { paid, shipped: paid, receipt_days: Some(400), ..order("14", Some(WaitBuyerAcceptGoods)) },
            ReasonCode::Contradiction,
            Some(DeadlineKind::Receipt),
            "the order's delivery promise of 400 days is outside 1–365",
        ),
    ];
    for (name, o, code, kind, reason) in cases {
        let analysis = run(&[o]);
        let got = &analysis.orders[0];
        assert_eq!(got.risk, Risk::Unreadable, "{name}");
        assert_eq!(got.reason_code, Some(code), "{name}");
        assert_eq!(got.deadline_kind, kind, "{name}");
        assert_eq!(got.reason.as_deref(), Some(reason), "{name}");
        assert_eq!(
            (got.deadline, got.seconds_left),
            (None, None),
            "{name}: never a guessed deadline"
        );
        assert_eq!(analysis.counts.unreadable, 1, "{name}");
    }
}

#[test]
fn a_contradiction_is_not_hidden_by_a_given_deadline() {
    let o = Order {
        paid: Some(at("2026-05-11T12:00:00Z")),
        given_deadline: Some(GivenDeadline {
            at: at("2026-05-12T00:00:00Z"),
            source: DeadlineSource::Page,
        }),
        ..order("1", Some(OrderStatus::WaitSellerSendGoods))
    };
    assert_eq!(run(&[o]).orders[0].risk, Risk::Unreadable);
}

#[test]
fn a_few_minutes_of_clock_skew_is_tolerated_but_no_more() {
    let now = at(NOW);
    for (ahead, risk) in [
        (Duration::minutes(10), Risk::Ok),
        (
            Duration::minutes(10) + Duration::seconds(1),
            Risk::Unreadable,
        ),
    ] {
        let o = Order {
            paid: Some(now + ahead),
            ..order("1", Some(OrderStatus::WaitSellerSendGoods))
        };
        assert_eq!(run(&[o]).orders[0].risk, risk, "{ahead}");
    }
}

#[test]
fn read_errors_do_not_spoil_a_computable_clock() {
    let o = Order {
        paid: Some(at("2026-05-09T12:00:00Z")),
        read_errors: vec!["buyer name: unreadable".into()],
        ..order("1", Some(OrderStatus::WaitSellerSendGoods))
    };
    let got = &run(&[o]).orders[0];
    assert_eq!(got.risk, Risk::Ok);
    assert_eq!(got.reason, None);
}

fn ship(id: &str, hours_left: i64) -> Order {
    // Calendar mode, 7 days: paid 168 h before the deadline.
    let deadline = at(NOW) + Duration::hours(hours_left);
    Order {
        paid: Some(deadline - Duration::hours(168)),
        ..order(id, Some(OrderStatus::WaitSellerSendGoods))
    }
}

#[test]
fn orders_come_most_urgent_first_with_counts() {
    let orders = vec![
        order("none-b", Some(OrderStatus::Finish)),
        ship("ok", 100),
        ship("warning", 30),
        order("unreadable", None),
        ship("critical-late", 20),
        ship("overdue", -5),
        ship("critical-soon", 2),
        order("none-a", Some(OrderStatus::InFrozen)),
        ship("critical-tie-b", 10),
        ship("critical-tie-a", 10),
        ship("overdue-more", -50),
    ];
    let analysis = run(&orders);
    let ids: Vec<&str> = analysis
        .orders
        .iter()
        .map(|o| o.order_id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "overdue-more",
            "overdue",
            "critical-soon",
            "critical-tie-a",
            "critical-tie-b",
            "critical-late",
            "unreadable",
            "warning",
            "ok",
            "none-a",
            "none-b"
        ]
    );
    assert_eq!(
        analysis.counts,
        RiskCounts {
            overdue: 2,
            critical: 4,
            warning: 1,
            ok: 1,
            none: 2,
            unreadable: 1,
            total: 11
        }
    );
}

#[test]
fn an_ended_informational_clock_sorts_before_orders_without_one() {
    let ended = Order {
        paid: Some(at("2026-05-01T00:00:00Z")),
        ..order("z-ended", Some(OrderStatus::RiskControl))
    };
    let analysis = run(&[order("a-done", Some(OrderStatus::Finish)), ended]);
    let ids: Vec<&str> = analysis
        .orders
        .iter()
        .map(|o| o.order_id.as_str())
        .collect();
    assert_eq!(ids, ["z-ended", "a-done"]);
}

#[test]
fn no_orders_give_empty_counts() {
    let analysis = run(&[]);
    assert!(analysis.orders.is_empty());
    assert_eq!(analysis.counts, RiskCounts::default());
}

#[test]
fn a_bad_policy_is_refused_before_any_order_is_looked_at() {
    let policy = Policy {
        handling_days: 0,
        ..Policy::default()
    };
    let errors = analyze(&[ship("1", 5)], &policy, at(NOW)).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "handlingDays");
}

#[test]
fn the_json_shape_is_camel_case_with_snake_case_values() {
    let o = Order {
        shipped: Some(at("2026-05-01T00:00:00Z")),
        cancel_requested: Some(at("2026-05-10T00:00:00Z")),
        paid: Some(at("2026-04-30T00:00:00Z")),
        ..order("8123456789012345", Some(OrderStatus::InCancel))
    };
    let json = serde_json::to_value(run(&[o])).unwrap();
    let first = &json["orders"][0];
    assert_eq!(first["orderId"], "8123456789012345");
    assert_eq!(first["status"], "IN_CANCEL");
    assert_eq!(first["deadlineKind"], "cancel_response");
    assert_eq!(first["deadlineSource"], "computed");
    assert_eq!(first["deadline"], "2026-05-13T00:00:00Z");
    assert_eq!(first["secondsLeft"], 60 * 3600);
    assert_eq!(first["risk"], "warning");
    assert_eq!(first["hints"][0], "refuse_with_tracking");
    assert_eq!(first["actionable"], true);
    assert_eq!(json["counts"]["warning"], 1);
    assert_eq!(json["counts"]["total"], 1);
    // And back: the widget may hand an analysis to another part of the page.
    let back: Analysis = serde_json::from_value(json).unwrap();
    assert_eq!(back.orders[0].risk, Risk::Warning);
}

#[test]
fn orders_arrive_as_camel_case_json() {
    let o: Order = serde_json::from_str(
        r#"{"id":"1","status":"WAIT_SELLER_SEND_GOODS","side":"seller","paid":"2026-05-09T12:00:00Z","handlingDays":2}"#,
    )
    .unwrap();
    let got = &run(&[o]).orders[0];
    assert_eq!(got.deadline, Some(at("2026-05-11T12:00:00Z")));
    // Exactly 24 h left is not yet critical.
    assert_eq!(got.risk, Risk::Warning);
}
