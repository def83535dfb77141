//! The words of what the page teaches about the settings: the hint of an order whose stated
//! deadline the settings would not give, and the overlay's and the widget's line per setting.

use serde::Serialize;

use crate::core::calibration::{Calibration, Setting, Suggestion, MIN_SAMPLES};
use crate::core::Lang;
use crate::core::{AnalyzedOrder, DayCount};

/// The calibration words of one language. Templates: `{d}` a duration, `{what}` the setting's
/// name, `{v}` a measured value, `{s}` the value in force, `{n}` a number, `{a}`–`{b}` a range.
#[allow(missing_docs)] // the English table is the documentation
pub struct CalibrationWords {
    pub settings_later: &'static str,
    pub settings_earlier: &'static str,
    pub settings_other: &'static str,
    pub looks_like: &'static str,
    pub spread: &'static str,
    pub use_value: &'static str,
    pub measured: &'static str,
    pub orders: &'static str,
    pub handling: &'static str,
    pub cancel: &'static str,
    pub dispute: &'static str,
    pub days: &'static str,
    pub working_days: &'static str,
    pub hours: &'static str,
}

/// The table of a language.
pub fn words(lang: Lang) -> &'static CalibrationWords {
    super::of_lang(lang, [&EN, &ES, &DE, &FR, &PT, &RU, &IT, &ZH])
}

/// The hint line of an order whose settings disagree: "Your settings would say 2 d later".
pub fn disagreement(order: &AnalyzedOrder, lang: Lang) -> String {
    let w = words(lang);
    match (order.settings_deadline, order.deadline) {
        (Some(settings), Some(stated)) => {
            let seconds = shown_difference((settings - stated).num_seconds());
            let template = if seconds > 0 {
                w.settings_later
            } else {
                w.settings_earlier
            };
            template.replace("{d}", &super::duration(seconds, lang))
        }
        _ => w.settings_other.to_string(),
    }
}

/// The difference as the hint says it: a countdown read a few seconds or a minute after the page
/// drew it must not turn "2 d" into "1 d 23 h", so it is rounded to what the words show (whole
/// hours from a day on, whole minutes below).
fn shown_difference(seconds: i64) -> i64 {
    let unit = if seconds.abs() >= 86_400 { 3600 } else { 60 };
    (seconds + seconds.signum() * unit / 2) / unit * unit
}

/// One line of the overlay or the widget about a setting the orders measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CalibrationLine {
    /// The setting (`handlingDays`, …).
    pub setting: Setting,
    /// "Handling time on this page looks like 5 days (12 orders); your settings say 7".
    pub text: String,
    /// "Use 5", when there is a value to use.
    pub button: Option<String>,
    /// The value the button sets, when there is one.
    pub value: Option<u32>,
    /// With the handling time's value: the day count it is in (the button sets it too).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_count: Option<DayCount>,
}

/// The value with its unit: "5 days", "5 working days", "72 h".
fn amount(setting: Setting, value: u32, day_count: Option<DayCount>, lang: Lang) -> String {
    let w = words(lang);
    let template = match (setting, day_count) {
        (Setting::CancelResponseHours, _) => w.hours,
        (_, Some(DayCount::Working)) => w.working_days,
        _ => w.days,
    };
    template.replace("{n}", &value.to_string())
}

fn what(setting: Setting, lang: Lang) -> &'static str {
    let w = words(lang);
    match setting {
        Setting::HandlingDays => w.handling,
        Setting::CancelResponseHours => w.cancel,
        Setting::DisputeResponseDays => w.dispute,
    }
}

/// "5 days (12 orders)": what was measured, for the options page.
pub fn measured(setting: Setting, s: &Suggestion, lang: Lang) -> String {
    let w = words(lang);
    let value = match s.suggested {
        Some(v) => amount(setting, v, s.day_count, lang),
        None => format!(
            "{}–{}",
            s.range[0],
            amount(setting, s.range[1], s.day_count, lang)
        ),
    };
    w.measured
        .replace("{v}", &value)
        .replace("{n}", &w.orders.replace("{n}", &s.samples.to_string()))
}

/// The lines worth showing: a suggestion the settings do not match (with its button), or orders
/// that spread over a range (without one). Matching settings and too few orders say nothing.
pub fn lines(calibration: &Calibration, lang: Lang) -> Vec<CalibrationLine> {
    let mut lines = Vec::new();
    for (setting, s) in calibration.entries() {
        if let Some(line) = s.and_then(|s| line(setting, s, lang)) {
            lines.push(line);
        }
    }
    lines
}

