//! The lists JavaScript, CSS, HTML and the widget's types copy from Rust, held to Rust's: risk
//! names, colours and icons, clock kinds, deadline sources, hints, reason codes, statuses, policy
//! fields, languages, holiday countries and time zones.
//!
//! Rust's side is read from the types themselves: the serde names of an enum's variants come from
//! serde's own "expected one of" message for an unknown variant, so a variant added in Rust is
//! missing from a copy here before any hand-written list can forget it. A copy in another file is
//! found by a marker comment `dg-list: NAME` just before it (the list is the statement that
//! follows; in HTML, up to `dg-list-end`); a stylesheet's colours by the exact rule each copy writes.

use std::collections::BTreeSet;
use std::path::Path;

use deadline_guard::core::reconcile::DiscrepancyKind;
use deadline_guard::core::{
    supported_time_zones, DayCount, DeadlineKind, DeadlineSource, Hint, Lang, OrderStatus, Policy,
    ReasonCode, Risk, Setting, Side, BUILT_IN_COUNTRIES,
};
use deadline_guard::present::palette::look;
use deadline_guard::read::ReadErrorKind;
use serde::de::DeserializeOwned;
use serde::Serialize;

// ---- Rust's side ----------------------------------------------------------------------------

/// Every serde name of `T`'s variants, in declaration order, as serde's derive lists them when it
/// meets a name it does not know.
fn variants<T: DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
    let error = serde_json::from_value::<T>(serde_json::json!("\u{1}not a variant"))
        .expect_err("no variant has this name")
        .to_string();
    let expected = error
        .split_once("expected ")
        .unwrap_or_else(|| panic!("serde's message changed: {error}"))
        .1;
    let names: Vec<String> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    assert!(!names.is_empty(), "no variant in serde's message: {error}");
    names
}

fn serde_name<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

fn risks() -> Vec<String> {
    variants::<Risk>()
}

/// The policy's option names, and those whose value is a number.
fn policy_fields() -> (BTreeSet<String>, BTreeSet<String>) {
    let policy = serde_json::to_value(Policy::default()).unwrap();
    let fields = policy.as_object().unwrap();
    let numbers = fields
        .iter()
        .filter(|(_, value)| value.is_number())
        .map(|(name, _)| name.clone())
        .collect();
    (fields.keys().cloned().collect(), numbers)
}

/// The widget's options beside the policy's.
const WIDGET_OPTIONS: [&str; 2] = ["now", "locale"];

// ---- reading the copies ---------------------------------------------------------------------

fn file(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// A piece of JavaScript or TypeScript, comments dropped.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A quoted string's content (quotes of any kind).
    Text(String),
    /// A name or a number.
    Word(String),
    /// Any other character.
    Mark(char),
}

/// The tokens of `code`, read as far as they are asked for (the rest of a file may be any code).
fn tokens(code: &str) -> impl Iterator<Item = Token> + '_ {
    let mut rest = code;
    std::iter::from_fn(move || loop {
        rest = rest.trim_start();
        let c = rest.chars().next()?;
        if rest.starts_with("//") {
            rest = &rest[rest.find('\n').unwrap_or(rest.len())..];
        } else if rest.starts_with("/*") {
            rest = &rest[rest.find("*/").expect("an unclosed comment") + 2..];
        } else if matches!(c, '\'' | '"' | '`') {
            let mut content = String::new();
            let mut chars = rest[1..].char_indices();
            let end = loop {
                match chars.next().expect("an unclosed string") {
                    (_, '\\') => content.extend(chars.next().map(|(_, escaped)| escaped)),
                    (at, quote) if quote == c => break at,
                    (_, other) => content.push(other),
                }
            };
            rest = &rest[1 + end + 1..];
            return Some(Token::Text(content));
        } else if c.is_ascii_alphanumeric() || c == '_' || c == '$' {
            let end = rest
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_' || ch == '$'))
                .unwrap_or(rest.len());
            let word = rest[..end].to_owned();
            rest = &rest[end..];
            return Some(Token::Word(word));
        } else {
            rest = &rest[c.len_utf8()..];
            return Some(Token::Mark(c));
        }
    })
}

