//! One normal form for page text, so every table compares like with like.
//!
//! Sellers' pages mix accents, full-width digits (`２０２６`), no-break spaces and invisible
//! characters copied from the DOM. Readers normalise once and keep their tables in this form.

use crate::core::lowercase::lowercase;

/// The normal form: lower case, accents stripped (`á`→`a`, `ü`→`u`, `ñ`→`n`, `ç`→`c`, `ё`→`е`),
/// full-width ASCII (`２`, `：`, `（`) → ASCII, zero-width characters removed, every run of
/// white space (also no-break and ideographic space) collapsed to one ASCII space, trimmed.
///
/// Typographic apostrophes become `'`, dashes and the minus sign become `-`, `º`/`°` become `o`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            // Decomposed text (NFD, e.g. pasted from macOS): drop the accent, except the breve that
            // makes Russian `и` into `й`, a letter of its own.
            if c == '\u{0306}' && out.ends_with('и') {
                out.pop();
                out.push('й');
            }
            continue;
        }
        push_folded(c, &mut out);
    }
    out
}

/// Zero-width and formatting characters that pages insert between visible ones.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Appends the normal form of one character.
fn push_folded(c: char, out: &mut String) {
    // Full-width ASCII block: `！`..`～` map onto `!`..`~`.
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(s) = fold_special(c) {
        out.push_str(s);
        return;
    }
    for lower in lowercase(c) {
        match strip_accent(lower) {
            Some(base) => out.push(base),
            None => out.push(lower),
        }
    }
}

/// Characters whose normal form is not a single lower-case letter of their own.
fn fold_special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '\u{0060}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => "-",
        'º' | '°' => "o",
        'ª' => "a",
        '\u{3000}' => " ",
        '\u{3001}' => ",",
        '\u{FF64}' => ",",
        _ => return None,
    })
}

/// The base letter of a lower-case accented Latin letter (and `ё`, `й` kept apart on purpose:
/// `й` is its own letter in Russian words, `ё` is usually printed as `е`).
fn strip_accent(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ё' => 'е',
        _ => return None,
    })
}

/// A CJK ideograph or kana: these scripts have no spaces, so phrases match inside runs.
pub fn is_cjk(c: char) -> bool {
    matches!(
        c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
    )
}

/// A letter of a script written with spaces (Latin, Cyrillic, …): phrases must end at word edges.
pub fn is_word_letter(c: char) -> bool {
    c.is_alphabetic() && !is_cjk(c)
}

/// Where `phrase` (already normalised) occurs in `haystack` (normalised) as whole words:
/// byte ranges, in order. A phrase starting or ending with a CJK character needs no edge on
/// that side.
pub fn find_phrase(haystack: &str, phrase: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if phrase.is_empty() {
        return found;
    }
    let first = phrase.chars().next();
    let last = phrase.chars().next_back();
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(phrase) {
        let start = from + pos;
        let end = start + phrase.len();
        let before_ok = first.map_or(true, |c| !is_word_letter(c))
            || haystack[..start]
                .chars()
                .next_back()
                .map_or(true, |b| !is_word_letter(b));
        let after_ok = last.map_or(true, |c| !is_word_letter(c))
            || haystack[end..]
                .chars()
                .next()
                .map_or(true, |a| !is_word_letter(a));
        if before_ok && after_ok {
            found.push((start, end));
        }
        from = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Longest text a phrase table is searched in: a label or header, not a page. Keeps the cost
/// of a lookup bounded whatever a page hands over.
pub const MAX_LABEL_CHARS: usize = 1000;

/// The outcome of looking a text up in a phrase table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup<T> {
    /// No phrase of the table occurs.
    None,
    /// Every phrase found (after dropping those inside a longer one) means the same thing.
    One(T),
    /// Phrases with different meanings occur side by side ("Dispute closed"): no guess.
    Conflict,
}

/// Looks a normalised text up in a table of normalised phrases. A phrase found inside a longer
/// phrase that was also found is ignored ("shipped" inside "partially shipped"); what remains
/// must agree.
///
/// Builds the index on every call: readers called per order row keep a [`PhraseIndex`] instead.
pub fn lookup<T: Copy + PartialEq>(normalized: &str, table: &[(&str, T)]) -> Lookup<T> {
    lookup_masked(normalized, table, &[])
}

/// Like [`lookup`], with phrases that mean nothing for the table but hide the shorter phrases
/// inside them ("no dispute" hides "dispute"; "dispute closed" says nothing about the order).
pub fn lookup_masked<T: Copy + PartialEq>(
    normalized: &str,
    table: &[(&str, T)],
    mask: &[&str],
) -> Lookup<T> {
    PhraseIndex::new(table, mask).lookup(normalized)
}

/// A phrase table kept as one string, a line per phrase, beside its values in the same order:
/// a `&[(&str, T)]` costs 8 bytes of pointer and length per phrase in the wasm, times the
/// thousand-odd phrases of the eight languages. Written with [`phrase_table!`].
pub struct PhraseTable<T: 'static> {
    /// The phrases, each ended by a line break.
    pub text: &'static str,
    /// The value of each phrase, in order.
    pub values: &'static [T],
}

