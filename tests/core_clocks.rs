//! Every clock, by side and status, in both day-count modes, with weekends, holidays,
//! extension windows, the 2026 DST change in America/Los_Angeles, and given vs computed deadlines.

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use deadline_guard::core::{
    analyze, AnalyzedOrder, DayCount, DeadlineKind, DeadlineSource, ExtensionWindow, GivenDeadline,
    Hint, Order, OrderStatus, Policy, ReasonCode, Risk, Side,
};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn order(status: OrderStatus) -> Order {
    Order {
        id: "8000000000000001".into(),
        status: Some(status),
        ..Order::default()
    }
}

fn paid(status: OrderStatus, when: &str) -> Order {
    Order {
        paid: Some(at(when)),
        ..order(status)
    }
}

fn buyer(mut o: Order) -> Order {
    o.side = Side::Buyer;
    o
}

fn working(policy: Policy) -> Policy {
    Policy {
        day_count: DayCount::Working,
        ..policy
    }
}

fn one(order: Order, policy: &Policy, now: &str) -> AnalyzedOrder {
    let analysis = analyze(&[order], policy, at(now)).expect("valid policy");
    analysis
        .orders
        .into_iter()
        .next()
        .expect("one order in, one out")
}

struct Case {
    name: &'static str,
    policy: Policy,
    order: Order,
    now: &'static str,
    kind: DeadlineKind,
    deadline: &'static str,
    risk: Risk,
    hints: Vec<Hint>,
}

fn check(cases: Vec<Case>) {
    for case in cases {
        let got = one(case.order, &case.policy, case.now);
        assert_eq!(got.deadline_kind, Some(case.kind), "{}: {got:?}", case.name);
        assert_eq!(
            got.deadline,
            Some(at(case.deadline)),
            "{}: deadline",
            case.name
        );
        assert_eq!(
            got.deadline_source,
            Some(DeadlineSource::Computed),
            "{}",
            case.name
        );
        assert_eq!(got.risk, case.risk, "{}: risk", case.name);
        assert_eq!(got.hints, case.hints, "{}: hints", case.name);
        let left = (at(case.deadline) - at(case.now)).num_seconds();
        assert_eq!(got.seconds_left, Some(left), "{}: seconds left", case.name);
    }
}

