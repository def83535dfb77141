//! What the guard reports: the kind of problem, where it is (in three units) and what to do.

use serde::{Deserialize, Serialize};

use super::wording;
use crate::core::Lang;

/// What is wrong with a stretch of the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A word from the banned list (another messenger: the platform refuses the message).
    BannedWord,
    /// A phone number.
    PhoneNumber,
    /// An e-mail address.
    Email,
    /// A link to a site other than AliExpress.
    Link,
    /// A sentence too long to machine-translate well.
    LongSentence,
}

impl FindingKind {
    /// Does the platform refuse a message with this? (A long sentence only translates badly.)
    pub fn blocks_sending(self) -> bool {
        self != FindingKind::LongSentence
    }
}

/// One problem in the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// What kind of problem.
    pub kind: FindingKind,
    /// Byte offset of the start in the original text (UTF-8).
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// Start in Unicode scalar values (Rust `chars()`).
    pub char_start: usize,
    /// End in Unicode scalar values.
    pub char_end: usize,
    /// Start in UTF-16 code units (JavaScript string indices, `setSelectionRange`).
    pub utf16_start: usize,
    /// End in UTF-16 code units.
    pub utf16_end: usize,
    /// The flagged text exactly as typed.
    pub text: String,
    /// For a banned word, the list entry it matched ("WhatsApp"); for a long sentence, its word count.
    pub detail: Option<String>,
    /// What to do about it, for a person, in the requested language.
    pub suggestion: String,
    /// Whether the platform would refuse the message because of it.
    pub blocks_sending: bool,
}

/// A finding before its offsets are converted and its suggestion worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub kind: FindingKind,
    pub start: usize,
    pub end: usize,
    pub detail: Option<String>,
}

impl Span {
    pub fn new(kind: FindingKind, (start, end): (usize, usize)) -> Span {
        Span {
            kind,
            start,
            end,
            detail: None,
        }
    }

    pub fn into_finding(self, text: &str, offsets: &Offsets, lang: Lang) -> Finding {
        let (char_start, utf16_start) = offsets.at(self.start);
        let (char_end, utf16_end) = offsets.at(self.end);
        let suggestion = wording::suggestion(self.kind, self.detail.as_deref(), lang);
        Finding {
            kind: self.kind,
            start: self.start,
            end: self.end,
            char_start,
            char_end,
            utf16_start,
            utf16_end,
            text: text[self.start..self.end].to_string(),
            detail: self.detail,
            suggestion,
            blocks_sending: self.kind.blocks_sending(),
        }
    }
}

/// Byte offset → (char offset, UTF-16 offset), for every char boundary of a text.
pub(crate) struct Offsets {
    /// Sorted by byte offset; one entry per char boundary, plus the end.
    table: Vec<(usize, usize, usize)>,
}

impl Offsets {
    pub fn new(text: &str) -> Offsets {
        let mut table = Vec::with_capacity(text.len() + 1);
        let (mut chars, mut units) = (0, 0);
        for (byte, c) in text.char_indices() {
            table.push((byte, chars, units));
            chars += 1;
            units += c.len_utf16();
        }
        table.push((text.len(), chars, units));
        Offsets { table }
    }

    pub fn at(&self, byte: usize) -> (usize, usize) {
        let i = self.table.partition_point(|&(b, _, _)| b < byte);
        let (_, chars, units) = self.table[i.min(self.table.len() - 1)];
        (chars, units)
    }
}