impl<T: Copy> PhraseTable<T> {
    /// The phrases with their values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, T)> {
        self.text.lines().zip(self.values.iter().copied())
    }

    /// The phrases with their values, as a list.
    pub fn pairs(&self) -> Vec<(&'static str, T)> {
        self.iter().collect()
    }
}

#[cfg(test)]
impl<T: Copy> PhraseTable<T> {
    /// Panics unless every phrase kept its value (none holds a line break) and is in normal form.
    pub fn assert_normal(&self) {
        assert_eq!(
            self.pairs().len(),
            self.values.len(),
            "a phrase holds a line break"
        );
        for (phrase, _) in self.iter() {
            assert_eq!(normalize(phrase), phrase);
        }
    }
}

/// A [`PhraseTable`] from `("phrase", value)` pairs, written as an array of pairs would be.
macro_rules! phrase_table {
    ($( ($phrase:literal, $value:expr $(,)?) ),* $(,)?) => {
        $crate::read::text::PhraseTable {
            text: concat!($($phrase, "\n"),*),
            values: &[$($value),*],
        }
    };
}
pub(crate) use phrase_table;

/// A list of phrases as one string, a line per phrase (read it with `str::lines`): see [`PhraseTable`].
macro_rules! phrase_list {
    ($($phrase:literal),* $(,)?) => {
        concat!($($phrase, "\n"),*)
    };
}
pub(crate) use phrase_list;

/// A phrase table (and its mask) sorted by bytes, built once, so that a lookup walks the text
/// once and finds every phrase starting at each character by narrowing a range of the sorted
/// phrases byte by byte, instead of searching the whole text for each of hundreds of phrases.
#[derive(Debug, Clone)]
pub struct PhraseIndex<'a, T> {
    /// Phrases sorted by bytes; `None` marks a mask phrase.
    sorted: Vec<(&'a [u8], Option<T>)>,
    /// Where the phrases starting with each byte begin in `sorted` (and, at 256, its length):
    /// most characters of a label start no phrase, and this says so without a search.
    by_first_byte: Vec<usize>,
}