#[test]
fn seller_clocks_in_calendar_mode() {
    use OrderStatus::*;
    let p = Policy::default;
    check(vec![
        Case {
            name: "risk control: paid + 24 h, informational",
            policy: p(),
            order: paid(RiskControl, "2026-05-04T10:00:00Z"),
            now: "2026-05-04T12:00:00Z",
            kind: DeadlineKind::Payment,
            deadline: "2026-05-05T10:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "awaiting the seller's amount check runs the same clock, here 6 h",
            policy: Policy {
                risk_control_hours: 6,
                ..p()
            },
            order: paid(WaitSellerExamineMoney, "2026-05-04T10:00:00Z"),
            now: "2026-05-04T12:00:00Z",
            kind: DeadlineKind::Payment,
            deadline: "2026-05-04T16:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "ship: paid + 7 × 24 h",
            policy: p(),
            order: paid(WaitSellerSendGoods, "2026-05-04T10:00:00Z"),
            now: "2026-05-04T12:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-05-11T10:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "ship: the order's own handling time wins; critical and past the target",
            policy: p(),
            order: Order {
                handling_days: Some(3),
                ..paid(WaitSellerSendGoods, "2026-05-04T10:00:00Z")
            },
            now: "2026-05-06T12:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-05-07T10:00:00Z",
            risk: Risk::Critical,
            hints: vec![Hint::PastInternalTarget, Hint::DoubleCheckShipButton],
        },
        Case {
            name: "ship: partially sent keeps the clock",
            policy: Policy {
                handling_days: 4,
                ..p()
            },
            order: Order {
                shipped: Some(at("2026-05-05T10:00:00Z")),
                ..paid(SellerPartSendGoods, "2026-05-04T10:00:00Z")
            },
            now: "2026-05-06T09:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-05-08T10:00:00Z",
            risk: Risk::Warning,
            hints: vec![],
        },
        Case {
            name: "ship: overdue",
            policy: p(),
            order: paid(WaitSellerSendGoods, "2026-05-04T10:00:00Z"),
            now: "2026-05-11T10:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-05-11T10:00:00Z",
            risk: Risk::Overdue,
            hints: vec![Hint::PastInternalTarget, Hint::DoubleCheckShipButton],
        },
        Case {
            name: "cancellation: request + 72 h",
            policy: p(),
            order: Order {
                cancel_requested: Some(at("2026-05-04T10:00:00Z")),
                ..order(InCancel)
            },
            now: "2026-05-05T10:00:00Z",
            kind: DeadlineKind::CancelResponse,
            deadline: "2026-05-07T10:00:00Z",
            risk: Risk::Warning,
            hints: vec![],
        },
        Case {
            name: "cancellation of a shipped order: refuse with the tracking number",
            policy: Policy {
                cancel_response_hours: 48,
                ..p()
            },
            order: Order {
                cancel_requested: Some(at("2026-05-04T10:00:00Z")),
                shipped: Some(at("2026-05-03T10:00:00Z")),
                ..paid(InCancel, "2026-05-01T10:00:00Z")
            },
            now: "2026-05-05T10:00:00Z",
            kind: DeadlineKind::CancelResponse,
            deadline: "2026-05-06T10:00:00Z",
            risk: Risk::Warning,
            hints: vec![Hint::RefuseWithTracking],
        },
        Case {
            name: "dispute: opened + 5 × 24 h, exact across the DST change",
            policy: p(),
            order: Order {
                dispute_opened: Some(at("2026-03-05T18:00:00Z")),
                ..order(InIssue)
            },
            now: "2026-03-10T00:00:00Z",
            kind: DeadlineKind::DisputeResponse,
            deadline: "2026-03-10T18:00:00Z",
            risk: Risk::Critical,
            hints: vec![],
        },
        Case {
            name: "receipt: the order's delivery promise (90 days), informational for the seller",
            policy: p(),
            order: Order {
                shipped: Some(at("2026-03-01T00:00:00Z")),
                receipt_days: Some(90),
                ..paid(WaitBuyerAcceptGoods, "2026-02-27T00:00:00Z")
            },
            now: "2026-05-29T12:00:00Z",
            kind: DeadlineKind::Receipt,
            deadline: "2026-05-30T00:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "receipt: the policy's 60 days without a promise",
            policy: p(),
            order: Order {
                shipped: Some(at("2026-03-01T00:00:00Z")),
                ..order(WaitBuyerAcceptGoods)
            },
            now: "2026-03-02T00:00:00Z",
            kind: DeadlineKind::Receipt,
            deadline: "2026-04-30T00:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
    ]);
}

#[test]
fn the_dst_change_does_not_shift_calendar_mode_deadlines() {
    // Paid Saturday 2026-03-07 10:00 PST (18:00 UTC); clocks go forward on Sunday 2026-03-08.
    use OrderStatus::*;
    let p = Policy::default;
    check(vec![
        Case {
            name: "1 × 24 h lands at 11:00 PDT, still 18:00 UTC",
            policy: Policy {
                handling_days: 1,
                ..p()
            },
            order: paid(WaitSellerSendGoods, "2026-03-07T18:00:00Z"),
            now: "2026-03-08T06:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-03-08T18:00:00Z",
            risk: Risk::Critical,
            hints: vec![Hint::DoubleCheckShipButton],
        },
        Case {
            name: "7 × 24 h",
            policy: p(),
            order: paid(WaitSellerSendGoods, "2026-03-07T18:00:00Z"),
            now: "2026-03-08T06:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-03-14T18:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "risk control across the change",
            policy: p(),
            order: paid(RiskControl, "2026-03-07T18:00:00Z"),
            now: "2026-03-08T06:00:00Z",
            kind: DeadlineKind::Payment,
            deadline: "2026-03-08T18:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
    ]);
    let got = one(
        paid(WaitSellerSendGoods, "2026-03-07T18:00:00Z"),
        &p(),
        "2026-03-08T06:00:00Z",
    );
    let local = got
        .deadline
        .unwrap()
        .with_timezone(&chrono_tz::America::Los_Angeles);
    assert_eq!(
        local.format("%Y-%m-%d %H:%M %Z").to_string(),
        "2026-03-14 11:00 PDT"
    );
}

#[test]
fn working_mode_counts_the_sellers_days() {
    use OrderStatus::*;
    let p = || working(Policy::default());
    let madrid_es = || Policy {
        seller_time_zone: Some("Europe/Madrid".into()),
        holiday_country: Some("ES".into()),
        ..p()
    };
    let shanghai_cn = || Policy {
        seller_time_zone: Some("Asia/Shanghai".into()),
        holiday_country: Some("CN".into()),
        ..p()
    };
    check(vec![
        Case {
            name: "Monday 03:00 PDT is day 1; 7 working days end Tuesday next week, midnight PDT",
            policy: p(),
            order: paid(WaitSellerSendGoods, "2026-05-04T10:00:00Z"),
            now: "2026-05-04T12:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-05-13T07:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "paid on Saturday: day 1 is Monday",
            policy: Policy {
                handling_days: 2,
                ..p()
            },
            order: paid(WaitSellerSendGoods, "2026-05-09T18:00:00Z"),
            now: "2026-05-09T19:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-05-13T07:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "Friday 23:30 PDT is still Friday in Los Angeles (Saturday in UTC)",
            policy: Policy {
                handling_days: 1,
                ..p()
            },
            order: paid(WaitSellerSendGoods, "2026-05-09T06:30:00Z"),
            now: "2026-05-09T06:40:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-05-09T07:00:00Z",
            risk: Risk::Critical,
            hints: vec![Hint::DoubleCheckShipButton],
        },
        Case {
            name: "a user holiday is skipped",
            policy: Policy {
                handling_days: 2,
                holidays: vec![day("2026-05-05")],
                ..p()
            },
            order: paid(WaitSellerSendGoods, "2026-05-04T10:00:00Z"),
            now: "2026-05-04T12:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-05-07T07:00:00Z",
            risk: Risk::Warning,
            hints: vec![],
        },
        Case {
            name: "a custom weekend (Friday and Saturday off)",
            policy: Policy {
                handling_days: 2,
                weekend: vec![Weekday::Fri, Weekday::Sat],
                ..p()
            },
            order: paid(WaitSellerSendGoods, "2026-05-07T16:00:00Z"),
            now: "2026-05-07T17:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-05-11T07:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "Spain: 1 May and the weekend are skipped, midnight in Madrid (CEST)",
            policy: Policy {
                handling_days: 3,
                ..madrid_es()
            },
            order: paid(WaitSellerSendGoods, "2026-04-30T08:00:00Z"),
            now: "2026-04-30T09:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-05-05T22:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "China: Saturday 14 Feb 2026 is a make-up working day",
            policy: Policy {
                handling_days: 2,
                ..shanghai_cn()
            },
            order: paid(WaitSellerSendGoods, "2026-02-13T02:00:00Z"),
            now: "2026-02-13T03:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-02-14T16:00:00Z",
            risk: Risk::Warning,
            hints: vec![],
        },
        Case {
            name: "China: the nine days of Spring Festival are skipped",
            policy: Policy {
                handling_days: 3,
                ..shanghai_cn()
            },
            order: paid(WaitSellerSendGoods, "2026-02-13T02:00:00Z"),
            now: "2026-02-13T03:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-02-24T16:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "the first working day after the DST change ends at midnight PDT",
            policy: Policy {
                handling_days: 1,
                ..p()
            },
            order: paid(WaitSellerSendGoods, "2026-03-07T18:00:00Z"),
            now: "2026-03-07T19:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-03-10T07:00:00Z",
            risk: Risk::Warning,
            hints: vec![],
        },
        Case {
            name: "a deadline after the autumn change ends at midnight PST",
            policy: Policy {
                handling_days: 2,
                ..p()
            },
            order: paid(WaitSellerSendGoods, "2026-10-30T17:00:00Z"),
            now: "2026-10-30T18:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-11-03T08:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
    ]);
}

#[test]
fn extension_windows_add_handling_days() {
    use OrderStatus::*;
    let new_year = || ExtensionWindow {
        from: day("2026-01-20"),
        to: day("2026-02-18"),
        extra_days: 7,
    };
    let calendar = || Policy {
        extensions: vec![new_year()],
        ..Policy::default()
    };
    check(vec![
        Case {
            name: "paid inside: 7 + 7 days",
            policy: calendar(),
            order: paid(WaitSellerSendGoods, "2026-02-01T00:00:00Z"),
            now: "2026-02-01T01:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-02-15T00:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "the last day counts (23:30 PST on 18 Feb is already 19 Feb in UTC)",
            policy: calendar(),
            order: paid(WaitSellerSendGoods, "2026-02-19T07:30:00Z"),
            now: "2026-02-19T08:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-03-05T07:30:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "the day after does not",
            policy: calendar(),
            order: paid(WaitSellerSendGoods, "2026-02-19T08:30:00Z"),
            now: "2026-02-19T09:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-02-26T08:30:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "working mode: 2 + 3 working days",
            policy: working(Policy {
                handling_days: 2,
                extensions: vec![ExtensionWindow {
                    extra_days: 3,
                    ..new_year()
                }],
                ..Policy::default()
            }),
            // Monday 2026-02-02 02:00 PST.
            order: paid(WaitSellerSendGoods, "2026-02-02T10:00:00Z"),
            now: "2026-02-02T11:00:00Z",
            kind: DeadlineKind::Ship,
            deadline: "2026-02-07T08:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
    ]);
}

#[test]
fn dropshipper_clocks_count_working_days() {
    use OrderStatus::*;
    let p = Policy::default;
    check(vec![
        Case {
            name: "supplier ships within 7 working days; cancelling is still possible",
            policy: p(),
            order: buyer(paid(WaitSellerSendGoods, "2026-05-04T10:00:00Z")),
            now: "2026-05-04T12:00:00Z",
            kind: DeadlineKind::SupplierShip,
            deadline: "2026-05-13T07:00:00Z",
            risk: Risk::Ok,
            hints: vec![Hint::CancelPossible],
        },
        Case {
            name: "supplier ship counts working days even in calendar mode",
            policy: Policy {
                day_count: DayCount::Calendar,
                supplier_ship_days: 1,
                ..p()
            },
            order: buyer(paid(WaitSellerSendGoods, "2026-05-09T18:00:00Z")),
            now: "2026-05-09T19:00:00Z",
            kind: DeadlineKind::SupplierShip,
            deadline: "2026-05-12T07:00:00Z",
            risk: Risk::Warning,
            hints: vec![Hint::CancelPossible],
        },
        Case {
            name: "cancellation refused: tracking proof within 5 working days, then open a dispute",
            policy: p(),
            order: buyer(Order {
                cancel_refused: Some(at("2026-05-04T10:00:00Z")),
                ..order(InCancel)
            }),
            now: "2026-05-10T00:00:00Z",
            kind: DeadlineKind::TrackingProof,
            deadline: "2026-05-09T07:00:00Z",
            risk: Risk::Overdue,
            hints: vec![Hint::OpenDispute],
        },
        Case {
            name: "tracking proof still running: no dispute yet",
            policy: p(),
            order: buyer(Order {
                cancel_refused: Some(at("2026-05-04T10:00:00Z")),
                ..order(InCancel)
            }),
            now: "2026-05-08T10:00:00Z",
            kind: DeadlineKind::TrackingProof,
            deadline: "2026-05-09T07:00:00Z",
            risk: Risk::Critical,
            hints: vec![],
        },
        Case {
            name: "cancellation agreed: the refund within 15 working days",
            policy: p(),
            order: buyer(Order {
                cancel_agreed: Some(at("2026-05-04T10:00:00Z")),
                ..order(InCancel)
            }),
            now: "2026-05-04T12:00:00Z",
            kind: DeadlineKind::Refund,
            deadline: "2026-05-23T07:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "cancellation asked, not answered: the supplier's 72 h, informational",
            policy: p(),
            order: buyer(Order {
                cancel_requested: Some(at("2026-05-04T10:00:00Z")),
                ..order(InCancel)
            }),
            now: "2026-05-07T09:00:00Z",
            kind: DeadlineKind::CancelResponse,
            deadline: "2026-05-07T10:00:00Z",
            risk: Risk::Ok,
            hints: vec![],
        },
        Case {
            name: "awaiting delivery: the receipt window matters to the dropshipper",
            policy: p(),
            order: buyer(Order {
                shipped: Some(at("2026-03-01T00:00:00Z")),
                ..paid(WaitBuyerAcceptGoods, "2026-02-27T00:00:00Z")
            }),
            now: "2026-04-29T12:00:00Z",
            kind: DeadlineKind::Receipt,
            deadline: "2026-04-30T00:00:00Z",
            risk: Risk::Critical,
            hints: vec![],
        },
    ]);
}

#[test]
fn a_given_deadline_wins_over_a_computed_one() {
    let page = GivenDeadline {
        at: at("2026-05-06T03:00:00Z"),
        source: DeadlineSource::Page,
    };
    let with_paid = Order {
        given_deadline: Some(page),
        ..paid(OrderStatus::WaitSellerSendGoods, "2026-05-04T10:00:00Z")
    };
    let got = one(with_paid, &Policy::default(), "2026-05-05T10:00:00Z");
    assert_eq!(got.deadline, Some(page.at));
    assert_eq!(got.deadline_source, Some(DeadlineSource::Page));
    assert_eq!(got.deadline_kind, Some(DeadlineKind::Ship));
    assert_eq!(got.risk, Risk::Critical);
    assert_eq!(got.ship_target, Some(at("2026-05-06T10:00:00Z")));

    // The API figure needs no payment time at all; there is then no internal target to show.
    let api = GivenDeadline {
        at: at("2026-05-07T10:00:00Z"),
        source: DeadlineSource::Api,
    };
    let without_paid = Order {
        given_deadline: Some(api),
        ..order(OrderStatus::WaitSellerSendGoods)
    };
    let got = one(without_paid, &Policy::default(), "2026-05-05T10:00:00Z");
    assert_eq!(
        (got.deadline, got.deadline_source),
        (Some(api.at), Some(DeadlineSource::Api))
    );
    assert_eq!(got.risk, Risk::Warning);
    assert_eq!(got.ship_target, None);

    let dispute = Order {
        given_deadline: Some(api),
        dispute_opened: Some(at("2026-05-01T00:00:00Z")),
        ..order(OrderStatus::InIssue)
    };
    let got = one(dispute, &Policy::default(), "2026-05-05T10:00:00Z");
    assert_eq!(
        (got.deadline, got.deadline_kind),
        (Some(api.at), Some(DeadlineKind::DisputeResponse))
    );
}

#[test]
fn computed_deadlines_say_so_and_ship_has_a_target() {
    let got = one(
        paid(OrderStatus::WaitSellerSendGoods, "2026-05-04T10:00:00Z"),
        &Policy::default(),
        "2026-05-04T11:00:00Z",
    );
    assert_eq!(got.deadline_source, Some(DeadlineSource::Computed));
    assert_eq!(got.ship_target, Some(at("2026-05-06T10:00:00Z")));
    assert!(got.actionable);
    assert_eq!(got.reason, None);
}

#[test]
fn statuses_without_a_clock_say_why() {
    use OrderStatus::*;
    let given = GivenDeadline {
        at: at("2026-05-06T00:00:00Z"),
        source: DeadlineSource::Page,
    };
    let cases = [
        (
            PlaceOrderSuccess,
            ReasonCode::AwaitingPayment,
            "awaiting payment",
        ),
        (FundProcessing, ReasonCode::Completed, "completed"),
        (Finish, ReasonCode::Completed, "completed"),
        (Archive, ReasonCode::Completed, "completed"),
        (InFrozen, ReasonCode::Frozen, "frozen by the platform"),
    ];
    for side in [Side::Seller, Side::Buyer] {
        for (status, code, reason) in cases {
            // Even a stray countdown does not start a clock on a finished order.
            let o = Order {
                side,
                given_deadline: Some(given),
                ..paid(status, "2026-05-01T00:00:00Z")
            };
            let got = one(o, &Policy::default(), "2026-05-04T00:00:00Z");
            assert_eq!(got.risk, Risk::None, "{status:?}");
            assert_eq!(got.reason_code, Some(code), "{status:?}");
            assert_eq!(got.reason.as_deref(), Some(reason), "{status:?}");
            assert_eq!(
                (got.deadline, got.deadline_kind),
                (None, None),
                "{status:?}"
            );
        }
    }
}

#[test]
fn informational_clocks_end_without_alarm() {
    use OrderStatus::*;
    let cases = [
        (
            "risk check over",
            paid(RiskControl, "2026-05-04T10:00:00Z"),
            "the risk check should be over",
        ),
        (
            "receipt over",
            Order {
                shipped: Some(at("2026-03-01T00:00:00Z")),
                ..order(WaitBuyerAcceptGoods)
            },
            "the order completes automatically",
        ),
        (
            "supplier did not answer the cancellation",
            buyer(Order {
                cancel_requested: Some(at("2026-05-01T00:00:00Z")),
                ..order(InCancel)
            }),
            "accepted automatically",
        ),
    ];
    for (name, o, reason) in cases {
        let got = one(o, &Policy::default(), "2026-05-30T00:00:00Z");
        assert_eq!(got.risk, Risk::None, "{name}");
        assert_eq!(got.reason_code, Some(ReasonCode::ClockEnded), "{name}");
        assert!(
            got.reason.as_deref().unwrap().contains(reason),
            "{name}: {got:?}"
        );
        assert!(got.seconds_left.unwrap() < 0, "{name}");
        assert!(!got.actionable, "{name}");
    }
}