fn line(setting: Setting, s: &Suggestion, lang: Lang) -> Option<CalibrationLine> {
    let w = words(lang);
    let orders = w.orders.replace("{n}", &s.samples.to_string());
    match s.suggested {
        Some(value) if !s.matches_setting => {
            // Same number, other day count: the unit is the difference.
            let in_force = match s.day_count {
                Some(count) if value == s.setting => {
                    let other = match count {
                        DayCount::Calendar => DayCount::Working,
                        DayCount::Working => DayCount::Calendar,
                    };
                    amount(setting, s.setting, Some(other), lang)
                }
                _ => s.setting.to_string(),
            };
            Some(CalibrationLine {
                setting,
                text: w
                    .looks_like
                    .replace("{what}", what(setting, lang))
                    .replace("{v}", &amount(setting, value, s.day_count, lang))
                    .replace("{n}", &orders)
                    .replace("{s}", &in_force),
                button: Some(w.use_value.replace("{v}", &value.to_string())),
                value: Some(value),
                day_count: s.day_count,
            })
        }
        None if s.samples >= MIN_SAMPLES => Some(CalibrationLine {
            setting,
            text: w
                .spread
                .replace("{what}", what(setting, lang))
                .replace("{a}", &s.range[0].to_string())
                .replace("{b}", &amount(setting, s.range[1], s.day_count, lang))
                .replace("{n}", &orders),
            button: None,
            value: None,
            day_count: None,
        }),
        _ => None,
    }
}

static EN: CalibrationWords = CalibrationWords {
    settings_later: "Your settings would say {d} later",
    settings_earlier: "Your settings would say {d} earlier",
    settings_other: "Your settings would give another deadline",
    looks_like: "{what} on this page looks like {v} ({n}); your settings say {s}",
    spread: "{what} on this page varies from {a} to {b} ({n}): set per product?",
    use_value: "Use {v}",
    measured: "Measured on the page: {v} ({n})",
    orders: "{n} orders",
    handling: "Handling time",
    cancel: "The cancellation window",
    dispute: "The time to answer disputes",
    days: "{n} days",
    working_days: "{n} working days",
    hours: "{n} h",
};

static ES: CalibrationWords = CalibrationWords {
    settings_later: "Tu configuración diría {d} más tarde",
    settings_earlier: "Tu configuración diría {d} antes",
    settings_other: "Tu configuración daría otro plazo",
    looks_like: "{what} en esta página parece ser {v} ({n}); tu configuración dice {s}",
    spread: "{what} en esta página varía de {a} a {b} ({n}): ¿fijado por producto?",
    use_value: "Usar {v}",
    measured: "Medido en la página: {v} ({n})",
    orders: "{n} pedidos",
    handling: "El plazo de preparación",
    cancel: "El plazo para responder cancelaciones",
    dispute: "El plazo para responder disputas",
    days: "{n} días",
    working_days: "{n} días hábiles",
    hours: "{n} h",
};

static DE: CalibrationWords = CalibrationWords {
    settings_later: "Deine Einstellungen ergäben {d} später",
    settings_earlier: "Deine Einstellungen ergäben {d} früher",
    settings_other: "Deine Einstellungen ergäben eine andere Frist",
    looks_like: "{what} sieht auf dieser Seite nach {v} aus ({n}); deine Einstellungen sagen {s}",
    spread: "{what} reicht auf dieser Seite von {a} bis {b} ({n}): je Produkt festgelegt?",
    use_value: "{v} übernehmen",
    measured: "Auf der Seite gemessen: {v} ({n})",
    orders: "{n} Bestellungen",
    handling: "Die Bearbeitungszeit",
    cancel: "Die Frist für Stornierungen",
    dispute: "Die Frist für Streitfälle",
    days: "{n} Tage",
    working_days: "{n} Werktage",
    hours: "{n} Std.",
};

static FR: CalibrationWords = CalibrationWords {
    settings_later: "Vos réglages diraient {d} plus tard",
    settings_earlier: "Vos réglages diraient {d} plus tôt",
    settings_other: "Vos réglages donneraient un autre délai",
    looks_like: "{what} sur cette page semble être de {v} ({n}) ; vos réglages disent {s}",
    spread: "{what} sur cette page va de {a} à {b} ({n}) : fixé par produit ?",
    use_value: "Utiliser {v}",
    measured: "Mesuré sur la page : {v} ({n})",
    orders: "{n} commandes",
    handling: "Le délai de préparation",
    cancel: "Le délai de réponse aux annulations",
    dispute: "Le délai de réponse aux litiges",
    days: "{n} jours",
    working_days: "{n} jours ouvrés",
    hours: "{n} h",
};

