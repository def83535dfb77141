//! Contact details the platform refuses: e-mail addresses (also written `name (at) mail (dot) com`)
//! and phone numbers, told apart from order numbers (16 digits), tracking numbers, prices and dates.

use super::finding::{FindingKind, Span};
use super::fold::Folded;

/// Mail providers named without a top-level domain still make an address (`ana@gmail`).
const MAIL_PROVIDERS: [&str; 16] = [
    "gmail",
    "googlemail",
    "hotmail",
    "outlook",
    "live",
    "msn",
    "yahoo",
    "icloud",
    "qq",
    "163",
    "126",
    "yandex",
    "mail",
    "gmx",
    "protonmail",
    "proton",
];

pub(crate) fn emails(text: &Folded) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if let Some((at_len, spelled)) = at_sign(text, i) {
            if let Some((from, to)) = address_around(text, i, at_len, spelled) {
                spans.push(Span::new(FindingKind::Email, text.byte_range(from, to)));
                i = to;
                continue;
            }
        }
        i += 1;
    }
    spans
}

/// `@`, `(at)`, `[at]`, `{at}`, `(arroba)`, or a spaced ` at `/` arroba ` (spelled out: needs a dotted domain).
fn at_sign(text: &Folded, i: usize) -> Option<(usize, bool)> {
    if text.at(i) == Some('@') {
        return Some((1, false));
    }
    for word in ["at", "arroba"] {
        if let Some(len) = bracketed(text, i, word) {
            return Some((len, true));
        }
        if text.at(i) == Some(' ')
            && starts_with(text, i + 1, word)
            && text.at(i + 1 + word.len()) == Some(' ')
        {
            return Some((word.len() + 2, true));
        }
    }
    None
}

/// Is the at-sign at `i` a bare word (` at `), which is ordinary English ("cheaper at shop.com")?
fn bare_word_at(text: &Folded, i: usize) -> bool {
    text.at(i) == Some(' ') && text.at(i + 1).is_some_and(char::is_alphabetic)
}

/// `.`, `(dot)`, `[dot]`, `(punto)`, or a spaced ` dot `/` punto `.
fn dot_sign(text: &Folded, i: usize) -> Option<usize> {
    if text.at(i) == Some('.') {
        return Some(1);
    }
    for word in ["dot", "punto"] {
        if let Some(len) = bracketed(text, i, word) {
            return Some(len);
        }
        if text.at(i) == Some(' ')
            && starts_with(text, i + 1, word)
            && text.at(i + 1 + word.len()) == Some(' ')
        {
            return Some(word.len() + 2);
        }
    }
    None
}

/// `word` in brackets at `i`, optionally padded with spaces: `(at)`, ` [ at ] `.
fn bracketed(text: &Folded, i: usize, word: &str) -> Option<usize> {
    let mut j = i;
    while text.at(j) == Some(' ') {
        j += 1;
    }
    let close = match text.at(j)? {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        _ => return None,
    };
    j += 1;
    while text.at(j) == Some(' ') {
        j += 1;
    }
    if !starts_with(text, j, word) {
        return None;
    }
    j += word.len();
    while text.at(j) == Some(' ') {
        j += 1;
    }
    if text.at(j)? != close {
        return None;
    }
    j += 1;
    while text.at(j) == Some(' ') {
        j += 1;
    }
    Some(j - i)
}

fn starts_with(text: &Folded, i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(n, c)| text.at(i + n) == Some(c))
        && !text.is_word_char(i + word.len())
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// The address whose at-sign of `at_len` folded chars is at `at`, as a folded range.
fn address_around(
    text: &Folded,
    at: usize,
    at_len: usize,
    spelled: bool,
) -> Option<(usize, usize)> {
    let mut from = at;
    while from > 0 && text.at(from - 1).is_some_and(is_local_char) {
        from -= 1;
    }
    while from < at && text.at(from) == Some('.') {
        from += 1;
    }
    if from == at {
        return None;
    }
    let mut labels: Vec<(usize, usize)> = Vec::new();
    let mut j = at + at_len;
    loop {
        let start = j;
        while text.at(j).is_some_and(is_label_char) {
            j += 1;
        }
        if j == start {
            break;
        }
        labels.push((start, j));
        match dot_sign(text, j) {
            Some(len) if text.at(j + len).is_some_and(is_label_char) => j += len,
            _ => break,
        }
    }
    let &(first_start, first_end) = labels.first()?;
    let &(last_start, last_end) = labels.last()?;
    let label = |s: usize, e: usize| -> String { text.chars[s..e].iter().map(|f| f.c).collect() };
    let top_level_ok = labels.len() >= 2
        && last_end - last_start >= 2
        && text.chars[last_start..last_end]
            .iter()
            .all(|f| f.c.is_ascii_alphabetic());
    let provider = MAIL_PROVIDERS.contains(&label(first_start, first_end).as_str());
    // "ana at gmail dot com" is an address; "cheaper at myshop.com" is a sentence with a link.
    let spelled_dot = text.chars[at + at_len..last_start]
        .iter()
        .any(|f| matches!(f.c, ' ' | '(' | '['));
    if bare_word_at(text, at) && !(provider || spelled_dot) {
        return None;
    }
    (top_level_ok || (provider && !spelled)).then_some((from, last_end))
}