/// The text after the marker `dg-list: name` in `path` (which must hold it exactly once).
fn after_marker<'a>(path: &str, text: &'a str, name: &str) -> &'a str {
    let marker = format!("dg-list: {name}");
    let found: Vec<usize> = text
        .match_indices(&marker)
        .map(|(at, _)| at + marker.len())
        .filter(|&end| !text[end..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-'))
        .collect();
    assert_eq!(found.len(), 1, "{path}: `{marker}` should appear once");
    let line_end = text[found[0]..]
        .find('\n')
        .map_or(text.len(), |n| found[0] + n);
    &text[line_end..]
}

/// The statement after the marker (see `statement`).
fn marked(path: &str, name: &str) -> Vec<Token> {
    let text = file(path);
    statement(tokens(after_marker(path, &text, name)))
        .unwrap_or_else(|| panic!("{path}: the list after `dg-list: {name}` never ends"))
}

/// The first statement of `code`: up to its `;`, or to the bracket that closes its first one.
fn statement(code: impl Iterator<Item = Token>) -> Option<Vec<Token>> {
    let mut depth = 0usize;
    let mut statement = Vec::new();
    for token in code {
        let end = match token {
            Token::Mark('(' | '[' | '{') => {
                depth += 1;
                false
            }
            Token::Mark(')' | ']' | '}') => {
                depth -= 1;
                depth == 0
            }
            Token::Mark(';') => depth == 0,
            _ => false,
        };
        statement.push(token);
        if end {
            return Some(statement);
        }
    }
    None
}

/// The quoted strings of a list, in order.
fn texts(list: &[Token]) -> Vec<String> {
    list.iter()
        .filter_map(|token| match token {
            Token::Text(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// The keys of the first object or interface in `list` (its own, not those of nested objects),
/// in order, each with the first string of its value.
fn keys(list: &[Token]) -> Vec<(String, Option<String>)> {
    let mut depth = 0usize;
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for (i, token) in list.iter().enumerate() {
        match token {
            Token::Mark('(' | '[' | '{') => depth += 1,
            Token::Mark(')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Token::Word(name) | Token::Text(name) if depth == 1 => {
                let colon = match list.get(i + 1) {
                    Some(Token::Mark('?')) => list.get(i + 2),
                    other => other,
                };
                if colon == Some(&Token::Mark(':')) {
                    out.push((name.clone(), None));
                }
            }
            Token::Text(text) if depth > 1 => {
                if let Some((_, value @ None)) = out.last_mut() {
                    *value = Some(text.clone());
                }
            }
            _ => {}
        }
    }
    out
}

fn key_names(list: &[Token]) -> Vec<String> {
    keys(list).into_iter().map(|(name, _)| name).collect()
}

fn set<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> BTreeSet<String> {
    items.into_iter().map(Into::into).collect()
}

/// The values of `attribute` between `<!-- dg-list: name -->` and the next `dg-list-end`.
fn marked_attribute_values(path: &str, name: &str, attribute: &str) -> Vec<String> {
    let text = file(path);
    let region = after_marker(path, &text, name);
    let region = &region[..region
        .find("dg-list-end")
        .unwrap_or_else(|| panic!("{path}: `dg-list: {name}` has no dg-list-end"))];
    attribute_values(region, attribute)
}

fn attribute_values(html: &str, attribute: &str) -> Vec<String> {
    let opening = format!(" {attribute}=\"");
    html.match_indices(&opening)
        .map(|(at, _)| {
            let start = at + opening.len();
            html[start..start + html[start..].find('"').unwrap()].to_owned()
        })
        .collect()
}

/// The part of `html` from `start` to the next `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("`{start}` is missing"));
    let rest = &html[from..];
    &rest[..rest
        .find(end)
        .unwrap_or_else(|| panic!("`{end}` is missing"))]
}

// ---- names ----------------------------------------------------------------------------------

const TYPES: &str = "www/deadline-guard.d.ts";

#[test]
fn the_widget_types_list_every_name_the_engine_writes() {
    let cases: [(&str, Vec<String>); 11] = [
        ("risks", risks()),
        ("deadline-kinds", variants::<DeadlineKind>()),
        ("deadline-sources", variants::<DeadlineSource>()),
        ("hints", variants::<Hint>()),
        ("reason-codes", variants::<ReasonCode>()),
        ("order-statuses", variants::<OrderStatus>()),
        ("day-counts", variants::<DayCount>()),
        ("sides", variants::<Side>()),
        ("read-error-kinds", variants::<ReadErrorKind>()),
        ("discrepancy-kinds", variants::<DiscrepancyKind>()),
        (
            "calibration-settings",
            Setting::ALL.map(serde_name).to_vec(),
        ),
    ];
    for (name, rust) in cases {
        assert_eq!(
            texts(&marked(TYPES, name)),
            rust,
            "{TYPES}: `{name}` differs from Rust's (in declaration order)"
        );
    }
}

#[test]
fn the_calibration_type_has_an_entry_per_setting_measured() {
    let settings = Setting::ALL.map(serde_name).to_vec();
    assert_eq!(key_names(&marked(TYPES, "calibration")), settings);
}

#[test]
fn the_risk_order_is_the_declaration_order() {
    // What the copies below that keep an order compare with.
    let all: Vec<String> = Risk::ALL.into_iter().map(serde_name).collect();
    assert_eq!(all, risks());
}

#[test]
fn the_counts_and_the_elements_name_every_risk() {
    let with_total: BTreeSet<String> = risks().into_iter().chain(["total".to_owned()]).collect();
    assert_eq!(set(key_names(&marked(TYPES, "risk-counts"))), with_total);
    let orders = "www/elements/orders.js";
    assert_eq!(set(texts(&marked(orders, "risks"))), set(risks()));
    // The risk column sorts as the engine does.
    let ranks = keys(&marked(orders, "risks-by-urgency"));
    assert_eq!(
        ranks
            .iter()
            .map(|(name, _)| name.clone())
            .collect::<Vec<_>>(),
        risks()
    );
}

#[test]
fn the_widget_words_name_every_risk_in_every_language() {
    let path = "www/elements/words.js";
    let langs: Vec<String> = Lang::ALL.into_iter().map(serde_name).collect();
    assert_eq!(texts(&marked(path, "languages")), langs);
    let text = file(path);
    let tables: Vec<&str> = text
        .match_indices("risks: {")
        .map(|(at, _)| &text[at..])
        .collect();
    assert_eq!(
        tables.len(),
        langs.len(),
        "{path}: one `risks: {{` per language"
    );
    for table in tables {
        let object = &table["risks: ".len()..];
        let table = statement(tokens(object)).expect("a closed object");
        assert_eq!(set(key_names(&table)), set(risks()), "{path}");
    }
}

#[test]
fn the_widget_types_and_attributes_name_every_option() {
    let (policy, _) = policy_fields();
    let options: BTreeSet<String> = policy.iter().cloned().chain(set(WIDGET_OPTIONS)).collect();
    assert_eq!(set(key_names(&marked(TYPES, "options"))), options);
    // Attributes are a few options, each the option's name in kebab-case.
    let path = "www/elements/common.js";
    let attributes = keys(&marked(path, "option-attributes"));
    assert!(!attributes.is_empty());
    for (attribute, option) in attributes {
        let option = option.unwrap_or_else(|| panic!("{path}: `{attribute}` names no option"));
        assert!(options.contains(&option), "{path}: `{option}` is no option");
        assert_eq!(attribute, kebab(&option), "{path}");
    }
}

fn kebab(camel: &str) -> String {
    camel
        .chars()
        .flat_map(|c| {
            let dash = c.is_ascii_uppercase().then_some('-');
            dash.into_iter()
                .chain(std::iter::once(c.to_ascii_lowercase()))
        })
        .collect()
}

#[test]
fn the_options_page_has_a_field_for_every_policy_setting() {
    let (policy, numbers) = policy_fields();
    let html = "extension/options/options.html";
    assert_eq!(
        set(marked_attribute_values(html, "policy-fields", "data-field")),
        policy
    );
    let script = "extension/options/options.js";
    assert_eq!(set(texts(&marked(script, "number-fields"))), numbers);
    let page = file(html);
    // The language picker offers every language the words exist in, besides following the browser.
    let languages = attribute_values(
        between(&page, "<select name=\"lang\">", "</select>"),
        "value",
    );
    let langs = Lang::ALL
        .into_iter()
        .map(serde_name)
        .chain(["auto".to_owned()]);
    assert_eq!(set(languages), set(langs));
    let countries = attribute_values(
        between(&page, "<select name=\"holidayCountry\">", "</select>"),
        "value",
    );
    assert_eq!(
        set(countries),
        set(BUILT_IN_COUNTRIES.into_iter().chain([""]))
    );
    // The zones offered are those compiled in (.cargo/config.toml), but Etc/UTC, UTC's other name.
    let config = file(".cargo/config.toml");
    let filter = between(&config, "CHRONO_TZ_TIMEZONE_FILTER = \"(", ")\"");
    let compiled = filter["CHRONO_TZ_TIMEZONE_FILTER = \"(".len()..].split('|');
    let offered = set(texts(&marked(script, "zones")));
    assert_eq!(offered, set(compiled.filter(|&zone| zone != "Etc/UTC")));
    for zone in &offered {
        assert!(
            supported_time_zones().any(|compiled| compiled == zone),
            "{zone} is not compiled in"
        );
    }
}

// ---- colours and icons ----------------------------------------------------------------------

/// Which risks a stylesheet rule is written for.
#[derive(Clone, Copy)]
enum For {
    Every,
    AllBut(Risk),
    Only(Risk),
}

/// Each stylesheet's rules with a risk's colour or icon, as the exact text written for each risk:
/// `{risk}`, `{light}`, `{dark}` and `{icon}` stand for the risk's name and look.
const RULES: [(&str, &str, For); 8] = [
    (
        "www/elements/styles.js",
        "--dg-{risk}: light-dark({light}, {dark});",
        For::Every,
    ),
    (
        "www/elements/styles.js",
        r#".risk-{risk}.countdown::before, .risk.risk-{risk}::before { content: "{icon}\\00a0" / ""; }"#,
        For::Every,
    ),
    (
        "extension/content/overlay.js",
        "--{risk}:light-dark({light},{dark});",
        For::Every,
    ),
    (
        "extension/content/overlay.js",
        r#"[data-risk={risk}] .icon::before{content:"{icon}\\00a0"}"#,
        For::Every,
    ),
    (
        "page/apply.js",
        "span[data-risk={risk}]{background:light-dark({light},{dark})}",
        For::AllBut(Risk::None),
    ),
    (
        // A badge without a risk of its own is in none's colour.
        "page/apply.js",
        "color:light-dark(#fff,#202124);background:light-dark({light},{dark});",
        For::Only(Risk::None),
    ),
    (
        "page/apply.js",
        r#"span[data-risk={risk}]::before{content:"{icon}\\00a0"/""}"#,
        For::Every,
    ),
    (EDGES, EDGE_RULE, For::Every),
];

/// page.css draws each risk's edge in its colour only, in a rule of one line starting so.
const EDGES: &str = "extension/content/page.css";
const EDGE_RULE: &str =
    r#"[data-dg-risk="{risk}"], tr[data-dg-risk="{risk}"] > td:first-child { box-shadow: "#;

fn filled(template: &str, risk: Risk) -> String {
    let look = look(risk);
    template
        .replace("{risk}", &serde_name(risk))
        .replace("{light}", look.light)
        .replace("{dark}", look.dark)
        .replace("{icon}", look.icon)
}

#[test]
fn every_stylesheet_draws_each_risk_in_its_colours_and_icon() {
    for (path, template, which) in RULES {
        let text = file(path);
        for risk in Risk::ALL {
            let applies = match which {
                For::Every => true,
                For::AllBut(other) => risk != other,
                For::Only(only) => risk == only,
            };
            if applies {
                let rule = filled(template, risk);
                assert!(text.contains(&rule), "{path}: `{rule}` is missing");
            }
        }
    }
    let css = file(EDGES);
    for risk in Risk::ALL {
        let start = filled(EDGE_RULE, risk);
        let line = css
            .lines()
            .find(|line| line.starts_with(&start))
            .unwrap_or_else(|| panic!("{EDGES}: no rule for {risk:?}"));
        let look = look(risk);
        let colour = format!("light-dark({}, {})", look.light, look.dark);
        let pairs: Vec<&str> = line
            .match_indices("light-dark(")
            .map(|(at, _)| &line[at..at + line[at..].find(')').unwrap() + 1])
            .collect();
        assert!(!pairs.is_empty(), "{EDGES}: {risk:?} has no colour");
        assert!(
            pairs.iter().all(|pair| *pair == colour),
            "{EDGES}: {risk:?} should be drawn in {colour}, not {pairs:?}"
        );
    }
}

#[test]
fn no_stylesheet_styles_a_risk_the_engine_does_not_have() {
    let names = set(risks());
    for path in BTreeSet::from_iter(RULES.map(|(path, _, _)| path)) {
        let text = file(path);
        for anchor in ["data-risk=", "data-dg-risk=", ".risk-"] {
            for (at, _) in text.match_indices(anchor) {
                let rest = text[at + anchor.len()..].trim_start_matches('"');
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                assert!(names.contains(&name), "{path}: `{anchor}{name}` is no risk");
            }
        }
    }
}
