//! AliExpress order numbers in page text.
//!
//! The rule, from what public pages and SDK samples show:
//! - An order id is a run of 15 to 19 ASCII digits (today's ids have 16, e.g. `8187654321098765`
//!   or `3045678901234567`; older ones 15). Full-width digits count once normalised.
//! - The run may be split by single spaces into groups of 3–5 digits of equal length (the last
//!   group may be shorter), as pages print long numbers (`8187 6543 2109 8765`).
//! - It may be followed by a copy button's word ("Copy", "复制", "Copiar", "Copier", "Kopieren",
//!   "Copia", "Копировать") even without a space, as DOM text often comes glued together.
//! - Not an order id: a run touching letters on either side (tracking numbers such as
//!   `LP00612345678901234`, SKU codes), a run inside a longer digit run (more than 19 digits), a
//!   decimal amount, a run after `+` (phone numbers; E.164 numbers have at most 15 digits), a
//!   16-digit run starting with `1005` (product ids, e.g. `1005006123456789` in
//!   `/item/1005006123456789.html`), and any run inside a URL unless the URL names it as the
//!   order (`orderId=`, `order_id=`).

use super::error::{ReadError, ReadErrorKind};
use super::text::normalize;

/// Words of a copy button that pages glue right after the number.
const COPY_WORDS: &[&str] = &[
    "copy",
    "copiar",
    "copier",
    "kopieren",
    "copia",
    "копировать",
    "复制",
];

/// A run of digits in the normalised text.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
}

fn digit_runs(text: &str) -> Vec<Run> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push(Run { start, end: i });
        } else {
            i += 1;
        }
    }
    runs
}

/// The whitespace-delimited word of `text` around byte `at`.
fn word_around(text: &str, at: usize) -> &str {
    let start = text[..at].rfind(' ').map_or(0, |p| p + 1);
    let end = text[at..].find(' ').map_or(text.len(), |p| at + p);
    &text[start..end]
}

fn in_url_not_as_order(text: &str, start: usize) -> bool {
    let word = word_around(text, start);
    let is_url = word.contains("://")
        || word.starts_with("www.")
        || word.contains(".html")
        || word.contains(".com/")
        || (word.contains('?') && word.contains('='))
        || word.starts_with('/');
    if !is_url {
        return false;
    }
    let before = &text[..start];
    !(before.ends_with("orderid=")
        || before.ends_with("order_id=")
        || before.ends_with("orderids="))
}

fn accept(text: &str, start: usize, end: usize, digits: &str) -> bool {
    let len = digits.len();
    if !(15..=19).contains(&len) {
        return false;
    }
    if len == 16 && digits.starts_with("1005") {
        return false;
    }
    let before = text[..start].chars().next_back();
    let after_text = &text[end..];
    let after = after_text.chars().next();
    if before.is_some_and(|c| (c.is_alphanumeric() && !super::text::is_cjk(c)) || c == '_') {
        return false;
    }
    // Phone numbers: "+34600…", "+ 34 600…", "+86 138…".
    let lead = text[..start].trim_end();
    let lead = lead
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    if lead.ends_with('+') {
        return false;
    }
    // Decimal amounts: "1234567890123456.78".
    let decimal_mark = |s: &str| {
        let mut cs = s.chars();
        matches!(cs.next(), Some('.' | ',')) && cs.next().is_some_and(|c| c.is_ascii_digit())
    };
    let after_decimal = text[..start].ends_with(['.', ','])
        && text[..start - 1].ends_with(|c: char| c.is_ascii_digit());
    if decimal_mark(after_text) || after_decimal {
        return false;
    }
    if let Some(c) = after {
        let glued = (c.is_alphanumeric() && !super::text::is_cjk(c)) || c == '_';
        if glued && !COPY_WORDS.iter().any(|w| after_text.starts_with(w)) {
            return false;
        }
    }
    !in_url_not_as_order(text, start)
}

/// Every order id in the text, in order of appearance, without duplicates.
pub fn find_order_ids(text: &str) -> Vec<String> {
    // Most texts of a page hold no order number at all: fewer than 15 digits of any script can
    // never make one, so skip the normalising copy (a 1,000-order page reads ~40,000 texts).
    if text.chars().filter(|c| c.is_numeric()).take(15).count() < 15 {
        return Vec::new();
    }
    let norm = normalize(text);
    let runs = digit_runs(&norm);
    let mut ids: Vec<String> = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let run = runs[i];
        let len = run.end - run.start;
        // Groups of 3–5 digits separated by single spaces: "8187 6543 2109 8765".
        if (3..=5).contains(&len) {
            let mut j = i;
            while j + 1 < runs.len()
                && runs[j + 1].start == runs[j].end + 1
                && norm.as_bytes()[runs[j].end] == b' '
                && runs[j].end - runs[j].start == len
                && (1..=len).contains(&(runs[j + 1].end - runs[j + 1].start))
            {
                j += 1;
            }
            if j > i {
                let digits: String = runs[i..=j].iter().map(|r| &norm[r.start..r.end]).collect();
                if accept(&norm, run.start, runs[j].end, &digits) {
                    push_unique(&mut ids, digits);
                    i = j + 1;
                    continue;
                }
            }
        }
        let digits = &norm[run.start..run.end];
        if accept(&norm, run.start, run.end, digits) {
            push_unique(&mut ids, digits.to_string());
        }
        i += 1;
    }
    ids
}

fn push_unique(ids: &mut Vec<String>, id: String) {
    if !ids.contains(&id) {
        ids.push(id);
    }
}

/// The one order id in the text ("Order ID: 8187654321098765 Copy").
pub fn read_order_id(text: &str) -> Result<String, ReadError> {
    if normalize(text).is_empty() {
        return Err(ReadError::new(
            ReadErrorKind::Empty,
            text,
            "is empty: expected an order number",
        ));
    }
    let mut ids = find_order_ids(text);
    match ids.len() {
        1 => Ok(ids.remove(0)),
        0 => Err(ReadError::new(
            ReadErrorKind::NotAnOrderId,
            text,
            "has no order number (15–19 digits)",
        )),
        _ => Err(ReadError::new(
            ReadErrorKind::NotAnOrderId,
            text,
            "has more than one order number",
        )),
    }
}
