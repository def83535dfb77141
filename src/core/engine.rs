//! The one entry point: orders, a policy and `now` in; every order's clock and risk out, most urgent first.

use chrono::{DateTime, Utc};

use super::analysis::{Analysis, AnalyzedOrder, ReasonCode, Risk, RiskCounts};
use super::deadline::{clock_for, ended_reason, Outcome};
use super::order::Order;
use super::policy::{Policy, PolicyError};
use super::risk::{classify_left, time_hints, whole_seconds};
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
    let analysed: Vec<AnalyzedOrder> = orders
        .iter()
        .map(|order| analyze_one(order, policy, now))
        .collect();
    let analysed = sort_by_urgency(analysed);
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
            let left = clock.deadline - now;
            let mut risk = classify_left(left, p.critical_hours, p.warning_hours);
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
            verdict.seconds_left = Some(whole_seconds(left));
            verdict.actionable = clock.actionable;
            verdict.ship_target = clock.ship_target;
            verdict.hints = hints;
        }
    }
    verdict
}

/// Sorts small keys, not the verdicts themselves, then moves each verdict once into place:
/// shuffling 100,000 large structs and chasing their ids through memory cost more than
/// analysing the orders.
fn sort_by_urgency(mut analysed: Vec<AnalyzedOrder>) -> Vec<AnalyzedOrder> {
    let mut keys: Vec<(u64, u128, usize)> = analysed
        .iter()
        .enumerate()
        .map(|(i, o)| (urgency(o.risk, o.seconds_left), id_prefix(&o.order_id), i))
        .collect();
    keys.sort_unstable_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| analysed[a.2].order_id.cmp(&analysed[b.2].order_id))
            // The input position keeps the result deterministic when ids repeat.
            .then(a.2.cmp(&b.2))
    });
    // source[k]: where the verdict for position k is now. Follow each cycle, swapping.
    let mut source: Vec<usize> = keys.into_iter().map(|(.., i)| i).collect();
    for start in 0..source.len() {
        let mut at = start;
        while source[at] != usize::MAX {
            let from = source[at];
            source[at] = usize::MAX;
            if from == start {
                break;
            }
            analysed.swap(at, from);
            at = from;
        }
    }
    analysed
}

/// Risk in the top bits, then seconds left (offset to unsigned), orders without a deadline
/// after those with one at the same risk.
fn urgency(risk: Risk, seconds_left: Option<i64>) -> u64 {
    const SECONDS_BITS: u32 = 60;
    const LIMIT: i64 = 1 << (SECONDS_BITS - 2);
    let seconds = match seconds_left {
        // Clamped to ±2^58 s (billions of years): real deadlines never get near.
        Some(s) => (s.clamp(-LIMIT, LIMIT - 1) + LIMIT) as u64,
        None => (1u64 << SECONDS_BITS) - 1,
    };
    ((risk as u64) << SECONDS_BITS) | seconds
}

/// The id's first 16 bytes as a big-endian number, zero-padded: ordering these orders ids as
/// their bytes do (AliExpress ids are 16 digits), so the full strings are compared only on a tie.
fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = id.len().min(16);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
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
