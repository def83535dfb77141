//! The page decision, pure: a snapshot of a page's elements in, order records → orders →
//! annotation patches out. The extension's content script, its background worker and the widget
//! all call this one function, so every decision — what is an order, which field is which, the
//! deadline, the risk, the wording — is made once, here.
//!
//! Records are found by content, never by hashed class names: a record is the largest element
//! that carries exactly one order id, inside a parent that carries several (a list), or that
//! carries a readable status. Fields come from column headers (plain tables by column index,
//! Fusion tables by `data-next-table-col`), from "label: value" text, and from the status label.

mod fields;
pub mod lines;
mod recheck;
mod records;
mod session;
mod time_left;
mod tree;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::{
    distinct_counts, AnalyzedOrder, DeadlineKind, DeadlineSource, Policy, PolicyError, Risk,
    RiskCounts,
};
use crate::present;
use crate::read::Lang;
use records::Record;
pub use session::{PageSession, ScanSetup};

/// One element of the page, in document order (pre-order), as the page side saw it.
///
/// Short field names because a 1,000-order page has tens of thousands of these crossing
/// from JavaScript (or over extension messages) as one JSON string.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Node {
    /// Index of the parent node, `-1` for the scan root.
    pub p: i64,
    /// Tag name, lower case.
    pub t: String,
    /// The `class` attribute (only stable Fusion names such as `chc-state-label__stateText` are used).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub c: String,
    /// The `data-next-table-col` attribute (Fusion's column key).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub k: String,
    /// The element's own text (its direct text children; its whole text when its only child
    /// elements are inline ones holding a number, as a countdown split into `<b>`s), white space
    /// collapsed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub x: String,
}

impl Node {
    /// A node from its parent index, tag, class, column key and own text.
    pub fn new(p: i64, t: &str, c: &str, k: &str, x: &str) -> Node {
        Node {
            p,
            t: t.into(),
            c: c.into(),
            k: k.into(),
            x: x.into(),
        }
    }
}

/// What the page side hands over: the page's language and address, and its elements.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    /// `<html lang>` or the browser's language.
    pub lang: String,
    /// The page address (decides seller or buyer side).
    pub url: String,
    /// The elements, pre-order; node 0 is the scan root.
    pub nodes: Vec<Node>,
}

/// The badge put next to a record's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Badge {
    /// Node the badge goes next to (inside it for table cells).
    pub anchor: usize,
    /// "Ship within 1 d 4 h".
    pub text: String,
    /// Where the deadline came from, in words.
    pub source_text: Option<String>,
    /// Hints, as sentences.
    pub hints: Vec<String>,
}

/// The annotation of one record: the `data-dg-*` attributes and the badge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Patch {
    /// The record's node.
    pub node: usize,
    /// `data-dg-order-id`.
    pub order_id: String,
    /// `data-dg-status`: the status code, absent when unknown.
    pub status: Option<String>,
    /// `data-dg-deadline`: ISO 8601 UTC, seconds, `Z`.
    pub deadline: Option<String>,
    /// `data-dg-deadline-kind`.
    pub deadline_kind: Option<DeadlineKind>,
    /// `data-dg-deadline-source`.
    pub deadline_source: Option<DeadlineSource>,
    /// `data-dg-risk`.
    pub risk: Risk,
    /// `data-dg-reason` (unreadable rows only), in English for tools.
    pub reason: Option<String>,
    /// The visible badge.
    pub badge: Badge,
    /// Whether the seller must act before the deadline (the background may notify).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub actionable: bool,
    /// What the record measures of the settings (its stated deadline against its clock's start).
    /// Not read back: the page side hands samples to `calibrate`, which reads them itself.
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub sample: Option<crate::core::Sample>,
    /// Milliseconds since the epoch after which time alone may change this annotation (a badge's
    /// duration, the risk); absent when only the page can. The page side rescans the record then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes_at_ms: Option<i64>,
}

/// The overlay's fixed words in the page language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UiWords {
    /// Panel title.
    pub title: String,
    /// "orders on this page".
    pub orders_found: String,
    /// "Next deadlines".
    pub next_deadlines: String,
    /// Button labels.
    pub collapse: String,
    /// Button labels.
    pub expand: String,
    /// "Deadline".
    pub deadline_at: String,
    /// Risk code → label, most urgent first.
    pub risks: Vec<(Risk, String)>,
}

