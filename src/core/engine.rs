//! The one entry point: orders, a policy and `now` in; every order's clock and risk out, most urgent first.
//!
//! Two passes: first a compact verdict per order (no allocation for most orders), then, in
//! urgency order, the public `AnalyzedOrder`s. Building them in their final order means no large
//! struct is moved by the sort and their strings are allocated, and later freed, in sequence:
//! with 100,000 orders the allocator and the sort cost more than the deadlines themselves.

use chrono::{DateTime, Utc};

use super::analysis::{Analysis, AnalyzedOrder, DeadlineKind, ReasonCode, Risk, RiskCounts};
use super::deadline::{clock_for, ended_reason, Outcome};
use super::order::{DeadlineSource, Order};
use super::policy::{Policy, PolicyError};
use super::risk::{classify_left, time_hints, whole_seconds, HintSet};
use super::status::OrderStatus;
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
    let mut verdicts: Vec<Verdict> = orders.iter().map(|o| verdict(o, policy, now)).collect();
    // The id travels in the key: the sort's tie-break and the final copy then never reach back
    // into the (large, randomly ordered) orders.
    let mut keys: Vec<(u64, u128, u32, &str)> = verdicts
        .iter()
        .zip(orders)
        .enumerate()
        .map(|(i, (v, o))| {
            let id = o.id.as_str();
            (urgency(v.risk, v.seconds_left), id_prefix(id), i as u32, id)
        })
        .collect();
    keys.sort_unstable_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| a.3.cmp(b.3))
            // The input position keeps the result deterministic when ids repeat.
            .then(a.2.cmp(&b.2))
    });
    let mut counts = RiskCounts::default();
    let analysed = keys
        .into_iter()
        .map(|(_, _, i, id)| {
            let v = std::mem::take(&mut verdicts[i as usize]);
            count(&mut counts, v.risk);
            v.into_analyzed(id)
        })
        .collect();
    Analysis {
        orders: analysed,
        counts,
    }
}

/// The verdict on one order.
pub fn analyze_one(order: &Order, policy: &ValidPolicy, now: DateTime<Utc>) -> AnalyzedOrder {
    verdict(order, policy, now).into_analyzed(&order.id)
}

/// An `AnalyzedOrder` without the parts copied from the order, and without allocating unless
/// the reason had to be written out.
struct Verdict {
    status: Option<OrderStatus>,
    risk: Risk,
    deadline: Option<DateTime<Utc>>,
    kind: Option<DeadlineKind>,
    source: Option<DeadlineSource>,
    seconds_left: Option<i64>,
    reason: Reason,
    reason_code: Option<ReasonCode>,
    actionable: bool,
    hints: HintSet,
    ship_target: Option<DateTime<Utc>>,
}

enum Reason {
    Nothing,
    Fixed(&'static str),
    Written(String),
}

impl Default for Verdict {
    /// No clock, no reason yet: the state `verdict` starts from (and leaves behind when taken).
    fn default() -> Self {
        Verdict {
            status: None,
            risk: Risk::None,
            deadline: None,
            kind: None,
            source: None,
            seconds_left: None,
            reason: Reason::Nothing,
            reason_code: None,
            actionable: false,
            hints: HintSet::default(),
            ship_target: None,
        }
    }
}

impl Verdict {
    fn into_analyzed(self, id: &str) -> AnalyzedOrder {
        AnalyzedOrder {
            order_id: id.to_string(),
            status: self.status,
            deadline: self.deadline,
            deadline_kind: self.kind,
            deadline_source: self.source,
            seconds_left: self.seconds_left,
            risk: self.risk,
            reason: match self.reason {
                Reason::Nothing => None,
                Reason::Fixed(text) => Some(text.to_string()),
                Reason::Written(text) => Some(text),
            },
            reason_code: self.reason_code,
            actionable: self.actionable,
            hints: self.hints.to_vec(),
            ship_target: self.ship_target,
        }
    }
}

fn verdict(order: &Order, policy: &ValidPolicy, now: DateTime<Utc>) -> Verdict {
    let mut verdict = Verdict {
        status: order.status,
        ..Verdict::default()
    };
    match clock_for(order, policy, now) {
        Outcome::Stopped { code, reason } => {
            verdict.reason_code = Some(code);
            verdict.reason = Reason::Fixed(reason);
        }
        Outcome::Unreadable { kind, code, reason } => {
            verdict.risk = Risk::Unreadable;
            verdict.kind = kind;
            verdict.reason_code = Some(code);
            verdict.reason = Reason::Written(reason);
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
                    verdict.reason = Reason::Fixed(ended_reason(clock.kind));
                } else {
                    risk = Risk::Ok;
                }
            }
            let mut hints = clock.hints;
            time_hints(clock.kind, risk, now, clock.ship_target, &mut hints);
            verdict.risk = risk;
            verdict.deadline = Some(clock.deadline);
            verdict.kind = Some(clock.kind);
            verdict.source = Some(clock.source);
            verdict.seconds_left = Some(whole_seconds(left));
            verdict.actionable = clock.actionable;
            verdict.ship_target = clock.ship_target;
            verdict.hints = hints;
        }
    }
    verdict
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

/// The id's first 16 bytes as a big-endian number, zero-padded: it orders ids as their bytes
/// do (AliExpress ids are 16 digits), so the full strings are compared only on a tie.
fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = id.len().min(16);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

fn count(counts: &mut RiskCounts, risk: Risk) {
    let slot = match risk {
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
