//! Whether a text speaks of time left — a countdown the page prints, with or without a label
//! element — so that the page reader can find it wherever it stands in an order, and can refuse to
//! compute a deadline when it is there but cannot be read.
//!
//! A text looks like time left when it has a number and
//! - a time-left or overdue word ("Remaining", "Quedan", "Noch", "Il reste", "Осталось", "还剩",
//!   "Overdue by" …) with an amount in units or a clock, or
//! - a clock `H:MM:SS` that is not the time of a date ("2026-11-20 14:05:33" is a date), or
//! - nothing but two or more amounts in units ("1 d 4 h", "2天07小时").
//!
//! A single amount without a time-left word ("7 days", "Handling time 7 days", "2 m") is not taken
//! for a countdown: templates and product details print those. Nor is a text with a number of four
//! digits or more (a year, an order or product id) or that the date reader reads as a date.

use super::countdown::OVERDUE;
use super::date::read_date;
use super::date_order::DateOrder;
use super::text::{find_phrase, normalize, phrase_list, tokens, Token, MAX_LABEL_CHARS};

/// Words that introduce the time left, eight languages, normal form.
const TIME_LEFT_WORDS: &str = phrase_list![
    "remaining",
    "remain",
    "left",
    "to go",
    "ends in",
    "expires in",
    "countdown",
    "quedan",
    "queda",
    "faltan",
    "falta",
    "restante",
    "restan",
    "cuenta atras",
    "noch",
    "verbleibend",
    "verbleibende",
    "restzeit",
    "ubrig",
    "reste",
    "restant",
    "restam",
    "resta",
    "faltam",
    "осталось",
    "остается",
    "оставшееся время",
    "mancano",
    "manca",
    "rimanente",
    "rimanenti",
    "rimangono",
    "restano",
    "residuo",
    "还剩",
    "剩余",
    "剩",
    "倒计时",
];

/// Whether `text` looks like a countdown (see the module). A text that looks like one and cannot
/// be read by [`super::read_countdown`] must make its order unreadable, never be skipped.
pub fn looks_like_time_left(text: &str) -> bool {
    // An order has some forty texts, most without a clock or a number followed by a word (ids,
    // amounts, dates): they are let go before normalising, on the raw bytes.
    if !may_hold_time_left(text) {
        return false;
    }
    let norm = normalize(text);
    if norm.chars().count() > MAX_LABEL_CHARS {
        return false;
    }
    let toks: Vec<Token> = tokens(&norm)
        .into_iter()
        .filter(|t| *t != Token::Space)
        .collect();
    let amounts = amounts_in_units(&toks);
    let clock = has_clock(&toks);
    let candidate = clock
        || (amounts >= 2 && only_amounts(&toks))
        || (amounts > 0 && has_time_left_word(&norm));
    candidate && !is_date(&norm)
}

/// Whether an element's own text is the words of a countdown whose `numbers` (how many of its
/// child elements hold only a number) were taken apart ("还剩<b>2</b>天<b>07</b>小时",
/// "<b>02</b>:<b>15</b>:<b>33</b>"): the walk keeps each element's own text, so the numbers no
/// longer stand beside their units. Such a countdown cannot be read, and must not be missed: a
/// time-left word with a unit or a colon and one number, or nothing but units and colons and two
/// numbers ("Only <b>3</b> left" and "<b>7</b> days" are not countdowns).
pub fn looks_like_split_time_left(own: &str, numbers: usize) -> bool {
    if numbers == 0 || own.chars().any(|c| c.is_ascii_digit() || is_wide_digit(c)) {
        return false;
    }
    let norm = normalize(own);
    let toks = tokens(&norm);
    let is_unit = is_unit_token;
    let colon = norm.contains(':');
    let only_units = toks
        .iter()
        .all(|t| is_unit(t) || matches!(t, Token::Space | Token::Punct(':' | '.' | ',')));
    (has_time_left_word(&norm) && (colon || toks.iter().any(is_unit)))
        || (only_units && numbers >= 2 && !norm.is_empty())
}

/// A time-left or overdue word in the text.
fn has_time_left_word(norm: &str) -> bool {
    TIME_LEFT_WORDS
        .lines()
        .chain(OVERDUE.lines())
        .any(|w| norm.contains(w) && !find_phrase(norm, w).is_empty())
}

