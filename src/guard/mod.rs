//! The message guard: words the platform refuses in messages, and sentences too long to translate well.
//!
//! AliExpress refuses a message that names another messenger, carries a phone number, an e-mail
//! address or a link to another shop, and machine-translates the rest, so long sentences come out
//! garbled. [`scan_message`] finds all of that in the text a user is typing, robust to the usual
//! disguises (full-width letters, zero-width spaces, spaced-out letters, Cyrillic look-alikes),
//! without flagging harmless text such as "what's up", an order number, a price or a date.
//!
//! Pure: no browser, no allocation per keystroke beyond the findings and one folded copy of the text.

pub mod finding;
pub mod settings;
pub mod wording;

mod banned;
mod contact;
mod fold;
mod link;
mod sentence;

pub use finding::{Finding, FindingKind};
pub use settings::{GuardSettings, SettingsError};

use crate::core::Lang;
use fold::Folded;

/// Every finding in `text`, sorted by position, with suggestions in `lang`.
///
/// Ranges are given in bytes, in Unicode scalar values and in UTF-16 code units (what a
/// `<textarea>`'s `setSelectionRange` takes), always on the original text.
pub fn scan_message(text: &str, settings: &GuardSettings, lang: Lang) -> Vec<Finding> {
    let folded = Folded::new(text);
    let mut spans: Vec<finding::Span> = Vec::new();
    if settings.emails {
        spans.extend(contact::emails(&folded));
    }
    if settings.links {
        let found = link::links(&folded, &settings.allowed_link_domains);
        let kept: Vec<_> = found
            .into_iter()
            .filter(|s| !overlaps_any(s, &spans))
            .collect();
        spans.extend(kept);
    }
    if settings.phone_numbers {
        let found = contact::phone_numbers(&folded);
        let kept: Vec<_> = found
            .into_iter()
            .filter(|s| !overlaps_any(s, &spans))
            .collect();
        spans.extend(kept);
    }
    spans.extend(banned::banned_words(&folded, &settings.banned_words));
    if settings.max_sentence_words > 0 {
        spans.extend(sentence::long_sentences(text, settings.max_sentence_words));
    }
    crate::core::sort::sort_by(&mut spans, |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
    let offsets = finding::Offsets::new(text);
    spans
        .into_iter()
        .map(|span| span.into_finding(text, &offsets, lang))
        .collect()
}

/// What the guard's note shows: the findings, how many would get the message refused, and a heading.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GuardReport {
    /// Every finding, by position.
    pub findings: Vec<Finding>,
    /// Findings the platform refuses a message for.
    pub blocking: usize,
    /// Findings that only hurt the translation (long sentences).
    pub advisory: usize,
    /// The note's heading; `None` when there is nothing to say.
    pub summary: Option<String>,
}

/// [`scan_message`] with the counts and the heading the inline note needs.
pub fn check_message(text: &str, settings: &GuardSettings, lang: Lang) -> GuardReport {
    let findings = scan_message(text, settings, lang);
    let blocking = findings.iter().filter(|f| f.blocks_sending).count();
    let advisory = findings.len() - blocking;
    let summary = (!findings.is_empty()).then(|| wording::summary(blocking, advisory, lang));
    GuardReport {
        findings,
        blocking,
        advisory,
        summary,
    }
}

fn overlaps_any(span: &finding::Span, others: &[finding::Span]) -> bool {
    others
        .iter()
        .any(|o| o.kind != FindingKind::LongSentence && span.start < o.end && o.start < span.end)
}
