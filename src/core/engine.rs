//! The one entry point: orders, a policy and `now` in; every order's clock and risk out, most urgent first.
//!
//! Three steps: a compact verdict and an urgency per order (no allocation for most orders);
//! the urgency order (`urgency_order`, an integer sort for AliExpress-style ids); then, in that
//! order, the public `AnalyzedOrder`s. With 100,000 orders memory traffic and the sort cost more
//! than the deadlines themselves, so the verdict is one cache line holding the id's bytes (the
//! orders are not read again), no large struct is moved by the sort, and only reasons written
//! out for one order allocate.

use std::borrow::Cow;

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};

use super::analysis::Hint;
use super::analysis::{Analysis, AnalyzedOrder, DeadlineKind, ReasonCode, Risk, RiskCounts};
use super::deadline::{
    clock_at, ended_reason, settings_deadline, stopped_reason, Outcome, FUTURE_TOLERANCE,
};
use super::order::{DeadlineSource, Order};
use super::order_id::OrderId;
use super::policy::{Policy, PolicyError};
use super::risk::{classify_left, time_hints, whole_seconds, HintSet};
use super::status::OrderStatus;
use super::urgency_order::{id_prefix, UrgencyOrder};
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
    let mut verdicts: Vec<Verdict> = Vec::with_capacity(orders.len());
    let mut order = UrgencyOrder::with_capacity(orders.len());
    // Unreadable orders' reasons, by input position (so in ascending position).
    let mut written: Vec<(u32, String)> = Vec::new();
    let at = At::new(now);
    for (i, o) in orders.iter().enumerate() {
        let (verdict, reason) = verdict(o, policy, at);
        if let Some(reason) = reason {
            written.push((i as u32, reason));
        }
        order.push(
            urgency(verdict.risk, verdict.seconds_left()),
            &o.id,
            verdict.id_prefix,
        );
        verdicts.push(verdict);
    }
    let positions = order.positions(|i| orders[i].id.as_str());
    // Gathered in a loop of its own: a few instructions per verdict let the processor fetch many
    // of these random reads at once, where the building loop below would wait for each.
    let sorted: Vec<Verdict> = positions.iter().map(|&i| verdicts[i as usize]).collect();
    drop(verdicts);
    let mut counts = RiskCounts::default();
    let analysed = positions
        .iter()
        .zip(sorted)
        .map(|(&position, v)| {
            counts.add(v.risk);
            let id = v
                .id()
                .unwrap_or_else(|| OrderId::from(orders[position as usize].id.as_str()));
            let reason = if v.risk == Risk::Unreadable {
                written
                    .binary_search_by_key(&position, |(at, _)| *at)
                    .ok()
                    .map(|at| Cow::Owned(std::mem::take(&mut written[at].1)))
            } else {
                fixed_reason(&v)
            };
            // Read again for the few orders whose settings disagree: the verdict has no room left.
            let settings = v.settings_deadline(&orders[position as usize], policy);
            v.into_analyzed(id, reason, settings)
        })
        .collect();
    Analysis {
        orders: analysed,
        counts,
    }
}

/// The reason of a verdict whose reason is not written out for the order.
fn fixed_reason(v: &Verdict) -> Option<Cow<'static, str>> {
    match (v.reason_code, v.kind) {
        (Some(ReasonCode::ClockEnded), Some(kind)) => Some(Cow::Borrowed(ended_reason(kind))),
        (Some(code), _) => Some(Cow::Borrowed(stopped_reason(code))),
        (None, _) => None,
    }
}

/// The verdict on one order.
pub fn analyze_one(order: &Order, policy: &ValidPolicy, now: DateTime<Utc>) -> AnalyzedOrder {
    let (verdict, written) = verdict(order, policy, At::new(now));
    let reason = match written {
        Some(text) => Some(Cow::Owned(text)),
        None => fixed_reason(&verdict),
    };
    let settings = verdict.settings_deadline(order, policy);
    verdict.into_analyzed(OrderId::from(order.id.as_str()), reason, settings)
}