/// What a scan says of the page as a whole: the one summary, for the widget's `scan()` and the
/// extension's overlay when the wasm answers in one go (the extension keeps its list current
/// between scans in `content/summary.js`, counting by the same rule: one order id, one order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Whether an order list was recognised.
    pub recognised: bool,
    /// When not: the headline and why, for a person.
    pub why: Option<String>,
    /// Orders per risk; a record repeated on the page (the same order id twice) counts once.
    pub counts: RiskCounts,
    /// Fixed words.
    pub ui: UiWords,
}

/// The answer to a snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanResult {
    /// The language the words are in.
    pub lang: Lang,
    /// One patch per record.
    pub patches: Vec<Patch>,
    /// The nodes a snapshot of changed rows must include (header cells and rows), see `scan_prepared`.
    #[serde(default)]
    pub context: Vec<usize>,
    /// The overlay's content.
    pub summary: Summary,
}

/// The page language: the override if valid, else the snapshot's, else English.
pub fn page_lang(snapshot_lang: &str, lang_override: Option<&str>) -> Lang {
    lang_override
        .and_then(Lang::from_tag)
        .or_else(|| Lang::from_tag(snapshot_lang))
        .unwrap_or_default()
}

/// The decision: records, orders, deadlines and words for one snapshot at `now`.
pub fn scan(
    snapshot: &Snapshot,
    policy: &Policy,
    lang_override: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ScanResult, Vec<PolicyError>> {
    let setup = ScanSetup::new(&snapshot.lang, &snapshot.url, policy, lang_override, now)?;
    Ok(scan_prepared(snapshot, &setup, false))
}

/// `scan` with the settings validated before. With `list_root`, the snapshot's root children are
/// rows of one list (the rows that changed, after the context nodes an earlier scan named): a lone
/// row there is a record without further proof.
pub fn scan_prepared(snapshot: &Snapshot, setup: &ScanSetup, list_root: bool) -> ScanResult {
    let nodes = &snapshot.nodes;
    let ids = session::ids_of(nodes);
    let shape = tree::Shape::new(nodes);
    let discovered = session::Discovered::new(nodes, &shape, &ids, list_root);
    let analysed = discovered.analyze(nodes, &shape, 0..usize::MAX, setup);
    let summary = summarize(setup, &analysed, discovered.found.ids_seen);
    ScanResult {
        lang: setup.lang,
        context: discovered.context(nodes, &shape),
        patches: analysed.into_iter().map(|(patch, _)| patch).collect(),
        summary,
    }
}

/// The page's summary for analysed records.
pub fn summarize(
    setup: &ScanSetup,
    analysed: &[(Patch, AnalyzedOrder)],
    ids_seen: bool,
) -> Summary {
    let lang = setup.lang;
    let (_, counts) = distinct_counts(
        analysed
            .iter()
            .map(|(patch, v)| (patch.order_id.as_str(), v.risk)),
    );
    Summary {
        recognised: !analysed.is_empty(),
        why: analysed.is_empty().then(|| why_no_list(lang, ids_seen)),
        counts,
        ui: ui_words(lang),
    }
}

/// Why no order list was recognised, for a person.
pub fn why_no_list(lang: Lang, ids_seen: bool) -> String {
    let w = present::words(lang);
    format!(
        "{}: {}",
        w.no_list,
        if ids_seen {
            w.why_no_rows
        } else {
            w.why_no_ids
        }
    )
}

/// The overlay's fixed words.
pub fn ui_words(lang: Lang) -> UiWords {
    let w = present::words(lang);
    let risks = Risk::ALL
        .into_iter()
        .map(|r| (r, present::risk_label(r, lang).to_string()))
        .collect();
    UiWords {
        title: w.title.into(),
        orders_found: w.orders_found.into(),
        next_deadlines: w.next_deadlines.into(),
        collapse: w.collapse.into(),
        expand: w.expand.into(),
        deadline_at: w.deadline_at.into(),
        risks,
    }
}

/// What an order measures of the settings, when its page or API states the deadline.
fn measured(
    order: &crate::core::Order,
    v: &AnalyzedOrder,
    valid: &crate::core::ValidPolicy,
) -> Option<crate::core::Sample> {
    match (v.deadline_source, v.deadline_kind, v.deadline) {
        (Some(DeadlineSource::Page | DeadlineSource::Api), Some(kind), Some(at)) => {
            crate::core::calibration::measure(order, kind, at, valid)
        }
        _ => None,
    }
}

fn patch_for(
    record: &Record,
    anchor: usize,
    v: &AnalyzedOrder,
    lang: Lang,
    now: DateTime<Utc>,
) -> Patch {
    let w = present::words(lang);
    let mut hints: Vec<String> = v
        .hints
        .iter()
        .map(|h| present::hint_line(v, *h, lang))
        .collect();
    if let Some(target) = v.ship_target {
        if target > now && v.risk != Risk::Overdue {
            let left = (target - now).num_seconds();
            hints.push(
                w.ship_target_in
                    .replace("{d}", &present::duration(left, lang)),
            );
        }
    }
    Patch {
        node: record.node,
        order_id: record.order_id.clone(),
        status: v.status.map(|s| s.code().to_string()),
        deadline: v.deadline.map(crate::core::iso_time::utc_seconds),
        deadline_kind: v.deadline_kind,
        deadline_source: v.deadline_source,
        risk: v.risk,
        reason: (v.risk == Risk::Unreadable)
            .then(|| v.reason.as_deref().unwrap_or("unreadable").to_string()),
        actionable: v.actionable,
        sample: None,
        changes_at_ms: None,
        badge: Badge {
            anchor,
            text: present::badge(v, lang),
            source_text: v.deadline_source.map(|s| {
                match s {
                    DeadlineSource::Page => w.source_page,
                    DeadlineSource::Api => w.source_api,
                    DeadlineSource::Computed => w.source_computed,
                }
                .to_string()
            }),
            hints,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(p: i64, t: &str, c: &str, k: &str, x: &str) -> Node {
        Node::new(p, t, c, k, x)
    }

    fn now() -> DateTime<Utc> {
        "2026-11-20T20:00:00Z".parse().unwrap()
    }

    /// A plain table: header row, two orders.
    fn plain_table() -> Snapshot {
        let mut nodes = vec![node(-1, "body", "", "", ""), node(0, "table", "", "", "")];
        nodes.push(node(1, "tr", "", "", ""));
        for h in ["Order ID", "Payment time", "Status"] {
            nodes.push(node(2, "th", "", "", h));
        }
        for (id, paid, status) in [
            (
                "8123456789012345",
                "2026-11-18 10:00:00",
                "Awaiting shipment",
            ),
            (
                "8123456789012346",
                "2026-11-14 10:00:00",
                "Awaiting shipment",
            ),
        ] {
            let tr = nodes.len() as i64;
            nodes.push(node(1, "tr", "", "", ""));
            nodes.push(node(tr, "td", "", "", id));
            nodes.push(node(tr, "td", "", "", paid));
            nodes.push(node(tr, "td", "", "", status));
        }
        Snapshot {
            lang: "en".into(),
            url: "https://csp.aliexpress.com/m_apps/order-manage/orderList".into(),
            nodes,
        }
    }

    #[test]
    fn plain_table_rows_are_records_with_fields_from_headers() {
        let result = scan(&plain_table(), &Policy::default(), None, now()).unwrap();
        assert_eq!(result.patches.len(), 2);
        let first = &result.patches[0];
        assert_eq!(first.node, 6);
        assert_eq!(first.order_id, "8123456789012345");
        assert_eq!(first.status.as_deref(), Some("WAIT_SELLER_SEND_GOODS"));
        // Paid 2026-11-18 10:00 Pacific (18:00 UTC) + 7 × 24 h.
        assert_eq!(first.deadline.as_deref(), Some("2026-11-25T18:00:00Z"));
        assert_eq!(first.deadline_kind, Some(DeadlineKind::Ship));
        assert_eq!(first.deadline_source, Some(DeadlineSource::Computed));
        assert_eq!(first.risk, Risk::Ok);
        assert_eq!(first.badge.anchor, 9, "badge next to the status cell");
        assert_eq!(result.patches[1].risk, Risk::Critical);
        assert_eq!(result.summary.counts.total, 2);
        assert_eq!(result.summary.counts.critical, 1);
        assert!(result.summary.recognised);
    }

    #[test]
    fn a_row_shown_twice_is_two_patches_and_one_counted_order() {
        let mut full = plain_table();
        let copy: Vec<Node> = full.nodes[6..10].to_vec();
        let offset = full.nodes.len() as i64 - 6;
        for (i, mut n) in copy.into_iter().enumerate() {
            if i > 0 {
                n.p += offset;
            }
            full.nodes.push(n);
        }
        let result = scan(&full, &Policy::default(), None, now()).unwrap();
        let ids: Vec<&str> = result.patches.iter().map(|p| p.order_id.as_str()).collect();
        assert_eq!(
            ids,
            ["8123456789012345", "8123456789012346", "8123456789012345"]
        );
        assert_eq!(result.summary.counts.total, 2);
        assert_eq!(result.summary.counts.ok, 1, "the repeated order once");
        assert_eq!(result.summary.counts.critical, 1);
    }

    #[test]
    fn a_page_without_orders_says_why() {
        let snap = Snapshot {
            lang: "de".into(),
            url: String::new(),
            nodes: vec![node(-1, "body", "", "", "Willkommen")],
        };
        let result = scan(&snap, &Policy::default(), None, now()).unwrap();
        assert!(!result.summary.recognised);
        assert!(result.summary.why.unwrap().contains("keine Bestellnummern"));
    }

    #[test]
    fn fusion_rows_use_labels_and_the_state_label() {
        let mut nodes = vec![
            node(-1, "body", "", "", ""),
            node(0, "div", "list--x--Ab3", "", ""),
        ];
        for (id, countdown) in [
            ("8100000000000001", "1 day 4 hours"),
            ("8100000000000002", "02:00:00"),
        ] {
            let t = nodes.len() as i64;
            nodes.push(node(1, "table", "next-table-row", "", ""));
            nodes.push(node(t, "td", "", "orderInfo", ""));
            nodes.push(node(
                t + 1,
                "span",
                "header--value--E2HYUZn",
                "",
                &format!("Order ID: {id}"),
            ));
            nodes.push(node(
                t + 1,
                "span",
                "",
                "",
                "Payment time: 2026-11-19 10:00:00",
            ));
            nodes.push(node(t, "td", "", "status", ""));
            nodes.push(node(
                t + 4,
                "div",
                "chc-state-label__stateText",
                "",
                "Awaiting shipment",
            ));
            nodes.push(node(
                t + 4,
                "span",
                "",
                "",
                &format!("Remaining time: {countdown}"),
            ));
        }
        let snap = Snapshot {
            lang: "en".into(),
            url: String::new(),
            nodes,
        };
        let result = scan(&snap, &Policy::default(), None, now()).unwrap();
        assert_eq!(result.patches.len(), 2);
        assert_eq!(result.patches[0].node, 2);
        assert_eq!(
            result.patches[0].deadline_source,
            Some(DeadlineSource::Page)
        );
        assert_eq!(
            result.patches[0].deadline.as_deref(),
            Some("2026-11-22T00:00:00Z")
        );
        assert_eq!(result.patches[0].badge.text, "Ship within 1 d 4 h");
        assert_eq!(result.patches[0].badge.anchor, 7);
        assert_eq!(result.patches[1].badge.text, "Ship within 2 h");
    }

    #[test]
    fn a_malformed_snapshot_does_not_panic() {
        let snap = Snapshot {
            lang: "xx".into(),
            url: String::new(),
            nodes: vec![
                node(5, "tr", "", "", "8123456789012345"),
                node(0, "td", "", "", ""),
            ],
        };
        let result = scan(&snap, &Policy::default(), None, now()).unwrap();
        assert_eq!(result.lang, Lang::En);
    }

    /// The rows `rows` of `full` under a fresh root, after the context nodes the full scan named:
    /// what the page side sends when only those rows changed.
    fn rows_snapshot(full: &Snapshot, context: &[usize], rows: &[usize]) -> Snapshot {
        let ends = {
            let shape = tree::Shape::new(&full.nodes);
            shape.end
        };
        let mut nodes = vec![node(-1, "div", "", "", "")];
        for &top in context.iter().chain(rows) {
            let offset = nodes.len() as i64 - top as i64;
            for i in top..ends[top] {
                let mut n = full.nodes[i].clone();
                n.p = if i == top { 0 } else { n.p + offset };
                nodes.push(n);
            }
        }
        Snapshot {
            lang: full.lang.clone(),
            url: full.url.clone(),
            nodes,
        }
    }

    fn scan_rows(snapshot: &Snapshot) -> ScanResult {
        let setup = ScanSetup::new(
            &snapshot.lang,
            &snapshot.url,
            &Policy::default(),
            None,
            now(),
        )
        .unwrap();
        scan_prepared(snapshot, &setup, true)
    }

    fn same_reading(a: &Patch, b: &Patch) {
        assert_eq!(a.order_id, b.order_id);
        assert_eq!(a.status, b.status);
        assert_eq!(a.deadline, b.deadline);
        assert_eq!(a.deadline_source, b.deadline_source);
        assert_eq!(a.risk, b.risk);
        assert_eq!(a.badge.text, b.badge.text);
        assert_eq!(a.badge.hints, b.badge.hints);
    }

    #[test]
    fn a_changed_plain_row_reads_the_same_with_its_header_row() {
        let full = plain_table();
        let whole = scan(&full, &Policy::default(), None, now()).unwrap();
        assert_eq!(
            whole.context,
            vec![2],
            "the header row travels with changed rows"
        );
        let second = whole.patches[1].node;
        let rows = rows_snapshot(&full, &whole.context, &[second]);
        let part = scan_rows(&rows);
        assert_eq!(part.patches.len(), 1);
        same_reading(&part.patches[0], &whole.patches[1]);
        // Without the header row the payment column is unknown: the row is unreadable, not guessed.
        let bare = rows_snapshot(&full, &[], &[second]);
        let part = scan_rows(&bare);
        assert_eq!(part.patches[0].risk, Risk::Unreadable);
    }

    #[test]
    fn a_lone_row_without_status_is_a_record_only_in_a_rows_snapshot() {
        let snap = Snapshot {
            lang: "en".into(),
            url: String::new(),
            nodes: vec![
                node(-1, "div", "", "", ""),
                node(0, "div", "", "", ""),
                node(1, "span", "", "", "Order 8100000000000009"),
            ],
        };
        let once = scan(&snap, &Policy::default(), None, now()).unwrap();
        assert!(once.patches.is_empty(), "an order number in running text");
        let rows = scan_rows(&snap);
        assert_eq!(rows.patches.len(), 1);
        assert_eq!(rows.patches[0].node, 1);
        assert_eq!(rows.patches[0].risk, Risk::Unreadable);
    }

    #[test]
    fn a_session_fed_in_chunks_matches_a_scan_in_one_go() {
        let full = plain_table();
        let whole = scan(&full, &Policy::default(), None, now()).unwrap();
        let text = lines::write(&full.nodes);
        let mut session = PageSession::new(&full.lang, &full.url, false);
        let (head, tail) = text.split_at(text.find("\n6\t").unwrap_or(text.len() / 2) + 1);
        session.push_lines(head).unwrap();
        session.push_lines(tail).unwrap();
        let (records, ids_seen, context) = session.discover();
        assert_eq!((records, ids_seen), (2, true));
        assert_eq!(context, whole.context);
        let setup = ScanSetup::new(&full.lang, &full.url, &Policy::default(), None, now()).unwrap();
        let first = session.analyze(0..1, &setup);
        let rest = session.analyze(1..10, &setup);
        assert_eq!((first.len(), rest.len()), (1, 1));
        assert_eq!(first[0].0, whole.patches[0]);
        assert_eq!(rest[0].0, whole.patches[1]);
    }

    #[test]
    fn a_released_session_frees_its_nodes_in_steps_and_answers_no_more_patches() {
        let full = plain_table();
        let mut session = PageSession::new(&full.lang, &full.url, false);
        session.push_lines(&lines::write(&full.nodes)).unwrap();
        assert_eq!(session.discover().0, 2);
        let setup = ScanSetup::new(&full.lang, &full.url, &Policy::default(), None, now()).unwrap();
        assert_eq!(session.analyze(0..2, &setup).len(), 2);
        let steps = (1..).take_while(|_| !session.release(4)).take(100).count();
        assert_eq!(steps, full.nodes.len().div_ceil(4) - 1, "4 nodes per step");
        assert!(session.release(4), "stays released");
        assert!(session.analyze(0..2, &setup).is_empty());
    }

    #[test]
    fn a_page_with_one_fusion_order_makes_its_table_the_record_not_the_page() {
        let nodes = vec![
            node(-1, "body", "", "", ""),
            node(0, "div", "page--x", "", ""),
            node(1, "div", "next-table-body", "", ""),
            node(2, "table", "next-table-row", "", ""),
            node(3, "tr", "", "", ""),
            node(4, "td", "", "", "Order ID: 8100000000000001"),
            node(4, "td", "", "", ""),
            node(
                6,
                "div",
                "chc-state-label__stateText",
                "",
                "Awaiting shipment",
            ),
        ];
        let snap = Snapshot {
            lang: "en".into(),
            url: String::new(),
            nodes,
        };
        let result = scan(&snap, &Policy::default(), None, now()).unwrap();
        assert_eq!(result.patches.len(), 1);
        assert_eq!(result.patches[0].node, 3, "the order's table");
    }

    #[test]
    fn a_plain_table_with_one_order_makes_its_data_row_the_record() {
        let mut full = plain_table();
        full.nodes.truncate(10); // header row and the first order only
        let result = scan(&full, &Policy::default(), None, now()).unwrap();
        assert_eq!(result.patches.len(), 1);
        assert_eq!(result.patches[0].node, 6);
        assert_eq!(
            result.patches[0].deadline.as_deref(),
            Some("2026-11-25T18:00:00Z"),
            "fields read from the header row"
        );
    }
}
