//! The one entry point: orders, a policy and `now` in; every order's clock and risk out, most urgent first.

use chrono::{DateTime, Utc};

use super::analysis::{Analysis, AnalyzedOrder, ReasonCode, Risk, RiskCounts};
use super::deadline::{clock_for, ended_reason, Outcome};
use super::order::Order;
use super::policy::{Policy, PolicyError};
use super::risk::{classify, seconds_left, time_hints};
use super::validate::ValidPolicy;

/// Validates the policy, then analyses the orders (see `analyze_valid`).
pub fn analyze(
    orders: &[Order],
    policy: &Policy,
    now: DateTime<Utc>,
) -> Result<Analysis, Vec<PolicyError>> {
    let valid = policy.validate()?;
    Ok(analyze_valid(orders, &valid, now))
}

/// Analyses the orders against an already validated policy: one verdict per order, sorted by
/// risk (overdue, critical, unreadable, warning, ok, none), then by time left (least first, orders
/// without a deadline last), then by id; and the count at each risk level.
pub fn analyze_valid(orders: &[Order], policy: &ValidPolicy, now: DateTime<Utc>) -> Analysis {
    let mut analysed: Vec<AnalyzedOrder> = orders
        .iter()
        .map(|order| analyze_one(order, policy, now))
        .collect();
    analysed.sort_by(|a, b| {
        a.risk
            .cmp(&b.risk)
            .then_with(|| match (a.seconds_left, b.seconds_left) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.order_id.cmp(&b.order_id))
    });
    let counts = count(&analysed);
    Analysis {
        orders: analysed,
        counts,
    }
}

/// The verdict on one order.
pub fn analyze_one(order: &Order, policy: &ValidPolicy, now: DateTime<Utc>) -> AnalyzedOrder {
    let mut verdict = AnalyzedOrder {
        order_id: order.id.clone(),
        status: order.status,
        deadline: None,
        deadline_kind: None,
        deadline_source: None,
        seconds_left: None,
        risk: Risk::None,
        reason: None,
        reason_code: None,
        actionable: false,
        hints: Vec::new(),
        ship_target: None,
    };
    match clock_for(order, policy, now) {
        Outcome::Stopped { code, reason } => {
            verdict.reason_code = Some(code);
            verdict.reason = Some(reason);
        }
        Outcome::Unreadable { kind, code, reason } => {
            verdict.risk = Risk::Unreadable;
            verdict.deadline_kind = kind;
            verdict.reason_code = Some(code);
            verdict.reason = Some(reason);
        }
        Outcome::Running(clock) => {
            let p = policy.policy();
            let mut risk = classify(clock.deadline, now, p.critical_hours, p.warning_hours);
            if !clock.actionable {
                // The platform resolves these clocks itself: running is fine, ended means it moved on.
                if risk == Risk::Overdue {
                    risk = Risk::None;
                    verdict.reason_code = Some(ReasonCode::ClockEnded);
                    verdict.reason = Some(ended_reason(clock.kind).into());
                } else {
                    risk = Risk::Ok;
                }
            }
            let mut hints = clock.hints;
            time_hints(clock.kind, risk, now, clock.ship_target, &mut hints);
            verdict.risk = risk;
            verdict.deadline = Some(clock.deadline);
            verdict.deadline_kind = Some(clock.kind);
            verdict.deadline_source = Some(clock.source);
            verdict.seconds_left = Some(seconds_left(clock.deadline, now));
            verdict.actionable = clock.actionable;
            verdict.ship_target = clock.ship_target;
            verdict.hints = hints;
        }
    }
    verdict
}

fn count(orders: &[AnalyzedOrder]) -> RiskCounts {
    let mut counts = RiskCounts::default();
    for order in orders {
        let slot = match order.risk {
            Risk::Overdue => &mut counts.overdue,
            Risk::Critical => &mut counts.critical,
            Risk::Unreadable => &mut counts.unreadable,
            Risk::Warning => &mut counts.warning,
            Risk::Ok => &mut counts.ok,
            Risk::None => &mut counts.none,
        };
        *slot += 1;
        counts.total += 1;
    }
    counts
}