/// An `AnalyzedOrder` without the reason's text: one cache line, since the second pass reads
/// them in random order.
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Verdict {
    /// The id's first 16 bytes, zero-padded.
    id_prefix: [u8; 16],
    /// Meaningful when `deadline` is set.
    seconds_left: i64,
    deadline: Option<DateTime<Utc>>,
    ship_target: Option<DateTime<Utc>>,
    status: Option<OrderStatus>,
    risk: Risk,
    kind: Option<DeadlineKind>,
    source: Option<DeadlineSource>,
    reason_code: Option<ReasonCode>,
    actionable: bool,
    hints: HintSet,
    /// The id's length in bytes, saturated at `u8::MAX`.
    id_len: u8,
}

impl Verdict {
    /// The id, when it fits in `id_prefix` (AliExpress ids do).
    fn id(&self) -> Option<OrderId> {
        OrderId::from_padded(self.id_prefix, self.id_len)
    }

    fn seconds_left(&self) -> Option<i64> {
        self.deadline.map(|_| self.seconds_left)
    }

    /// The deadline the settings compute, for a verdict with the hint `settings_disagree`.
    fn settings_deadline(&self, order: &Order, policy: &ValidPolicy) -> Option<DateTime<Utc>> {
        let kind = self.kind?;
        if !self.hints.contains(&Hint::SettingsDisagree) {
            return None;
        }
        settings_deadline(kind, order, policy)
    }

    fn into_analyzed(
        self,
        order_id: OrderId,
        reason: Option<Cow<'static, str>>,
        settings_deadline: Option<DateTime<Utc>>,
    ) -> AnalyzedOrder {
        AnalyzedOrder {
            order_id,
            status: self.status,
            deadline: self.deadline,
            deadline_kind: self.kind,
            deadline_source: self.source,
            seconds_left: self.seconds_left(),
            risk: self.risk,
            reason,
            reason_code: self.reason_code,
            actionable: self.actionable,
            hints: self.hints,
            ship_target: self.ship_target,
            settings_deadline,
        }
    }
}

/// `now`, and the latest time an order's own times may show: shared by a whole list.
#[derive(Clone, Copy)]
struct At {
    now: DateTime<Utc>,
    latest: DateTime<Utc>,
    /// `now` as days since 1 January of year 1, seconds into that day and nanoseconds.
    day: i64,
    second: i64,
    nano: i64,
}

impl At {
    fn new(now: DateTime<Utc>) -> At {
        let naive = now.naive_utc();
        At {
            now,
            // Saturated: a `now` at the very end of time must not panic.
            latest: now
                .checked_add_signed(FUTURE_TOLERANCE)
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
            day: i64::from(naive.date().num_days_from_ce()),
            second: i64::from(naive.time().num_seconds_from_midnight()),
            nano: i64::from(naive.time().nanosecond()),
        }
    }

    /// `deadline - now`, from day numbers: chrono's general subtraction works through 400-year
    /// cycles, which showed in profiles. Leap seconds (a fraction of a second of 1 s or more)
    /// take chrono's way.
    fn left(&self, deadline: DateTime<Utc>) -> Duration {
        let naive = deadline.naive_utc();
        let nano = i64::from(naive.time().nanosecond());
        if nano >= 1_000_000_000 || self.nano >= 1_000_000_000 {
            return deadline - self.now;
        }
        let seconds = (i64::from(naive.date().num_days_from_ce()) - self.day) * 86_400
            + i64::from(naive.time().num_seconds_from_midnight())
            - self.second;
        let nanos = nano - self.nano;
        let (seconds, nanos) = if nanos < 0 {
            (seconds - 1, nanos + 1_000_000_000)
        } else {
            (seconds, nanos)
        };
        // In range: both instants are valid `DateTime`s, far inside `Duration`'s bounds.
        Duration::new(seconds, nanos as u32).unwrap_or_else(|| deadline - self.now)
    }
}

