//! What the orders teach about the settings. An order that shows both the start of its clock and
//! the platform's own deadline (a countdown on the page, a deadline field of the API) is a
//! measurement of the rule the platform applied: deadline − payment is the handling time,
//! deadline − request the cancellation window, deadline − opening the time to answer a dispute.
//! Enough orders on one value make a suggestion for the setting; orders that spread (a handling
//! time set per product) say so with their range instead.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::analysis::DeadlineKind;
use super::calendar::Calendar;
use super::deadline::{clock_for, Outcome};
use super::order::{DeadlineSource, Order};
use super::policy::{DayCount, Policy};
use super::validate::ValidPolicy;

/// How far a stated deadline may lie from a whole number of the setting's unit and still measure
/// it: a countdown in minutes is read up to a minute short, and the page may have drawn it a
/// minute or two before the snapshot. Countdowns in whole hours measure nothing (they are off by
/// up to an hour, which would make 71 h and 72 h alike).
pub const READ_TOLERANCE: Duration = Duration::minutes(5);

/// Fewest measured orders for a suggestion.
pub const MIN_SAMPLES: u32 = 3;

/// Least share of the measured orders, in percent, that must agree on one value for a suggestion.
pub const MIN_AGREEING_PERCENT: u32 = 60;

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

/// A setting the orders can measure, named as the policy's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Setting {
    /// `handlingDays` (with `dayCount`).
    HandlingDays,
    /// `cancelResponseHours`.
    CancelResponseHours,
    /// `disputeResponseDays`.
    DisputeResponseDays,
}

impl Setting {
    /// The policy field's camelCase name.
    pub fn name(self) -> &'static str {
        match self {
            Setting::HandlingDays => "handlingDays",
            Setting::CancelResponseHours => "cancelResponseHours",
            Setting::DisputeResponseDays => "disputeResponseDays",
        }
    }

    /// Every setting, in the policy's order.
    pub const ALL: [Setting; 3] = [
        Setting::HandlingDays,
        Setting::CancelResponseHours,
        Setting::DisputeResponseDays,
    ];

    /// The setting named so (camelCase), if any.
    pub fn from_name(name: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The largest value the policy accepts (`validate`'s bounds), so a measurement is one.
    pub fn max(self) -> u32 {
        match self {
            Setting::HandlingDays | Setting::DisputeResponseDays => 90,
            Setting::CancelResponseHours => 720,
        }
    }

    /// The value in force.
    pub fn of(self, policy: &Policy) -> u32 {
        match self {
            Setting::HandlingDays => policy.handling_days,
            Setting::CancelResponseHours => policy.cancel_response_hours,
            Setting::DisputeResponseDays => policy.dispute_response_days,
        }
    }
}

/// One order's measurement of the rule the platform applied. Serialized only: what comes back
/// from the page is read by hand (`api::calibrate`), since serde's derived readers bring float
/// formatting into the wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sample {
    /// The setting measured.
    pub setting: Setting,
    /// The clock's length in the setting's unit (for the handling time, calendar days of 24 h);
    /// absent when it is no whole number of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<u32>,
    /// Handling time only: the deadline is the end of this many working days of the seller's
    /// calendar, counted as the engine counts them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<u32>,
}

/// The measurement an order gives, from the deadline its source stated for its running clock.
/// `None` when the clock is not one the settings decide, its start is unknown, its length is no
/// whole number of the unit, the payment falls in an extension window (the platform added days),
/// or the order carries its own handling time (`goods_prepare_time`, not the store's setting).
pub fn measure(
    order: &Order,
    kind: DeadlineKind,
    deadline: DateTime<Utc>,
    valid: &ValidPolicy,
) -> Option<Sample> {
    let (setting, start) = match kind {
        DeadlineKind::Ship => (Setting::HandlingDays, order.paid?),
        DeadlineKind::CancelResponse => (Setting::CancelResponseHours, order.cancel_requested?),
        DeadlineKind::DisputeResponse => (Setting::DisputeResponseDays, order.dispute_opened?),
        _ => return None,
    };
    let max = setting.max();
    let length = deadline - start;
    let sample = match setting {
        Setting::HandlingDays => {
            let calendar = valid.calendar();
            if order.handling_days.is_some() || calendar.extension_days_at(start) > 0 {
                return None;
            }
            Sample {
                setting,
                value: whole(length, DAY, max),
                working: working_days(calendar, start, deadline, max),
            }
        }
        Setting::CancelResponseHours => Sample {
            setting,
            value: whole(length, HOUR, max),
            working: None,
        },
        Setting::DisputeResponseDays => Sample {
            setting,
            value: whole(length, DAY, max),
            working: None,
        },
    };
    (sample.value.is_some() || sample.working.is_some()).then_some(sample)
}

