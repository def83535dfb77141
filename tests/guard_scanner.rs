//! The message guard's scanner: each banned pattern is found through its disguises, harmless
//! text is left alone, and the ranges point at the text as typed.

use deadline_guard::guard::{scan_message, Finding, FindingKind, GuardSettings};
use deadline_guard::read::Lang;

fn scan(text: &str) -> Vec<Finding> {
    scan_message(text, &GuardSettings::default(), Lang::En)
}

fn kinds(text: &str) -> Vec<FindingKind> {
    scan(text).into_iter().map(|f| f.kind).collect()
}

/// The flagged stretches, as typed.
fn flagged(text: &str, kind: FindingKind) -> Vec<String> {
    scan(text)
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.text)
        .collect()
}

#[track_caller]
fn assert_clean(text: &str) {
    let found = scan(text);
    assert!(found.is_empty(), "{text:?} should be clean, got {found:#?}");
}

#[test]
fn each_default_banned_word_is_flagged() {
    for (text, word) in [
        ("Add me on WhatsApp please", "WhatsApp"),
        ("my telegram is below", "Telegram"),
        ("Do you use WeChat?", "WeChat"),
        ("VIBER works too", "Viber"),
        ("or skype.", "Skype"),
    ] {
        let found = scan(text);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        assert_eq!(found[0].kind, FindingKind::BannedWord);
        assert_eq!(found[0].detail.as_deref(), Some(word));
        assert!(found[0].blocks_sending);
        assert!(
            found[0].suggestion.contains(word),
            "{}",
            found[0].suggestion
        );
    }
}

#[test]
fn banned_words_are_found_through_disguises() {
    for text in [
        "ＷｈａｔｓＡｐｐ",                 // full-width
        "Whats\u{200B}App",                 // zero-width space
        "What\u{200D}s\u{FEFF}A\u{2060}pp", // joiners and BOM
        "W h a t s A p p",                  // spaced out
        "W.h.a.t.s.a.p.p",
        "whats-app",
        "Whats App",
        "whats app",
        "wHaTsApP",
        "Whаtsаpp",         // Cyrillic а
        "Wһatsаpр",         // Cyrillic һ, а, р
        "Whatsápp",         // diacritic
        "Wha\u{0301}tsapp", // combining accent
        "Whatsaaapp",       // repeated letters
        "Whatsap",          // doubled letter written once
        "Wh4tsApp",         // digit for letter
        "𝐖𝐡𝐚𝐭𝐬𝐀𝐩𝐩",         // mathematical bold
        "W_h_a_t_s_A_p_p",
    ] {
        assert_eq!(
            flagged(&format!("ping me on {text} ok"), FindingKind::BannedWord),
            vec![text.to_string()],
            "{text:?}"
        );
    }
    assert_eq!(
        flagged("We Chat tomorrow", FindingKind::BannedWord),
        vec!["We Chat"]
    );
    assert_eq!(
        flagged("Т е l е g r а m", FindingKind::BannedWord),
        vec!["Т е l е g r а m"]
    );
    assert_eq!(
        flagged("sk¥pe or Skyp3", FindingKind::BannedWord),
        vec!["Skyp3"]
    );
}

#[test]
fn harmless_text_is_not_flagged() {
    for text in [
        "what's up",
        "What's up? Your order shipped.",
        "We chat every day about the order.",
        "we chat later",
        "Order 8123456789012345 was paid on Nov 20, 2026.",
        "Your order number is 8123456789012345",
        "Pedido 8123 4567 8901 2345 enviado",
        "The price is US $12.99, or €1,299.00 for ten.",
        "Total: 1 299,00 € incl. shipping",
        "It costs 45.50 USD",
        "Shipped on 20/11/2026, arriving 2026-12-05 or 05.12.2026.",
        "Delivery between 11/20/2026 and 12/10/2026",
        "Size 42, colour black, 2 pcs.",
        "Tracking number: LP00123456789012",
        "tracking 123456789012",
        "The parcel weighs 1.5 kg and measures 30x20x10 cm.",
        "Open https://www.aliexpress.com/item/1005001234567890.html to see it",
        "see es.aliexpress.com/p/order/index.html",
        "aliexpress.ru and aliexpress.com.br work",
        "i.e. the blue one, e.g. size M",
        "Thanks.It arrived!",
        "Sky and app icons",
        "Call it a day.",
        "skyped",
        "I use tele grams of flour",
        "¡Hola! ¿Qué tal? Gracias por su compra.",
        "谢谢您的订单，我们会尽快发货。",
    ] {
        assert_clean(text);
    }
}

