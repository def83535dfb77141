//! Countdowns ("time left") as pages print them, in the eight languages, → signed durations.
//!
//! A countdown is a sum of parts, each a number with a unit (`2 days`, `3h`, `15 мин`, `2天`) or a
//! clock `H:MM:SS` (hours may exceed 23) or `D:HH:MM:SS`. A two-part clock `MM:SS`/`H:MM` alone
//! is refused as ambiguous; after a day count (`2天03:12`) it is hours and minutes. A number without a unit is
//! refused: guessing its unit would put a wrong deadline on the order. Words around the parts
//! ("Remaining:", "Quedan", "Noch", "Il reste", "Осталось", "剩余") are ignored; overdue words
//! ("Overdue by", "超时", "Vencido hace", "Überfällig", "Просрочено" …) or a leading minus make it
//! negative. "超时" with no amount reads as one second overdue: the deadline has passed, and that is
//! all the text says.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::error::{ReadError, ReadErrorKind};
use super::text::{find_phrase, normalize, phrase_list, phrase_table, tokens, PhraseTable, Token};

/// Time left on a clock; negative once overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Countdown {
    /// Seconds left (negative: seconds overdue).
    pub seconds: i64,
}

impl Countdown {
    /// When the clock ends, given when the countdown was read.
    pub fn deadline_from(&self, read_at: DateTime<Utc>) -> DateTime<Utc> {
        Duration::try_seconds(self.seconds)
            .and_then(|delta| read_at.checked_add_signed(delta))
            .unwrap_or(if self.seconds < 0 {
                DateTime::<Utc>::MIN_UTC
            } else {
                DateTime::<Utc>::MAX_UTC
            })
    }