/// Words right before a number that make it an order, tracking or product number.
const NOT_A_PHONE: [&str; 16] = [
    "order",
    "pedido",
    "tracking",
    "track",
    "seguimiento",
    "id",
    "#",
    "nº",
    "no.",
    "ref",
    "invoice",
    "factura",
    "sku",
    "code",
    "codigo",
    "awb",
];

/// Words right before a number that make it a phone number even without `+` or spacing.
const PHONE_WORDS: [&str; 11] = [
    "phone",
    "tel",
    "call",
    "mobile",
    "cell",
    "telefono",
    "movil",
    "llama",
    "llamame",
    "numero de telefono",
    "contact",
];

pub(crate) fn phone_numbers(text: &Folded) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match phone_at(text, i) {
            Some((end, true)) => {
                spans.push(Span::new(FindingKind::PhoneNumber, text.byte_range(i, end)));
                i = end;
            }
            // Skip the rest of a number that did not qualify, so its tail is not tried alone.
            Some((end, false)) => i = end.max(i + 1),
            None => i += 1,
        }
    }
    spans
}

/// The end of the number starting at `start`, and whether it is a phone number.
fn phone_at(text: &Folded, start: usize) -> Option<(usize, bool)> {
    let first = text.at(start)?;
    let plus = first == '+';
    if !(first.is_ascii_digit() || plus || first == '(') {
        return None;
    }
    if start > 0 {
        let prev = text.at(start - 1)?;
        let glued = matches!(prev, '.' | ',' | '/' | '-' | ':' | '$' | '€' | '£' | '¥')
            && (start < 2 || text.at(start - 2).is_some_and(|c| c.is_ascii_digit()));
        if prev.is_alphanumeric() || glued || prev == '+' {
            return None;
        }
    }
    let mut j = start + usize::from(plus);
    let mut groups: Vec<usize> = Vec::new();
    let mut separators = String::new();
    // Separators seen since the last digit: they only count once another digit follows.
    let mut pending = String::new();
    while let Some(c) = text.at(j) {
        if c.is_ascii_digit() {
            if !pending.is_empty() || groups.is_empty() {
                groups.push(0);
            }
            *groups.last_mut().expect("a group") += 1;
            separators.push_str(&pending);
            pending.clear();
        } else if matches!(c, ' ' | '-' | '.' | '(' | ')') && pending.chars().count() < 2 {
            pending.push(c);
        } else {
            break;
        }
        j += 1;
    }
    // Give back trailing separators ("612 345 678." ends at the 8).
    while j > start && !text.at(j - 1).is_some_and(|c| c.is_ascii_digit()) {
        j -= 1;
    }
    let digits: usize = groups.iter().sum();
    if digits == 0 {
        return None;
    }
    let glued_after = text
        .at(j)
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '%' | '€' | '$'));
    if glued_after
        || digits > 15
        || looks_like_date(&groups, &separators)
        || looks_like_price(text, start, &groups, &separators)
    {
        return Some((j, false));
    }
    let before = words_before(text, start);
    let phone_context = PHONE_WORDS.iter().any(|w| contains_word(&before, w));
    let number_context = NOT_A_PHONE.iter().any(|w| contains_word(&before, w));
    let is_phone = if plus {
        digits >= 8
    } else if phone_context {
        digits >= 7
    } else if number_context {
        false
    } else if groups.len() >= 2 {
        digits >= 7 && groups.iter().filter(|&&g| g >= 2).count() >= 2
    } else {
        (9..=13).contains(&digits)
    };
    Some((j, is_phone))
}

/// `20.11.2026`, `2026-11-20`, `20-11-26`: three groups with a year at one end.
fn looks_like_date(groups: &[usize], separators: &str) -> bool {
    if groups.len() != 3 || separators.contains([' ', '(', ')']) {
        return false;
    }
    let day_or_month = |g: usize| (1..=2).contains(&g);
    (day_or_month(groups[0]) && day_or_month(groups[1]) && matches!(groups[2], 2 | 4))
        || (groups[0] == 4 && day_or_month(groups[1]) && day_or_month(groups[2]))
}

/// `1234567.99` or a number next to a currency sign or code.
fn looks_like_price(text: &Folded, start: usize, groups: &[usize], separators: &str) -> bool {
    if groups.len() == 2 && separators == "." && groups[1] == 2 {
        return true;
    }
    let before = words_before(text, start);
    let before = before.trim_end();
    ["$", "€", "£", "¥", "usd", "eur", "us"]
        .iter()
        .any(|c| before.ends_with(c))
}

/// Up to 24 folded characters before `start`, stopping at the previous digit (another number's).
fn words_before(text: &Folded, start: usize) -> String {
    let mut from = start;
    while from > 0 && start - from < 24 && !text.at(from - 1).is_some_and(|c| c.is_ascii_digit()) {
        from -= 1;
    }
    text.chars[from..start].iter().map(|f| f.c).collect()
}

/// `word` in `hay` not glued to other letters ("id" is in "order id", not in "said").
fn contains_word(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(at, _)| {
        let before_ok = !hay[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || !word.starts_with(char::is_alphanumeric);
        let after_ok = !hay[at + word.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
            || !word.ends_with(char::is_alphanumeric);
        before_ok && after_ok
    })
}
