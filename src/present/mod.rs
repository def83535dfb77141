//! Words a seller reads: badges, reasons and hints in the eight panel languages.
//!
//! Every sentence the extension or the widget shows is built here, from the engine's verdict
//! and the page language, so the content script and the background worker word things alike.

pub mod buyer;
pub mod calibration;
pub mod palette;
mod status;
mod words;

use crate::core::Lang;
use crate::core::{AnalyzedOrder, DeadlineKind, Hint, ReasonCode, Risk};
pub use status::status_label;
pub use words::Words;

/// The table of `lang` among one per language, given in `Lang::ALL`'s order.
pub(crate) fn of_lang<T>(lang: Lang, tables: [&'static T; 8]) -> &'static T {
    // The declaration order is `Lang::ALL`'s (see the test below).
    tables[lang as usize]
}

/// The word table of a language.
pub fn words(lang: Lang) -> &'static Words {
    words::of(lang)
}

/// The step, in seconds, in which `duration(seconds)` words a duration of that size: whole hours
/// from one day up, whole minutes below (`scan::recheck` finds the next change from it).
pub fn duration_step(seconds: i64) -> i64 {
    if seconds.unsigned_abs() / 60 >= 1440 {
        3600
    } else {
        60
    }
}

/// A duration the way a badge says it: "1 d 4 h", "3 h 20 min", "45 min" (sign ignored).
pub fn duration(seconds: i64, lang: Lang) -> String {
    let w = words(lang);
    let minutes = seconds.unsigned_abs() / 60;
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let sep = if lang == Lang::Zh { "" } else { " " };
    let part = |n: u64, unit: &str| format!("{n}{sep}{unit}");
    if days > 0 {
        if hours > 0 {
            format!("{}{sep}{}", part(days, w.day), part(hours, w.hour))
        } else {
            part(days, w.day)
        }
    } else if hours > 0 {
        if mins > 0 {
            format!("{}{sep}{}", part(hours, w.hour), part(mins, w.minute))
        } else {
            part(hours, w.hour)
        }
    } else if mins > 0 {
        part(mins, w.minute)
    } else {
        w.under_a_minute.to_string()
    }
}

/// The sentence for a running clock with time left: "Ship within 1 d 4 h".
pub fn within(kind: DeadlineKind, seconds_left: i64, lang: Lang) -> String {
    words(lang)
        .within(kind)
        .replace("{d}", &duration(seconds_left, lang))
}

/// The badge of one analysed order.
pub fn badge(order: &AnalyzedOrder, lang: Lang) -> String {
    let w = words(lang);
    match order.risk {
        Risk::Unreadable => format!("{}: {}", w.unreadable, reason(order, lang)),
        Risk::None => reason(order, lang),
        Risk::Overdue => {
            let late = duration(order.seconds_left.unwrap_or(0), lang);
            match order.deadline_kind {
                Some(kind) => format!("{} · {}", w.overdue_by.replace("{d}", &late), w.noun(kind)),
                None => w.overdue_by.replace("{d}", &late),
            }
        }
        _ => match (order.deadline_kind, order.seconds_left) {
            (Some(kind), Some(left)) => within(kind, left, lang),
            _ => reason(order, lang),
        },
    }
}

/// Why an order has no clock or an unreadable one, in the page language.
pub fn reason(order: &AnalyzedOrder, lang: Lang) -> String {
    let w = words(lang);
    match order.reason_code {
        Some(ReasonCode::AwaitingPayment) => w.awaiting_payment.to_string(),
        Some(ReasonCode::Completed) => w.completed.to_string(),
        Some(ReasonCode::Frozen) => w.frozen.to_string(),
        Some(ReasonCode::ClockEnded) => w.clock_ended.to_string(),
        Some(ReasonCode::StatusUnknown) => w.status_unknown.to_string(),
        Some(ReasonCode::MissingTime) => w.missing.replace(
            "{t}",
            w.start_time(order.deadline_kind.unwrap_or(DeadlineKind::Ship)),
        ),
        Some(ReasonCode::Contradiction) => w.contradiction.to_string(),
        None => match order.risk {
            Risk::None => w.no_clock.to_string(),
            _ => order
                .reason
                .as_deref()
                .unwrap_or(w.status_unknown)
                .to_string(),
        },
    }
}

/// A hint as a short imperative sentence.
pub fn hint(hint: Hint, lang: Lang) -> &'static str {
    let w = words(lang);
    match hint {
        Hint::RefuseWithTracking => w.hint_refuse_with_tracking,
        Hint::PastInternalTarget => w.hint_past_target,
        Hint::DoubleCheckShipButton => w.hint_double_check,
        Hint::CancelPossible => w.hint_cancel_possible,
        Hint::OpenDispute => w.hint_open_dispute,
        Hint::SettingsDisagree => calibration::words(lang).settings_other,
    }
}