impl<'a, T: Copy + PartialEq> PhraseIndex<'a, T> {
    /// Indexes a table of normalised phrases and the normalised phrases that mask them.
    pub fn new(table: &[(&'a str, T)], mask: &[&'a str]) -> Self {
        let phrases: Vec<&'a str> = table.iter().map(|&(phrase, _)| phrase).collect();
        let sorted = sorted_phrases(&phrases, mask)
            .into_iter()
            .map(|(phrase, at)| (phrase, table.get(at).map(|&(_, value)| value)))
            .collect::<Vec<_>>();
        let by_first_byte = (0..=256)
            .map(|byte| sorted.partition_point(|(p, _)| usize::from(p[0]) < byte))
            .collect();
        PhraseIndex {
            sorted,
            by_first_byte,
        }
    }

    /// Same answer as [`lookup_masked`] on the table and mask this index was built from.
    pub fn lookup(&self, normalized: &str) -> Lookup<T> {
        let mut hits: Vec<(usize, usize, Option<T>)> = Vec::new();
        let bytes = normalized.as_bytes();
        let mut before_is_letter = false;
        for (start, c) in normalized.char_indices() {
            let edge_before = !before_is_letter || !is_word_letter(c);
            self.phrases_at(&bytes[start..], |len, value| {
                let end = start + len;
                let phrase = &normalized[start..end];
                let edge_after = normalized[end..]
                    .chars()
                    .next()
                    .map_or(true, |a| !is_word_letter(a))
                    || phrase
                        .chars()
                        .next_back()
                        .map_or(true, |l| !is_word_letter(l));
                if edge_before && edge_after {
                    hits.push((start, end, value));
                }
            });
            before_is_letter = is_word_letter(c);
        }
        decide(&hits)
    }

    /// Calls `found` with the length and meaning of every indexed phrase that `rest` starts with.
    fn phrases_at(&self, rest: &[u8], mut found: impl FnMut(usize, Option<T>)) {
        let Some(&first) = rest.first() else {
            return;
        };
        let (mut lo, mut hi) = (
            self.by_first_byte[usize::from(first)],
            self.by_first_byte[usize::from(first) + 1],
        );
        let mut depth = 1;
        loop {
            // In a range whose phrases share `depth` bytes with `rest`, the ones that are exactly
            // `depth` long sort first: those are prefixes of `rest`.
            while lo < hi && self.sorted[lo].0.len() == depth {
                found(depth, self.sorted[lo].1);
                lo += 1;
            }
            if lo == hi || depth == rest.len() {
                return;
            }
            let byte = rest[depth];
            let range = &self.sorted[lo..hi];
            let first = range.partition_point(|(p, _)| p[depth] < byte);
            let past = range.partition_point(|(p, _)| p[depth] <= byte);
            hi = lo + past;
            lo += first;
            depth += 1;
        }
    }
}

/// The non-empty phrases of a table and then of its mask, sorted by bytes (equal phrases in
/// that order), each with its index in the table (mask phrases past its end). One sort for
/// every table's value type, the crate's own (`core::sort`).
fn sorted_phrases<'a>(table: &[&'a str], mask: &[&'a str]) -> Vec<(&'a [u8], usize)> {
    let mut sorted: Vec<(&'a [u8], usize)> = table
        .iter()
        .chain(mask)
        .enumerate()
        .map(|(at, phrase)| (phrase.as_bytes(), at))
        .filter(|(phrase, _)| !phrase.is_empty())
        .collect();
    crate::core::sort::sort_by(&mut sorted, |a, b| a.0.cmp(b.0));
    sorted
}

/// Drops the hits inside a longer hit and says whether the meanings left agree.
fn decide<T: Copy + PartialEq>(hits: &[(usize, usize, Option<T>)]) -> Lookup<T> {
    let inside_longer = |s: usize, e: usize| {
        hits.iter()
            .any(|&(s2, e2, _)| s2 <= s && e <= e2 && (e2 - s2) > (e - s))
    };
    let mut kept = hits
        .iter()
        .filter(|&&(s, e, _)| !inside_longer(s, e))
        .filter_map(|&(_, _, value)| value);
    match kept.next() {
        None => Lookup::None,
        Some(first) if kept.all(|v| v == first) => Lookup::One(first),
        Some(_) => Lookup::Conflict,
    }
}

/// A piece of normalised text, as the date and countdown scanners see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A run of ASCII digits: its value (saturated at `u64::MAX`) and how many digits it had.
    Num {
        /// The value.
        value: u64,
        /// The number of digits, leading zeros included.
        digits: usize,
    },
    /// A run of letters of a spaced script (Latin, Cyrillic, …).
    Word(String),
    /// A run of CJK characters.
    Cjk(String),
    /// Any other single character except white space.
    Punct(char),
    /// One or more spaces.
    Space,
}