/// A number followed by a letter or a colon (a unit, a clock), after spaces or not, and no number
/// of four digits or more (see [`is_date`]); full-width digits and colons count as the normal form
/// will read them.
fn may_hold_time_left(text: &str) -> bool {
    let (mut run, mut ended_run, mut hit) = (0, 0, false);
    for c in text.chars() {
        if c.is_ascii_digit() || is_wide_digit(c) {
            run += 1;
            if run >= 4 {
                return false; // a year, an order id: a date or a reference, never time left
            }
            continue;
        }
        if run > 0 {
            (ended_run, run) = (run, 0);
        }
        if c.is_whitespace() {
            continue;
        }
        hit |= ended_run > 0 && (c.is_alphabetic() || c == ':' || c == '\u{FF1A}');
        ended_run = 0;
    }
    hit
}

fn is_wide_digit(c: char) -> bool {
    ('\u{FF10}'..='\u{FF19}').contains(&c)
}

/// A date the date reader reads ("20 Nov 14:05:33"); a year or any number of four digits or more
/// was already let go by [`may_hold_time_left`].
fn is_date(norm: &str) -> bool {
    read_date(norm, DateOrder::DayFirst).is_ok()
}

/// `H:MM:SS` (or `D:HH:MM:SS`): two-digit minutes and seconds.
fn has_clock(toks: &[Token]) -> bool {
    toks.windows(5).any(|w| {
        matches!(
            w,
            [
                Token::Num { .. },
                Token::Punct(':'),
                Token::Num { digits: 2, .. },
                Token::Punct(':'),
                Token::Num { digits: 2, .. },
            ]
        )
    })
}

/// A time unit ("days", "Std", "天").
fn is_unit_token(t: &Token) -> bool {
    match t {
        Token::Word(w) => super::countdown::is_unit_word(w),
        Token::Cjk(run) => super::countdown::starts_with_cjk_unit(run),
        _ => false,
    }
}

fn unit_after(toks: &[Token], i: usize) -> bool {
    toks.get(i + 1).is_some_and(is_unit_token)
}

/// How many numbers are followed by a time unit.
fn amounts_in_units(toks: &[Token]) -> usize {
    (0..toks.len())
        .filter(|&i| matches!(toks[i], Token::Num { .. }) && unit_after(toks, i))
        .count()
}

/// Nothing but numbers with their units (and the dots of "Std.").
fn only_amounts(toks: &[Token]) -> bool {
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Token::Num { .. } if unit_after(toks, i) => i += 2,
            Token::Punct('.' | ',') => i += 1,
            // "2天07小时" tokenises the unit with what follows it ("天"), which unit_after accepted.
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_in_normal_form() {
        for w in TIME_LEFT_WORDS.lines() {
            assert_eq!(normalize(w), w);
        }
    }

    #[test]
    fn countdowns_with_their_own_words_are_seen() {
        for text in [
            "还剩 2 天 07 小时",
            "Time remaining 3 days 01:20:00",
            "Осталось: 2 дня 5 ч",
            "Faltan 3 días y 2 horas",
            "Noch 2 Tage 3 Std.",
            "Il reste 5 h",
            "Mancano 2 giorni",
            "Restam 4 horas",
            "1 d 4 h",
            "2天07小时",
            "02:15:33",
            "Overdue by 5 hours",
            "剩余 1 天 <script>",
        ] {
            assert!(looks_like_time_left(text), "{text:?}");
        }
    }

    #[test]
    fn countdowns_whose_numbers_are_elements_are_seen() {
        for (own, numbers) in [
            ("还剩 天 小时", 2),
            (": :", 3),
            ("Time left : :", 3),
            ("Overdue by hours", 1),
            ("d h", 2),
        ] {
            assert!(looks_like_split_time_left(own, numbers), "{own:?}");
        }
        for (own, numbers) in [
            ("Only left", 1),
            ("days", 1),
            ("Qty:", 1),
            ("Size: m", 1),
            ("Time left:", 0),
            ("Remaining 2 days", 1),
        ] {
            assert!(!looks_like_split_time_left(own, numbers), "{own:?}");
        }
    }

    #[test]
    fn dates_amounts_and_single_durations_are_not_countdowns() {
        for text in [
            "2026-11-20 14:05:33",
            "Payment time: 20/11/2026 14:05:33",
            "Nov 20, 2026 2:05:33 PM",
            "7 days",
            "Handling time 7 days",
            "Size: 2 m",
            "US $12.50",
            "SKU: AB-12-34",
            "Order 8100000000000001",
            "Time left",
            "Left chest pocket, 3 colours",
            "Qty 2",
        ] {
            assert!(!looks_like_time_left(text), "{text:?}");
        }
    }
}
