//! Links to other shops: any URL or bare domain (`myshop.com/p/1`, `wa.me/…`) whose site is not
//! one of the allowed ones (AliExpress by default, on any of its country domains).

use super::finding::{FindingKind, Span};
use super::fold::Folded;

/// Top-level domains a bare `name.tld` is recognised by (with a scheme or `www.` any is).
const TOP_LEVEL: [&str; 64] = [
    "com", "net", "org", "info", "biz", "io", "co", "me", "es", "de", "fr", "pt", "ru", "uk", "us",
    "eu", "nl", "pl", "br", "mx", "ar", "cl", "cn", "hk", "tw", "jp", "kr", "au", "ca", "ch", "se",
    "dk", "fi", "ie", "ly", "gl", "gg", "tv", "cc", "ws", "ai", "la", "vip", "club", "live",
    "page", "shop", "store", "online", "site", "xyz", "top", "app", "link", "website", "tech",
    "dev", "pro", "mobi", "asia", "ua", "tr", "it", "in",
];

/// Top-level domains that are also short words: "thanks.it works" is a typo, not a link,
/// unless a path follows (`shop.it/x`).
const WORD_LIKE: [&str; 2] = ["it", "in"];

pub(crate) fn links(text: &Folded, allowed: &[String]) -> Vec<Span> {
    let allowed: Vec<String> = allowed
        .iter()
        .map(|a| Folded::new(a.trim()).chars.iter().map(|f| f.c).collect())
        .collect();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let boundary = i == 0
            || !(text.is_word_char(i - 1) || matches!(text.at(i - 1), Some('.' | '@' | '-' | '/')));
        match boundary.then(|| link_at(text, i)).flatten() {
            Some((end, host)) => {
                if !is_allowed(&host, &allowed) {
                    spans.push(Span::new(FindingKind::Link, text.byte_range(i, end)));
                }
                i = end;
            }
            None => i += 1,
        }
    }
    spans
}

/// A link starting at `start`: its end and its host's labels.
fn link_at(text: &Folded, start: usize) -> Option<(usize, Vec<String>)> {
    let mut j = start;
    let mut explicit = false;
    for scheme in ["https://", "http://", "ftp://"] {
        if prefix(text, j, scheme) {
            j += scheme.len();
            explicit = true;
            break;
        }
    }
    if prefix(text, j, "www.") {
        explicit = true;
    }
    let mut labels: Vec<String> = Vec::new();
    let mut tld_upper = false;
    loop {
        let label_start = j;
        let mut label = String::new();
        while let Some(c) = text.at(j).filter(|&c| c.is_alphanumeric() || c == '-') {
            label.push(c);
            j += 1;
        }
        if label.is_empty() {
            break;
        }
        tld_upper = text.chars[label_start].upper;
        labels.push(label);
        if text.at(j) == Some('.') && text.is_word_char(j + 1) {
            j += 1;
        } else {
            break;
        }
    }
    if labels.len() < 2 {
        return None;
    }
    let tld = labels.last().expect("two labels").as_str();
    let has_path = matches!(text.at(j), Some('/' | '?' | '#' | ':'));
    if !explicit {
        let known = TOP_LEVEL.contains(&tld);
        let word_like = WORD_LIKE.contains(&tld) && !has_path;
        let sentence_start = tld_upper && !has_path;
        if !known || word_like || sentence_start {
            return None;
        }
        if labels.iter().all(|l| l.chars().all(|c| c.is_ascii_digit())) {
            return None;
        }
    } else if !tld.chars().all(char::is_alphabetic) {
        return None;
    }
    if has_path {
        while text
            .at(j)
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '<' | '>' | '"' | '\'' | '“' | '”'))
        {
            j += 1;
        }
        while j > start
            && matches!(
                text.at(j - 1),
                Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | ']')
            )
        {
            j -= 1;
        }
    }
    Some((j, labels))
}

fn prefix(text: &Folded, i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(n, c)| text.at(i + n) == Some(c))
}

/// `aliexpress.com`, `es.aliexpress.com`, `aliexpress.com.br`, `aliexpress.ru`: yes.
/// `aliexpress.evil.com`: no (what follows the allowed name must be top-level domains only).
fn is_allowed(host: &[String], allowed: &[String]) -> bool {
    let host: Vec<&str> = host
        .iter()
        .map(String::as_str)
        .filter(|l| *l != "www")
        .collect();
    allowed.iter().any(|name| {
        host.iter().enumerate().any(|(p, label)| {
            label == name
                && p + 1 < host.len()
                && host[p + 1..]
                    .iter()
                    .all(|l| TOP_LEVEL.contains(l) || l.len() == 2)
        })
    })
}