#[test]
fn phone_numbers_are_flagged() {
    for (text, number) in [
        ("call me +34 612 345 678 today", "+34 612 345 678"),
        ("mi número: 612 345 678", "612 345 678"),
        ("whats the number? 612-345-678.", "612-345-678"),
        ("+1 (415) 555-0123", "+1 (415) 555-0123"),
        ("ring 06 12 34 56 78", "06 12 34 56 78"),
        ("+8613812345678", "+8613812345678"),
        ("tel 5550123", "5550123"),
        ("mi móvil 612345678", "612345678"),
        ("６１２３４５６７８", "６１２３４５６７８"),
        ("order 8123456789012345, call 612345678", "612345678"),
    ] {
        assert_eq!(
            flagged(text, FindingKind::PhoneNumber),
            vec![number],
            "{text}"
        );
    }
}

#[test]
fn email_addresses_are_flagged() {
    for (text, address) in [
        ("write to ana.lopez@gmail.com now", "ana.lopez@gmail.com"),
        ("shop@my-store.es.", "shop@my-store.es"),
        ("ana＠gmail．com", "ana＠gmail．com"),
        ("ana (at) gmail (dot) com", "ana (at) gmail (dot) com"),
        ("ana[at]shop[dot]es", "ana[at]shop[dot]es"),
        ("ana at gmail dot com", "ana at gmail dot com"),
        ("ana@gmail", "ana@gmail"),
    ] {
        assert_eq!(flagged(text, FindingKind::Email), vec![address], "{text}");
        assert!(
            flagged(text, FindingKind::Link).is_empty(),
            "{text}: the domain is not a second finding"
        );
    }
    assert_clean("meet at the shop at noon");
    assert_eq!(
        flagged("cheaper at myshop.com", FindingKind::Link),
        vec!["myshop.com"]
    );
    assert!(flagged("cheaper at myshop.com", FindingKind::Email).is_empty());
    assert_clean("@seller thanks");
}

#[test]
fn links_to_other_shops_are_flagged() {
    for (text, link) in [
        (
            "buy at https://myshop.com/p/1?ref=2 instead",
            "https://myshop.com/p/1?ref=2",
        ),
        ("www.cheap-store.es", "www.cheap-store.es"),
        ("see myshop.com.", "myshop.com"),
        ("wa.me/34612345678", "wa.me/34612345678"),
        ("t.me/shopbot", "t.me/shopbot"),
        (
            "http://aliexpress.evil.com/login",
            "http://aliexpress.evil.com/login",
        ),
        ("ｍｙｓｈｏｐ．ｃｏｍ", "ｍｙｓｈｏｐ．ｃｏｍ"),
        ("shop.it/x", "shop.it/x"),
    ] {
        assert_eq!(flagged(text, FindingKind::Link), vec![link], "{text}");
    }
    assert!(
        flagged("wa.me/34612345678", FindingKind::PhoneNumber).is_empty(),
        "the number is part of the link"
    );
}

#[test]
fn long_sentences_are_flagged_with_their_word_count() {
    let long = "I wanted to let you know that the parcel you sent last week arrived at the warehouse today but the box was open and two items were missing from it";
    let found = scan(&format!("Hello. {long}. Thanks!"));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, FindingKind::LongSentence);
    assert_eq!(found[0].text, format!("{long}."));
    assert_eq!(found[0].detail.as_deref(), Some("30"));
    assert!(!found[0].blocks_sending);
    assert!(
        found[0].suggestion.contains("30 words"),
        "{}",
        found[0].suggestion
    );
    assert_clean("Hello. The parcel arrived today. Two items were missing. Can you send them?");
    // The decimal point and a URL's dots do not end a sentence; the newline does.
    let twenty_one = "one two three four five six seven eight nine 1.5 eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone";
    assert_eq!(kinds(twenty_one), vec![FindingKind::LongSentence]);
    assert_clean(&twenty_one.replace("eleven", "\neleven"));
    let chinese = "您好我们已经收到您的订单并且会在两个工作日内安排发货请您耐心等待如果有任何问题请随时联系我们谢谢";
    assert_eq!(kinds(chinese), vec![FindingKind::LongSentence]);
}

