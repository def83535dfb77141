//! Sentences too long for the platform's machine translation (DOMAIN.md, seed 003: short
//! sentences translate better).

use super::finding::{FindingKind, Span};

/// Every sentence of `text` with more than `max_words` words.
pub(crate) fn long_sentences(text: &str, max_words: u32) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut sentence_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends = match c {
            '\n' | '。' | '！' | '？' => true,
            '.' | '!' | '?' | '…' | ';' => next.map_or(true, char::is_whitespace),
            _ => false,
        };
        if ends {
            let end = at + c.len_utf8();
            check(text, sentence_start, end, max_words, &mut spans);
            sentence_start = end;
        }
    }
    check(text, sentence_start, text.len(), max_words, &mut spans);
    spans
}

fn check(text: &str, start: usize, end: usize, max_words: u32, spans: &mut Vec<Span>) {
    let sentence = &text[start..end];
    let words = word_count(sentence);
    if words <= max_words {
        return;
    }
    let lead = sentence.len() - sentence.trim_start().len();
    let trail = sentence.len() - sentence.trim_end().len();
    let mut span = Span::new(FindingKind::LongSentence, (start + lead, end - trail));
    span.detail = Some(words.to_string());
    spans.push(span);
}

/// Words separated by spaces; Chinese and Japanese, written without spaces, count one word per
/// two ideographs (their average word length).
fn word_count(sentence: &str) -> u32 {
    let mut count = 0u32;
    for token in sentence.split_whitespace() {
        let ideographs = token.chars().filter(|&c| is_ideograph(c)).count() as u32;
        let has_other = token
            .chars()
            .any(|c| c.is_alphanumeric() && !is_ideograph(c));
        count += ideographs.div_ceil(2) + u32::from(has_other);
    }
    count
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}