/// A hint of one order as its line: `hint`, except that a disagreement says by how much.
pub fn hint_line(order: &AnalyzedOrder, hint: Hint, lang: Lang) -> String {
    match hint {
        Hint::SettingsDisagree => calibration::disagreement(order, lang),
        _ => self::hint(hint, lang).to_string(),
    }
}

/// The name of a risk level, for the overlay's counts.
pub fn risk_label(risk: Risk, lang: Lang) -> &'static str {
    let w = words(lang);
    match risk {
        Risk::Overdue => w.risk_overdue,
        Risk::Critical => w.risk_critical,
        Risk::Warning => w.risk_warning,
        Risk::Ok => w.risk_ok,
        Risk::None => w.risk_none,
        Risk::Unreadable => w.risk_unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(risk: Risk, kind: Option<DeadlineKind>, left: Option<i64>) -> AnalyzedOrder {
        AnalyzedOrder {
            order_id: "8123456789012345".into(),
            status: None,
            deadline: None,
            deadline_kind: kind,
            deadline_source: None,
            seconds_left: left,
            risk,
            reason: None,
            reason_code: None,
            actionable: true,
            hints: Default::default(),
            ship_target: None,
            settings_deadline: None,
        }
    }

    #[test]
    fn durations_read_like_a_countdown() {
        assert_eq!(duration(28 * 3600 + 59, Lang::En), "1 d 4 h");
        assert_eq!(duration(3 * 3600 + 20 * 60, Lang::En), "3 h 20 min");
        assert_eq!(duration(-3 * 3600, Lang::En), "3 h");
        assert_eq!(duration(45 * 60, Lang::De), "45 Min.");
        assert_eq!(duration(26 * 3600, Lang::Zh), "1天2小时");
        assert_eq!(duration(20, Lang::En), "< 1 min");
    }

    #[test]
    fn badges_name_the_clock_and_the_time() {
        let ship = order(Risk::Critical, Some(DeadlineKind::Ship), Some(28 * 3600));
        assert_eq!(badge(&ship, Lang::En), "Ship within 1 d 4 h");
        let cancel = order(
            Risk::Critical,
            Some(DeadlineKind::CancelResponse),
            Some(20 * 3600),
        );
        assert_eq!(
            badge(&cancel, Lang::En),
            "Answer the cancellation within 20 h"
        );
        let late = order(Risk::Overdue, Some(DeadlineKind::Ship), Some(-3 * 3600));
        assert_eq!(badge(&late, Lang::En), "Overdue by 3 h · shipping");
        assert_eq!(badge(&late, Lang::Es), "Vencido hace 3 h · envío");
    }

    #[test]
    fn unreadable_orders_say_what_is_missing() {
        let mut o = order(Risk::Unreadable, Some(DeadlineKind::Ship), None);
        o.reason_code = Some(ReasonCode::MissingTime);
        assert_eq!(badge(&o, Lang::En), "Unreadable: payment time missing");
        assert!(badge(&o, Lang::De).starts_with("Nicht lesbar"));
    }

    #[test]
    fn a_language_indexes_its_table_in_the_order_of_all_languages() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang as usize, i);
            assert_eq!(*of_lang(lang, [&0, &1, &2, &3, &4, &5, &6, &7]), i);
        }
    }

    #[test]
    fn every_language_fills_every_template() {
        for lang in Lang::ALL {
            let w = words(lang);
            for kind in [
                DeadlineKind::Payment,
                DeadlineKind::Ship,
                DeadlineKind::CancelResponse,
                DeadlineKind::DisputeResponse,
                DeadlineKind::Receipt,
                DeadlineKind::SupplierShip,
                DeadlineKind::TrackingProof,
                DeadlineKind::Refund,
            ] {
                assert!(w.within(kind).contains("{d}"), "{lang:?} {kind:?}");
                assert!(!w.noun(kind).is_empty());
            }
            assert!(w.overdue_by.contains("{d}"));
            assert!(w.missing.contains("{t}"));
            assert!(w.next_in.contains("{d}"));
        }
    }
}
