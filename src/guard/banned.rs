//! Banned words, found through spacing, punctuation, repeated letters and digit look-alikes.
//!
//! `W h a t s A p p`, `Whats-App`, `Whatsaaapp` and `W3Chat` are all flagged; `what's up` and
//! `we chat on Monday` are not: a split into ordinary-looking words is only a match when it
//! looks like a brand (`We Chat`, `whats app`), never when it reads as a short English word
//! followed by a lower-case one.

use super::finding::{FindingKind, Span};
use super::fold::Folded;

/// One banned word prepared for matching.
struct Target<'a> {
    display: &'a str,
    letters: Vec<char>,
    /// Positions in `letters` where the configured word itself has a space or hyphen.
    own_breaks: Vec<usize>,
}

impl<'a> Target<'a> {
    fn new(display: &'a str) -> Option<Target<'a>> {
        let mut letters = Vec::new();
        let mut own_breaks = Vec::new();
        for f in Folded::new(display).chars {
            if f.c.is_alphanumeric() {
                letters.push(f.c);
            } else if !letters.is_empty() && own_breaks.last() != Some(&letters.len()) {
                own_breaks.push(letters.len());
            }
        }
        (!letters.is_empty()).then_some(Target {
            display,
            letters,
            own_breaks,
        })
    }
}

pub(crate) fn banned_words(text: &Folded, words: &[String]) -> Vec<Span> {
    let mut spans = Vec::new();
    for target in words.iter().filter_map(|w| Target::new(w)) {
        let mut i = 0;
        while i < text.len() {
            let starts_word = i == 0 || !text.is_word_char(i - 1);
            let matched = starts_word
                .then(|| {
                    match_at(text, i, &target, false).or_else(|| match_at(text, i, &target, true))
                })
                .flatten();
            match matched {
                Some(end) => {
                    let mut span = Span::new(FindingKind::BannedWord, text.byte_range(i, end));
                    span.detail = Some(target.display.to_string());
                    spans.push(span);
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    spans
}

/// Where a match of `target` starting at folded index `start` ends (exclusive), if it matches.
/// With `single_doubles`, a doubled letter of the target may be written once ("Whatsap").
fn match_at(text: &Folded, start: usize, target: &Target, single_doubles: bool) -> Option<usize> {
    let letters = &target.letters;
    if !same_letter(letters[0], text.at(start)?) {
        return None;
    }
    let (mut k, mut j) = (1, start + 1);
    // Letter runs of the text between separators: (first folded index, length, target index).
    let mut chunks = vec![(start, 1usize, 0usize)];
    let mut separators_run = 0;
    let mut every_break_spaced = true;
    let mut break_has_space = false;
    while k < letters.len() {
        let doubled_in_target =
            single_doubles && letters[k] == letters[k - 1] && separators_run == 0;
        let Some(c) = text.at(j) else {
            if doubled_in_target {
                k += 1;
                continue;
            }
            return None;
        };
        if same_letter(letters[k], c) {
            if separators_run > 0 {
                every_break_spaced &= break_has_space;
                chunks.push((j, 0, k));
                separators_run = 0;
                break_has_space = false;
            }
            chunks.last_mut().expect("one chunk").1 += 1;
            k += 1;
        } else if doubled_in_target {
            // A doubled letter written once: "Whatsap" is still WhatsApp.
            k += 1;
            continue;
        } else if separators_run == 0 && same_letter(letters[k - 1], c) {
            // A repeated letter: "Whatsaaapp".
            chunks.last_mut().expect("one chunk").1 += 1;
        } else if is_separator(c) && separators_run < 3 {
            break_has_space |= c == ' ';
            separators_run += 1;
        } else {
            return None;
        }
        j += 1;
    }
    // Trailing repeats of the last letter ("Skypeee"), then a word boundary.
    while separators_run == 0
        && text
            .at(j)
            .is_some_and(|c| same_letter(letters[letters.len() - 1], c))
    {
        j += 1;
    }
    if text.is_word_char(j) {
        return None;
    }
    if chunks.len() > 1 && every_break_spaced && !reads_as_brand(text, &chunks, target) {
        return None;
    }
    Some(j)
}

/// A space-split match ("we chat") is only a banned word when it looks like one.
fn reads_as_brand(text: &Folded, chunks: &[(usize, usize, usize)], target: &Target) -> bool {
    let splits_where_the_word_does = chunks[1..]
        .iter()
        .all(|&(_, _, k)| target.own_breaks.contains(&k));
    let spelled_out = chunks.iter().all(|&(_, len, _)| len <= 2);
    let camel_case = chunks[1..].iter().all(|&(i, _, _)| text.chars[i].upper);
    let short_word_then_lower_case = chunks.len() == 2 && chunks[0].1 <= 3 && !camel_case;
    splits_where_the_word_does || spelled_out || camel_case || !short_word_then_lower_case
}

/// Characters people put between the letters of a banned word.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '.' | '-' | '_' | '*' | '·' | '•' | '/' | '\\' | '+' | '~' | ',' | '|' | '='
    )
}

/// Is `c` the letter `want`, or its usual digit/symbol stand-in?
fn same_letter(want: char, c: char) -> bool {
    c == want
        || match c {
            '4' | '@' => want == 'a',
            '3' => want == 'e',
            '1' | '!' => want == 'i' || want == 'l',
            '|' => want == 'l',
            '0' => want == 'o',
            '5' | '$' => want == 's',
            '7' => want == 't',
            '8' => want == 'b',
            _ => false,
        }
}