#[test]
fn settings_are_honoured() {
    let mut settings = GuardSettings {
        banned_words: vec!["Line".into(), "pay outside".into()],
        max_sentence_words: 5,
        phone_numbers: false,
        ..GuardSettings::default()
    };
    let found = scan_message("Use LINE or WhatsApp, and we can pay outside. Call +34 612 345 678 tomorrow or later today.", &settings, Lang::En);
    let summary: Vec<(FindingKind, &str)> =
        found.iter().map(|f| (f.kind, f.text.as_str())).collect();
    assert_eq!(
        summary,
        vec![
            (
                FindingKind::LongSentence,
                "Use LINE or WhatsApp, and we can pay outside."
            ),
            (FindingKind::BannedWord, "LINE"),
            (FindingKind::BannedWord, "pay outside"),
            (
                FindingKind::LongSentence,
                "Call +34 612 345 678 tomorrow or later today."
            ),
        ]
    );
    settings.max_sentence_words = 0;
    settings.emails = false;
    settings.links = false;
    assert!(scan_message("ana@gmail.com myshop.com", &settings, Lang::En).is_empty());
    settings.links = true;
    settings.allowed_link_domains = vec!["myshop".into()];
    assert!(scan_message("myshop.com", &settings, Lang::En).is_empty());
    assert_eq!(scan_message("aliexpress.com", &settings, Lang::En).len(), 1);
}

#[test]
fn bad_settings_are_explained() {
    let settings: GuardSettings =
        serde_json::from_str(r#"{"bannedWords":["ok","  !! "],"maxSentenceWords":900}"#).unwrap();
    let errors = settings.validate();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].field, "bannedWords");
    assert!(errors[0].message.contains("!!"));
    assert_eq!(errors[1].field, "maxSentenceWords");
    assert!(
        serde_json::from_str::<GuardSettings>(r#"{"bannedWord":[]}"#).is_err(),
        "a misspelt option is an error, not ignored"
    );
    assert!(GuardSettings::default().validate().is_empty());
}

#[test]
fn ranges_point_at_the_text_as_typed_in_three_units() {
    let text = "😀 Ünïcödé ＷｈａｔｓＡｐｐ!";
    let found = scan(text);
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(&text[f.start..f.end], "ＷｈａｔｓＡｐｐ");
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        chars[f.char_start..f.char_end].iter().collect::<String>(),
        "ＷｈａｔｓＡｐｐ"
    );
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&units[f.utf16_start..f.utf16_end]).unwrap(),
        "ＷｈａｔｓＡｐｐ"
    );
    assert_eq!(
        (f.char_start, f.utf16_start),
        (10, 11),
        "the emoji is one char and two UTF-16 units"
    );
}

#[test]
fn suggestions_follow_the_language() {
    let es = scan_message(
        "Escríbeme por WhatsApp",
        &GuardSettings::default(),
        Lang::Es,
    );
    assert!(
        es[0].suggestion.starts_with("Quita «WhatsApp»"),
        "{}",
        es[0].suggestion
    );
    for lang in Lang::ALL {
        let found = scan_message("ana@gmail.com", &GuardSettings::default(), lang);
        assert!(!found[0].suggestion.is_empty());
    }
    let de = scan_message("ana@gmail.com", &GuardSettings::default(), Lang::De);
    let en = scan("ana@gmail.com");
    assert_ne!(de[0].suggestion, en[0].suggestion);
}

#[test]
fn findings_are_sorted_and_every_kind_can_appear_together() {
    let text = "Hi! WhatsApp +34 612 345 678 or ana@gmail.com or myshop.com";
    let found = scan(text);
    let got: Vec<FindingKind> = found.iter().map(|f| f.kind).collect();
    assert_eq!(
        got,
        vec![
            FindingKind::BannedWord,
            FindingKind::PhoneNumber,
            FindingKind::Email,
            FindingKind::Link
        ]
    );
    assert!(found.windows(2).all(|w| w[0].start <= w[1].start));
}