/// The measurement of an order whose source states the deadline of its running clock, at `now`.
pub fn measure_order(order: &Order, valid: &ValidPolicy, now: DateTime<Utc>) -> Option<Sample> {
    match clock_for(order, valid, now) {
        Outcome::Running(clock) if clock.source != DeadlineSource::Computed => {
            measure(order, clock.kind, clock.deadline, valid)
        }
        _ => None,
    }
}

/// `length` as a whole number (1..=`max`) of `unit` seconds, within `READ_TOLERANCE`.
fn whole(length: Duration, unit: i64, max: u32) -> Option<u32> {
    let seconds = length.num_seconds();
    let n = (seconds + unit / 2).div_euclid(unit);
    let off = (seconds - n * unit).abs();
    let n = u32::try_from(n).ok().filter(|n| (1..=max).contains(n))?;
    (off <= READ_TOLERANCE.num_seconds()).then_some(n)
}

/// N such that `deadline` is the end of the Nth working day after `start`, within `READ_TOLERANCE`.
fn working_days(
    calendar: &Calendar,
    start: DateTime<Utc>,
    deadline: DateTime<Utc>,
    max: u32,
) -> Option<u32> {
    for n in 1..=max {
        let end = calendar.working_deadline(start, n)?;
        if (end - deadline).abs() <= READ_TOLERANCE {
            return Some(n);
        }
        if end > deadline {
            return None;
        }
    }
    None
}

/// What the measured orders say about one setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// The value to use: at least `MIN_SAMPLES` orders measured and at least
    /// `MIN_AGREEING_PERCENT` % of them on it; `None` when they are too few or spread.
    pub suggested: Option<u32>,
    /// The orders measured.
    pub samples: u32,
    /// The orders on the most common value (the suggested one, when there is a suggestion).
    pub agreeing: u32,
    /// The value in force.
    pub setting: u32,
    /// Whether the suggestion is the value in force (and, for the handling time, its day count).
    pub matches_setting: bool,
    /// The smallest and largest value measured.
    pub range: [u32; 2],
    /// Handling time only: whether calendar or working days fit the orders.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_count: Option<DayCount>,
}

/// One suggestion per setting the orders measured; a setting without any sample is absent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Calibration {
    /// The handling time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handling_days: Option<Suggestion>,
    /// The cancellation window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancel_response_hours: Option<Suggestion>,
    /// The time to answer a dispute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dispute_response_days: Option<Suggestion>,
}

impl Calibration {
    /// Whether no setting was measured.
    pub fn is_empty(&self) -> bool {
        self.handling_days.is_none()
            && self.cancel_response_hours.is_none()
            && self.dispute_response_days.is_none()
    }

    /// Each setting with its suggestion when measured, in the policy's order. (An array, not an
    /// iterator adaptor: every adaptor instantiated costs wasm.)
    pub fn entries(&self) -> [(Setting, Option<&Suggestion>); 3] {
        [
            (Setting::HandlingDays, self.handling_days.as_ref()),
            (
                Setting::CancelResponseHours,
                self.cancel_response_hours.as_ref(),
            ),
            (
                Setting::DisputeResponseDays,
                self.dispute_response_days.as_ref(),
            ),
        ]
    }
}

/// How many samples gave each value (a handful of distinct values: a list is enough).
#[derive(Default)]
struct Tally(Vec<(u32, u32)>);

impl Tally {
    fn add(&mut self, value: Option<u32>) {
        let Some(v) = value else { return };
        for (value, count) in &mut self.0 {
            if *value == v {
                *count += 1;
                return;
            }
        }
        self.0.push((v, 1));
    }

    fn total(&self) -> u32 {
        let mut total = 0;
        for &(_, count) in &self.0 {
            total += count;
        }
        total
    }