/// The compact verdict on one order, and the reason when it had to be written out for it.
fn verdict(order: &Order, policy: &ValidPolicy, at: At) -> (Verdict, Option<String>) {
    let now = at.now;
    let mut verdict = Verdict {
        id_prefix: id_prefix(&order.id),
        seconds_left: 0,
        deadline: None,
        ship_target: None,
        status: order.status,
        risk: Risk::None,
        kind: None,
        source: None,
        reason_code: None,
        actionable: false,
        hints: HintSet::default(),
        id_len: u8::try_from(order.id.len()).unwrap_or(u8::MAX),
    };
    let mut written = None;
    match clock_at(order, policy, at.latest) {
        Outcome::Stopped { code, .. } => verdict.reason_code = Some(code),
        Outcome::Unreadable { kind, code, reason } => {
            verdict.risk = Risk::Unreadable;
            verdict.kind = kind;
            verdict.reason_code = Some(code);
            written = Some(reason);
        }
        Outcome::Running(clock) => {
            let p = policy.policy();
            let left = at.left(clock.deadline);
            let mut risk = classify_left(left, p.critical_hours, p.warning_hours);
            if !clock.actionable {
                // The platform resolves these clocks itself: running is fine, ended means it moved on.
                if risk == Risk::Overdue {
                    risk = Risk::None;
                    verdict.reason_code = Some(ReasonCode::ClockEnded);
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
            verdict.seconds_left = whole_seconds(left);
            verdict.actionable = clock.actionable;
            verdict.ship_target = clock.ship_target;
            verdict.hints = hints;
        }
    }
    (verdict, written)
}

/// The low bits of an urgency that hold the seconds left.
pub(super) const URGENCY_SECONDS_BITS: u32 = 60;

/// The seconds part of the urgency of an order without a deadline: after every deadline.
pub(super) const NO_DEADLINE_SECONDS: u64 = (1 << URGENCY_SECONDS_BITS) - 1;

/// Risk in the top bits, then seconds left (offset to unsigned), orders without a deadline
/// after those with one at the same risk.
fn urgency(risk: Risk, seconds_left: Option<i64>) -> u64 {
    const SECONDS_BITS: u32 = URGENCY_SECONDS_BITS;
    const LIMIT: i64 = 1 << (SECONDS_BITS - 2);
    let seconds = match seconds_left {
        // Clamped to ±2^58 s (billions of years): real deadlines never get near.
        Some(s) => (s.clamp(-LIMIT, LIMIT - 1) + LIMIT) as u64,
        None => NO_DEADLINE_SECONDS,
    };
    ((risk as u64) << SECONDS_BITS) | seconds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_fits_one_cache_line() {
        assert_eq!(std::mem::size_of::<Verdict>(), 64);
    }

    #[test]
    fn time_left_is_chronos_subtraction() {
        use chrono::{NaiveDate, NaiveTime, TimeZone};
        let instant = |y: i32, m: u32, d: u32, h: u32, nano: u32| {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let time = NaiveTime::from_hms_nano_opt(h, 59, 59, nano).unwrap();
            Utc.from_utc_datetime(&date.and_time(time))
        };
        let instants = [
            instant(2026, 5, 10, 12, 0),
            instant(2026, 5, 10, 12, 1),
            instant(2026, 5, 10, 11, 999_999_999),
            instant(2026, 12, 31, 23, 500_000_000),
            instant(2027, 1, 1, 0, 0),
            instant(2024, 2, 29, 6, 123),
            instant(1970, 1, 1, 0, 0),
            instant(1, 1, 1, 0, 7),
            instant(-44, 3, 15, 10, 0),
            instant(-262_000, 1, 1, 0, 0),
            instant(262_000, 12, 31, 23, 999_999_999),
            // Leap seconds.
            instant(2016, 12, 31, 23, 1_000_000_000),
            instant(2016, 12, 31, 23, 1_999_999_999),
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
        ];
        for now in instants {
            let at = At::new(now);
            for deadline in instants {
                assert_eq!(at.left(deadline), deadline - now, "{deadline} - {now}");
            }
        }
    }

    #[test]
    fn ids_rebuilt_from_the_verdict_are_the_ids() {
        let policy = Policy::default().validate().unwrap();
        let now = DateTime::UNIX_EPOCH;
        for id in ["", "8", "8123456789012345", "pedido-ñ-1", "ñññññññ"] {
            let order = Order {
                id: id.to_string(),
                ..Order::default()
            };
            assert_eq!(verdict(&order, &policy, At::new(now)).0.id().unwrap(), id);
        }
        for long in ["81234567890123456789", "ñññññññññ"] {
            let order = Order {
                id: long.to_string(),
                ..Order::default()
            };
            assert_eq!(
                verdict(&order, &policy, At::new(now)).0.id(),
                None,
                "{long}"
            );
        }
    }
}
