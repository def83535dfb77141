//! Properties of the message guard on arbitrary text: it never panics, its ranges always cut the
//! text on character boundaries, and invisible characters never hide a banned word.

use deadline_guard::guard::{scan_message, FindingKind, GuardSettings};
use deadline_guard::read::Lang;
use proptest::prelude::*;

proptest! {
    #[test]
    fn ranges_are_valid_on_any_text(text in "\\PC{0,200}") {
        for f in scan_message(&text, &GuardSettings::default(), Lang::En) {
            prop_assert!(f.start < f.end && f.end <= text.len());
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            prop_assert_eq!(&text[f.start..f.end], f.text.as_str());
            prop_assert_eq!(text[..f.start].chars().count(), f.char_start);
            prop_assert_eq!(text[..f.end].encode_utf16().count(), f.utf16_end);
        }
    }

    #[test]
    fn invisible_characters_never_hide_a_banned_word(
        cuts in proptest::collection::vec((0usize..8, prop::sample::select(vec!['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}'])), 0..6),
        before in "[a-z ]{0,20}",
    ) {
        let mut word: Vec<char> = "WhatsApp".chars().collect();
        for (at, c) in cuts.iter().rev() {
            word.insert((*at).min(word.len()), *c);
        }
        let word: String = word.into_iter().collect();
        let text = format!("{before} {word} !");
        let found = scan_message(&text, &GuardSettings::default(), Lang::En);
        prop_assert!(found.iter().any(|f| f.kind == FindingKind::BannedWord), "{:?}", text);
    }

    #[test]
    fn ordinary_numbers_alone_are_never_contact_details(n in 0u64..100_000_000, price in 0u32..100_000) {
        let text = format!("{n} pcs for US ${}.{:02}", price / 100, price % 100);
        prop_assert!(scan_message(&text, &GuardSettings::default(), Lang::En).is_empty(), "{:?}", text);
    }
}
