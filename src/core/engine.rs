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
    // The id travels in the key: the sort's tie-break and the final copy then never reach back
    // into the (large, randomly ordered) orders.
    let mut verdicts: Vec<Verdict> = Vec::with_capacity(orders.len());
    let mut keys: Vec<(u64, u128, u32, &str)> = Vec::with_capacity(orders.len());
    for (i, order) in orders.iter().enumerate() {
        let (verdict, seconds_left) = verdict(order, policy, now);
        let id = order.id.as_str();
        keys.push((
            urgency(verdict.risk, seconds_left),
            id_prefix(id),
            i as u32,
            id,
        ));
        verdicts.push(verdict);
    }
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
        .map(|(_, prefix, i, id)| {
            let v = std::mem::take(&mut verdicts[i as usize]);
            count(&mut counts, v.risk);
            v.into_analyzed(id_from_key(prefix, id), now)
        })
        .collect();
    Analysis {
        orders: analysed,
        counts,
    }
}

/// The verdict on one order.
pub fn analyze_one(order: &Order, policy: &ValidPolicy, now: DateTime<Utc>) -> AnalyzedOrder {
    verdict(order, policy, now)
        .0
        .into_analyzed(order.id.clone(), now)
}

/// An `AnalyzedOrder` without the id, and without allocating unless the reason had to be
/// written out; one cache line, since the second pass reads them in random order.
#[repr(align(64))]
struct Verdict {
    /// Meaningful when `has_deadline`.
    deadline: DateTime<Utc>,
    /// Meaningful when `has_ship_target`.
    ship_target: DateTime<Utc>,
    reason: Reason,
    status: Option<OrderStatus>,
    risk: Risk,
    kind: Option<DeadlineKind>,
    source: Option<DeadlineSource>,
    reason_code: Option<ReasonCode>,
    actionable: bool,
    hints: HintSet,
    has_deadline: bool,
    has_ship_target: bool,
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
            deadline: DateTime::UNIX_EPOCH,
            ship_target: DateTime::UNIX_EPOCH,
            reason: Reason::Nothing,
            status: None,
            risk: Risk::None,
            kind: None,
            source: None,
            reason_code: None,
            actionable: false,
            hints: HintSet::default(),
            has_deadline: false,
            has_ship_target: false,
        }
    }
}

impl Verdict {
    fn into_analyzed(self, order_id: String, now: DateTime<Utc>) -> AnalyzedOrder {
        let deadline = self.has_deadline.then_some(self.deadline);
        AnalyzedOrder {
            order_id,
            status: self.status,
            deadline,
            deadline_kind: self.kind,
            deadline_source: self.source,
            seconds_left: deadline.map(|d| whole_seconds(d - now)),
            risk: self.risk,
            reason: match self.reason {
                Reason::Nothing => None,
                Reason::Fixed(text) => Some(text.to_string()),
                Reason::Written(text) => Some(text),
            },
            reason_code: self.reason_code,
            actionable: self.actionable,
            hints: self.hints.to_vec(),
            ship_target: self.has_ship_target.then_some(self.ship_target),
        }
    }
}

/// The compact verdict on one order, and its seconds left (for the sort key).
fn verdict(order: &Order, policy: &ValidPolicy, now: DateTime<Utc>) -> (Verdict, Option<i64>) {
    let mut verdict = Verdict {
        status: order.status,
        ..Verdict::default()
    };
    let mut seconds_left = None;
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
            verdict.deadline = clock.deadline;
            verdict.has_deadline = true;
            verdict.kind = Some(clock.kind);
            verdict.source = Some(clock.source);
            seconds_left = Some(whole_seconds(left));
            verdict.actionable = clock.actionable;
            if let Some(target) = clock.ship_target {
                verdict.ship_target = target;
                verdict.has_ship_target = true;
            }
            verdict.hints = hints;
        }
    }
    (verdict, seconds_left)
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

/// The id as a new `String`, rebuilt from the key's copy of its bytes when it fits there
/// (AliExpress ids do), so the orders' scattered heap strings are not read again.
fn id_from_key(prefix: u128, id: &str) -> String {
    let bytes = prefix.to_be_bytes();
    match bytes.get(..id.len()).map(std::str::from_utf8) {
        Some(Ok(text)) => text.to_string(),
        _ => id.to_string(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_fits_one_cache_line() {
        assert_eq!(std::mem::size_of::<Verdict>(), 64);
    }

    #[test]
    fn ids_rebuilt_from_the_key_are_the_ids() {
        for id in [
            "",
            "8",
            "8123456789012345",
            "81234567890123456789",
            "pedido-ñ-1",
            "ñññññññññ",
        ] {
            assert_eq!(id_from_key(id_prefix(id), id), id);
        }
    }

    #[test]
    fn the_id_prefix_orders_like_the_bytes() {
        let mut ids = [
            "9",
            "10",
            "8123456789012345",
            "81234567890123456",
            "",
            "a",
            "A",
        ];
        let mut by_prefix = ids;
        ids.sort_unstable();
        by_prefix.sort_by_key(|id| id_prefix(id));
        assert_eq!(ids, by_prefix);
    }
}