    /// The clock has run out.
    pub fn is_overdue(&self) -> bool {
        self.seconds < 0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Hour,
    Minute,
    Second,
}

impl Unit {
    fn seconds(self) -> i64 {
        match self {
            Unit::Day => 86_400,
            Unit::Hour => 3_600,
            Unit::Minute => 60,
            Unit::Second => 1,
        }
    }
}

/// Unit words of the eight languages, singular and plural, normal form.
const UNIT_WORDS: PhraseTable<Unit> = phrase_table![
    ("d", Unit::Day),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("dia", Unit::Day),
    ("dias", Unit::Day),
    ("tag", Unit::Day),
    ("tage", Unit::Day),
    ("tagen", Unit::Day),
    ("t", Unit::Day),
    ("jour", Unit::Day),
    ("jours", Unit::Day),
    ("j", Unit::Day),
    ("день", Unit::Day),
    ("дня", Unit::Day),
    ("дней", Unit::Day),
    ("дн", Unit::Day),
    ("д", Unit::Day),
    ("сутки", Unit::Day),
    ("суток", Unit::Day),
    ("giorno", Unit::Day),
    ("giorni", Unit::Day),
    ("g", Unit::Day),
    ("gg", Unit::Day),
    ("h", Unit::Hour),
    ("hr", Unit::Hour),
    ("hrs", Unit::Hour),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("hora", Unit::Hour),
    ("horas", Unit::Hour),
    ("std", Unit::Hour),
    ("stunde", Unit::Hour),
    ("stunden", Unit::Hour),
    ("heure", Unit::Hour),
    ("heures", Unit::Hour),
    ("час", Unit::Hour),
    ("часа", Unit::Hour),
    ("часов", Unit::Hour),
    ("ч", Unit::Hour),
    ("ora", Unit::Hour),
    ("ore", Unit::Hour),
    ("m", Unit::Minute),
    ("min", Unit::Minute),
    ("mins", Unit::Minute),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("minuto", Unit::Minute),
    ("minutos", Unit::Minute),
    ("minuten", Unit::Minute),
    ("mn", Unit::Minute),
    ("минута", Unit::Minute),
    ("минуты", Unit::Minute),
    ("минут", Unit::Minute),
    ("минуту", Unit::Minute),
    ("мин", Unit::Minute),
    ("minuti", Unit::Minute),
    ("s", Unit::Second),
    ("sec", Unit::Second),
    ("secs", Unit::Second),
    ("second", Unit::Second),
    ("seconds", Unit::Second),
    ("segundo", Unit::Second),
    ("segundos", Unit::Second),
    ("seg", Unit::Second),
    ("sekunde", Unit::Second),
    ("sekunden", Unit::Second),
    ("sek", Unit::Second),
    ("seconde", Unit::Second),
    ("secondes", Unit::Second),
    ("секунда", Unit::Second),
    ("секунды", Unit::Second),
    ("секунд", Unit::Second),
    ("секунду", Unit::Second),
    ("сек", Unit::Second),
    ("с", Unit::Second),
    ("secondo", Unit::Second),
    ("secondi", Unit::Second),
];

/// Chinese units, matched at the start of the CJK run after the number (`2天后`).
const CJK_UNITS: PhraseTable<Unit> = phrase_table![
    ("天", Unit::Day),
    ("日", Unit::Day),
    ("小时", Unit::Hour),
    ("小時", Unit::Hour),
    ("个小时", Unit::Hour),
    ("個小時", Unit::Hour),
    ("时", Unit::Hour),
    ("時", Unit::Hour),
    ("分钟", Unit::Minute),
    ("分鐘", Unit::Minute),
    ("分", Unit::Minute),
    ("秒钟", Unit::Second),
    ("秒", Unit::Second),
];

/// Words saying the clock has run out, normal form.
pub(super) const OVERDUE: &str = phrase_list![
    "overdue",
    "expired",
    "late by",
    "exceeded by",
    "past due",
    "timed out",
    "超时",
    "已超时",
    "逾期",
    "已逾期",
    "vencido",
    "vencida",
    "atrasado",
    "atrasada",
    "retrasado",
    "expirado",
    "expirada",
    "con retraso",
    "uberfallig",
    "abgelaufen",
    "verspatet",
    "en retard",
    "depasse",
    "delai expire",
    "em atraso",
    "просрочено",
    "просрочен",
    "просрочка",
    "истекло",
    "истек",
    "scaduto",
    "scaduta",
    "in ritardo",
];

/// Phrases that contain an overdue word but speak of the future ("2天后超时": times out in 2 days).
const NOT_OVERDUE: &str = phrase_list![
    "后超时",
    "将超时",
    "即将超时",
    "后逾期",
    "将逾期",
    "before overdue",
    "until overdue",
    "before it is overdue",
    "before it expires",
];

fn not_a_countdown(text: &str, detail: &str) -> ReadError {
    ReadError::new(ReadErrorKind::NotACountdown, text, detail)
}

/// Whether a word (normal form) is a time unit ("days", "Std", "ч").
pub(super) fn is_unit_word(word: &str) -> bool {
    unit_of_word(word).is_some()
}

/// Whether a CJK run starts with a time unit ("天", "小时后").
pub(super) fn starts_with_cjk_unit(run: &str) -> bool {
    unit_of_cjk(run).is_some()
}

fn unit_of_word(word: &str) -> Option<Unit> {
    UNIT_WORDS.iter().find(|(w, _)| *w == word).map(|(_, u)| u)
}

fn unit_of_cjk(run: &str) -> Option<Unit> {
    CJK_UNITS
        .iter()
        .filter(|(w, _)| run.starts_with(w))
        .max_by_key(|(w, _)| w.len())
        .map(|(_, u)| u)
}

/// Reads a countdown ("02:15:33", "2天03:12:44", "Quedan 2 días 3 horas", "Overdue by 5 hours").
pub fn read_countdown(text: &str) -> Result<Countdown, ReadError> {
    let norm = normalize(text);
    if norm.is_empty() {
        return Err(ReadError::new(
            ReadErrorKind::Empty,
            text,
            "is empty: expected time left",
        ));
    }
    let mut future = norm.clone();
    for phrase in NOT_OVERDUE.lines() {
        // `replace` builds a new string even when the phrase is absent, as it nearly always is.
        if future.contains(phrase) {
            future = future.replace(phrase, " ");
        }
    }
    let overdue_word = OVERDUE.lines().any(|w| !find_phrase(&future, w).is_empty());
    let toks: Vec<Token> = tokens(&norm)
        .into_iter()
        .filter(|t| *t != Token::Space)
        .collect();

    let num = |i: usize| match toks.get(i) {
        Some(&Token::Num { value, digits }) => Some((value, digits)),
        _ => None,
    };
    let is_punct = |i: usize, c: char| toks.get(i) == Some(&Token::Punct(c));

    let mut total: i64 = 0;
    let mut seen: Vec<Unit> = Vec::new();
    let mut negative = false;
    let mut any_part = false;
    let mut add = |unit: Unit, amount: u64, seen: &mut Vec<Unit>| -> Result<(), ReadError> {
        if seen.contains(&unit) {
            return Err(not_a_countdown(text, "gives the same unit twice"));
        }
        seen.push(unit);
        let part = i64::try_from(amount)
            .ok()
            .and_then(|a| a.checked_mul(unit.seconds()))
            .and_then(|p| total.checked_add(p))
            .filter(|t| *t <= 100 * 365 * 86_400)
            .ok_or_else(|| not_a_countdown(text, "is too long to be a countdown"))?;
        total = part;
        Ok(())
    };

    let mut i = 0;
    while i < toks.len() {
        let Some((value, _)) = num(i) else {
            i += 1;
            continue;
        };
        if !any_part && i > 0 && is_punct(i - 1, '-') && (i < 2 || num(i - 2).is_none()) {
            negative = true;
        }
        any_part = true;
        if is_punct(i + 1, ':') {
            // Clock: H:MM:SS, D:HH:MM:SS, or H:MM after a day count.
            let mut parts = vec![value];
            let mut j = i + 1;
            while is_punct(j, ':') {
                match num(j + 1) {
                    Some((v, 2)) => parts.push(v),
                    _ => return Err(not_a_countdown(text, "has a malformed clock")),
                }
                j += 2;
            }
            let (h, m, s) = match parts.as_slice() {
                [h, m, s] => (*h, *m, *s),
                // DD:HH:MM:SS, as some countdown widgets show it.
                [d, h, m, s] if *h <= 23 => {
                    add(Unit::Day, *d, &mut seen)?;
                    (*h, *m, *s)
                }
                [h, m] if seen.contains(&Unit::Day) => (*h, *m, 0),
                [_, _] => {
                    return Err(not_a_countdown(
                        text,
                        "is ambiguous: HH:MM or MM:SS? Expected HH:MM:SS",
                    ))
                }
                _ => return Err(not_a_countdown(text, "has a malformed clock")),
            };
            if m > 59 || s > 59 {
                return Err(not_a_countdown(text, "has minutes or seconds above 59"));
            }
            add(Unit::Hour, h, &mut seen)?;
            add(Unit::Minute, m, &mut seen)?;
            add(Unit::Second, s, &mut seen)?;
            i = j;
            continue;
        }
        let mut j = i + 1;
        let unit = match toks.get(j) {
            Some(Token::Word(w)) => unit_of_word(w),
            Some(Token::Cjk(run)) => unit_of_cjk(run),
            _ => None,
        };
        let Some(unit) = unit else {
            return Err(not_a_countdown(
                text,
                "has a number without a unit (days, hours, minutes or seconds)",
            ));
        };
        add(unit, value, &mut seen)?;
        j += 1;
        // "Std.", "hrs." and the like.
        if is_punct(j, '.') && num(j + 1).is_none() {
            j += 1;
        }
        i = j;
    }

    if !any_part {
        return if overdue_word {
            Ok(Countdown { seconds: -1 })
        } else {
            Err(not_a_countdown(text, "has no time left in it"))
        };
    }
    let seconds = if overdue_word || negative {
        if total == 0 {
            -1
        } else {
            -total
        }
    } else {
        total
    };
    Ok(Countdown { seconds })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unit_word_is_found_with_its_own_unit() {
        for (word, unit) in UNIT_WORDS.iter() {
            assert_eq!(unit_of_word(word), Some(unit), "{word:?}");
        }
        for word in ["", "da", "ays", "days\nd", "hourss"] {
            assert_eq!(unit_of_word(word), None, "{word:?}");
        }
    }

    #[test]
    fn tables_are_in_normal_form() {
        UNIT_WORDS.assert_normal();
        CJK_UNITS.assert_normal();
        for w in OVERDUE.lines().chain(NOT_OVERDUE.lines()) {
            assert_eq!(normalize(w), w);
        }
    }
}