/// Splits normalised text into [`Token`]s.
pub fn tokens(normalized: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = normalized.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut value = u64::from(c as u8 - b'0');
            let mut digits = 1;
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                value = value
                    .saturating_mul(10)
                    .saturating_add(u64::from(d as u8 - b'0'));
                digits += 1;
                chars.next();
            }
            out.push(Token::Num { value, digits });
        } else if is_cjk(c) {
            let mut run = String::from(c);
            while let Some(&d) = chars.peek().filter(|d| is_cjk(**d)) {
                run.push(d);
                chars.next();
            }
            out.push(Token::Cjk(run));
        } else if is_word_letter(c) {
            let mut run = String::from(c);
            while let Some(&d) = chars.peek().filter(|d| is_word_letter(**d)) {
                run.push(d);
                chars.next();
            }
            out.push(Token::Word(run));
        } else if c.is_whitespace() {
            if out.last() != Some(&Token::Space) {
                out.push(Token::Space);
            }
        } else {
            out.push(Token::Punct(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_width_and_spaces() {
        let cases = [
            ("  Pendiente  de\u{00A0}ENVÍO ", "pendiente de envio"),
            ("Größe über", "grosse uber"),
            ("Ñandú Çà", "nandu ca"),
            ("２０２６：１１", "2026:11"),
            ("a\u{200B}b\u{FEFF}c", "abc"),
            ("l’acheteur", "l'acheteur"),
            ("Завершён", "завершен"),
            ("等待\u{3000}发货", "等待 发货"),
            ("Nº de pedido", "no de pedido"),
            ("Pendiente de envi\u{301}o", "pendiente de envio"),
            ("дне\u{438}\u{306}", "дней"),
            ("Noch 2 Tage\u{202F}:", "noch 2 tage :"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input:?}");
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert_eq!(find_phrase("status: shipped (3)", "shipped"), vec![(8, 15)]);
        assert!(find_phrase("unshipped", "shipped").is_empty());
        assert_eq!(find_phrase("状态等待发货", "等待发货").len(), 1);
    }

    /// The lookup before the index: every phrase searched in the whole text.
    fn lookup_by_search<T: Copy + PartialEq>(
        text: &str,
        table: &[(&str, T)],
        mask: &[&str],
    ) -> Lookup<T> {
        let mut hits = Vec::new();
        for &(phrase, value) in table {
            hits.extend(
                find_phrase(text, phrase)
                    .into_iter()
                    .map(|(s, e)| (s, e, Some(value))),
            );
        }
        for phrase in mask {
            hits.extend(
                find_phrase(text, phrase)
                    .into_iter()
                    .map(|(s, e)| (s, e, None)),
            );
        }
        decide(&hits)
    }

    #[test]
    fn the_index_finds_what_searching_every_phrase_finds() {
        let table = [
            ("shipped", 1),
            ("partially shipped", 2),
            ("closed", 3),
            ("等待发货", 4),
            ("等待", 5),
            ("отправлен", 6),
            ("a", 7),
            ("ship", 8),
            ("shipped", 9),
        ];
        let mask = ["not shipped", "发货"];
        let texts = [
            "",
            "shipped",
            "unshipped",
            "partially shipped, closed",
            "状态等待发货",
            "等待",
            "заказ отправлен",
            "a ship shipped",
            "not shipped",
            "closedshipped",
            "a-a a",
            "shipped shipped",
            "x发货等待发货y",
        ];
        let index = PhraseIndex::new(&table, &mask);
        for text in texts {
            assert_eq!(
                index.lookup(text),
                lookup_by_search(text, &table, &mask),
                "{text:?}"
            );
        }
    }

    #[test]
    fn longer_phrase_wins_and_conflicts_are_reported() {
        let table = [("shipped", 1), ("partially shipped", 2), ("closed", 3)];
        assert_eq!(lookup("partially shipped", &table), Lookup::One(2));
        assert_eq!(lookup("shipped", &table), Lookup::One(1));
        assert_eq!(lookup("shipped closed", &table), Lookup::Conflict);
        assert_eq!(lookup("nothing", &table), Lookup::None);
        let mask = ["not shipped"];
        assert_eq!(lookup_masked("not shipped", &table, &mask), Lookup::None);
        assert_eq!(
            lookup_masked("closed, not shipped", &table, &mask),
            Lookup::One(3)
        );
    }
}