    /// The most common value and its count; a tie goes to the value in force, else the smallest.
    /// (Plain loops: each iterator adaptor instantiated here would cost wasm.)
    fn top(&self, in_force: u32) -> Option<(u32, u32)> {
        let mut best: Option<(u32, u32)> = None;
        for &(value, count) in &self.0 {
            let better = match best {
                None => true,
                Some((best_value, best_count)) => {
                    count > best_count
                        || (count == best_count
                            && best_value != in_force
                            && (value == in_force || value < best_value))
                }
            };
            if better {
                best = Some((value, count));
            }
        }
        best
    }

    fn range(&self) -> [u32; 2] {
        let mut range = [u32::MAX, 0];
        for &(value, _) in &self.0 {
            range = [range[0].min(value), range[1].max(value)];
        }
        if self.0.is_empty() {
            [0, 0]
        } else {
            range
        }
    }
}

/// The suggestion per setting from the samples, against the policy in force.
pub fn calibrate<'a>(
    samples: impl IntoIterator<Item = &'a Sample>,
    policy: &Policy,
) -> Calibration {
    let mut calendar = Tally::default();
    let mut working = Tally::default();
    let mut cancel = Tally::default();
    let mut dispute = Tally::default();
    let mut handled = 0;
    for sample in samples {
        match sample.setting {
            Setting::HandlingDays => {
                handled += 1;
                calendar.add(sample.value);
                working.add(sample.working);
            }
            Setting::CancelResponseHours => cancel.add(sample.value),
            Setting::DisputeResponseDays => dispute.add(sample.value),
        }
    }
    let in_force = policy.handling_days;
    let handling = match (calendar.top(in_force), working.top(in_force)) {
        (None, None) => None,
        (Some(c), None) => Some((DayCount::Calendar, c, &calendar)),
        (None, Some(w)) => Some((DayCount::Working, w, &working)),
        // The day count that fits more orders; a tie keeps the one in force.
        (Some(c), Some(w)) => Some(
            if c.1 > w.1 || (c.1 == w.1 && policy.day_count == DayCount::Calendar) {
                (DayCount::Calendar, c, &calendar)
            } else {
                (DayCount::Working, w, &working)
            },
        ),
    };
    Calibration {
        handling_days: handling.map(|(day_count, top, tally)| {
            let mut s = suggestion(top, handled, tally.range(), in_force);
            s.matches_setting &= day_count == policy.day_count;
            s.day_count = Some(day_count);
            s
        }),
        cancel_response_hours: entry(&cancel, policy.cancel_response_hours),
        dispute_response_days: entry(&dispute, policy.dispute_response_days),
    }
}

fn entry(tally: &Tally, in_force: u32) -> Option<Suggestion> {
    let top = tally.top(in_force)?;
    let samples = tally.total();
    Some(suggestion(top, samples, tally.range(), in_force))
}

fn suggestion(
    (value, agreeing): (u32, u32),
    samples: u32,
    range: [u32; 2],
    in_force: u32,
) -> Suggestion {
    let enough = samples >= MIN_SAMPLES && agreeing * 100 >= samples * MIN_AGREEING_PERCENT;
    let suggested = enough.then_some(value);
    Suggestion {
        suggested,
        samples,
        agreeing,
        setting: in_force,
        matches_setting: suggested == Some(in_force),
        range,
        day_count: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_common_value_wins_and_a_tie_goes_to_the_value_in_force_else_the_smallest() {
        let tally = |values: &[u32]| {
            let mut t = Tally::default();
            for &v in values {
                t.add(Some(v));
            }
            t.add(None);
            t
        };
        assert_eq!(tally(&[5, 7, 5, 6]).top(7), Some((5, 2)));
        assert_eq!(tally(&[6, 5, 7, 7, 5]).top(7), Some((7, 2)));
        assert_eq!(tally(&[7, 6, 5, 5, 6]).top(7), Some((5, 2)));
        assert_eq!(tally(&[7, 6, 5, 5, 6]).top(6), Some((6, 2)));
        assert_eq!(tally(&[]).top(7), None);
        assert_eq!(tally(&[9, 3, 4]).range(), [3, 9]);
        assert_eq!(tally(&[]).range(), [0, 0]);
        assert_eq!(tally(&[9, 3, 9]).total(), 3);
    }

    #[test]
    fn a_measurement_stays_within_the_bounds_the_policy_accepts() {
        for setting in Setting::ALL {
            let bounds = super::super::validate::bounds_of(setting.name());
            assert_eq!(bounds, Some((1, setting.max())), "{setting:?}");
        }
    }
}