static PT: CalibrationWords = CalibrationWords {
    settings_later: "As suas configurações diriam {d} mais tarde",
    settings_earlier: "As suas configurações diriam {d} mais cedo",
    settings_other: "As suas configurações dariam outro prazo",
    looks_like: "{what} nesta página parece ser {v} ({n}); as suas configurações dizem {s}",
    spread: "{what} nesta página varia de {a} a {b} ({n}): definido por produto?",
    use_value: "Usar {v}",
    measured: "Medido na página: {v} ({n})",
    orders: "{n} pedidos",
    handling: "O prazo de preparação",
    cancel: "O prazo para responder cancelamentos",
    dispute: "O prazo para responder disputas",
    days: "{n} dias",
    working_days: "{n} dias úteis",
    hours: "{n} h",
};

static RU: CalibrationWords = CalibrationWords {
    settings_later: "По вашим настройкам срок был бы на {d} позже",
    settings_earlier: "По вашим настройкам срок был бы на {d} раньше",
    settings_other: "По вашим настройкам срок был бы другим",
    looks_like: "{what} на этой странице — похоже, {v} ({n}); в ваших настройках {s}",
    spread: "{what} на этой странице — от {a} до {b} ({n}): задано для каждого товара?",
    use_value: "Взять {v}",
    measured: "Измерено на странице: {v} ({n})",
    orders: "заказов: {n}",
    handling: "Срок обработки",
    cancel: "Срок ответа на отмену",
    dispute: "Срок ответа на спор",
    days: "{n} дн.",
    working_days: "{n} раб. дн.",
    hours: "{n} ч",
};

static IT: CalibrationWords = CalibrationWords {
    settings_later: "Le tue impostazioni direbbero {d} più tardi",
    settings_earlier: "Le tue impostazioni direbbero {d} prima",
    settings_other: "Le tue impostazioni darebbero un'altra scadenza",
    looks_like: "{what} in questa pagina sembra di {v} ({n}); le tue impostazioni dicono {s}",
    spread: "{what} in questa pagina va da {a} a {b} ({n}): impostato per prodotto?",
    use_value: "Usa {v}",
    measured: "Misurato sulla pagina: {v} ({n})",
    orders: "{n} ordini",
    handling: "Il tempo di preparazione",
    cancel: "Il termine per rispondere alle cancellazioni",
    dispute: "Il termine per rispondere alle controversie",
    days: "{n} giorni",
    working_days: "{n} giorni lavorativi",
    hours: "{n} h",
};

static ZH: CalibrationWords = CalibrationWords {
    settings_later: "按您的设置，期限会晚 {d}",
    settings_earlier: "按您的设置，期限会早 {d}",
    settings_other: "按您的设置，期限会不同",
    looks_like: "本页的{what}看起来是 {v}（{n}）；您的设置为 {s}",
    spread: "本页的{what}在 {a} 到 {b} 之间（{n}）：是否按商品设置？",
    use_value: "使用 {v}",
    measured: "页面上测得：{v}（{n}）",
    orders: "{n} 个订单",
    handling: "备货期",
    cancel: "取消申请的答复时限",
    dispute: "纠纷的答复时限",
    days: "{n} 天",
    working_days: "{n} 个工作日",
    hours: "{n} 小时",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difference_read_a_minute_off_shows_as_the_whole_hours_or_minutes() {
        let day = 86_400;
        assert_eq!(shown_difference(2 * day - 3), 2 * day);
        assert_eq!(shown_difference(2 * day - 60), 2 * day);
        assert_eq!(shown_difference(-2 * day + 61), -2 * day);
        assert_eq!(
            shown_difference(2 * day + 3 * 3600 + 1799),
            2 * day + 3 * 3600
        );
        assert_eq!(shown_difference(5400 + 29), 5400);
        assert_eq!(shown_difference(-(5400 + 31)), -5460);
    }

    #[test]
    fn every_language_fills_every_template() {
        for lang in Lang::ALL {
            let w = words(lang);
            assert!(w.settings_later.contains("{d}"), "{lang:?}");
            assert!(w.settings_earlier.contains("{d}"), "{lang:?}");
            for part in ["{what}", "{v}", "{n}", "{s}"] {
                assert!(w.looks_like.contains(part), "{lang:?} {part}");
            }
            for part in ["{what}", "{a}", "{b}", "{n}"] {
                assert!(w.spread.contains(part), "{lang:?} {part}");
            }
            assert!(w.use_value.contains("{v}") && w.measured.contains("{v}"));
            for template in [w.orders, w.days, w.working_days, w.hours] {
                assert!(template.contains("{n}"), "{lang:?} {template}");
            }
        }
    }
}
