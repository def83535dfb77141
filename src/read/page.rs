//! The page decision, pure: a snapshot of a page's elements in, order records → orders →
//! annotation patches out. The extension's content script, its background worker and the widget
//! all call this one function, so every decision — what is an order, which field is which, the
//! deadline, the risk, the wording — is made once, here.
//!
//! Records are found by content, never by hashed class names: a record is the largest element
//! that carries exactly one order id, inside a parent that carries several (a list), or that
//! carries a readable status. Fields come from column headers (plain tables by column index,
//! Fusion tables by `data-next-table-col`), from "label: value" text, and from the status label.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::core::{
    engine::analyze_one, AnalyzedOrder, DeadlineKind, DeadlineSource, GivenDeadline, Order,
    OrderStatus, Policy, PolicyError, Risk, RiskCounts, Side,
};
use crate::present;
use crate::read::{buyer_page, DateOrder, Lang};

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
    /// The element's own text (its direct text children), white space collapsed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub x: String,
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
}

/// One line of the overlay's "next deadlines".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NextDeadline {
    /// The record's node (to scroll to).
    pub node: usize,
    /// The order id.
    pub order_id: String,
    /// Its risk.
    pub risk: Risk,
    /// The badge text.
    pub text: String,
}

/// A future deadline the background may notify about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alert {
    /// The order id.
    pub order_id: String,
    /// The deadline, milliseconds since the epoch.
    pub deadline_ms: i64,
    /// Which clock.
    pub kind: DeadlineKind,
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

/// Everything the overlay shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Whether an order list was recognised.
    pub recognised: bool,
    /// When not: the headline and why, for a person.
    pub why: Option<String>,
    /// Counts per risk.
    pub counts: RiskCounts,
    /// The most urgent running clocks, at most five.
    pub next: Vec<NextDeadline>,
    /// Future deadlines for notifications.
    pub alerts: Vec<Alert>,
    /// When the badges next change (next minute boundary), ms since the epoch; `None` when no clock runs.
    pub refresh_at_ms: Option<i64>,
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
    /// The overlay's content.
    pub summary: Summary,
}

/// Which order field a column header or a "label:" names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageField {
    Status,
    Created,
    Paid,
    Shipped,
    CancelRequested,
    DisputeOpened,
    TimeLeft,
    Deadline,
}

/// The page language: the override if valid, else the snapshot's, else English.
pub fn page_lang(snapshot: &Snapshot, lang_override: Option<&str>) -> Lang {
    lang_override
        .and_then(Lang::from_tag)
        .or_else(|| Lang::from_tag(&snapshot.lang))
        .unwrap_or_default()
}

/// The decision: records, orders, deadlines and words for one snapshot at `now`.
pub fn scan(
    snapshot: &Snapshot,
    policy: &Policy,
    lang_override: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ScanResult, Vec<PolicyError>> {
    let valid = policy.validate()?;
    let lang = page_lang(snapshot, lang_override);
    let w = present::words(lang);
    let tree = Tree::new(&snapshot.nodes);
    let found = find_records(&tree);
    // Unknown stays unknown: a date whose day and month could swap is then unreadable, not guessed.
    let date_order = DateOrder::from_tag(&snapshot.lang);
    let zone = valid.platform_time_zone();
    let side_by_url =
        snapshot.url.contains("/p/order/") || buyer_page::is_my_orders_url(&snapshot.url);
    let columns = ColumnHeaders::new(&tree);

    let mut patches = Vec::with_capacity(found.records.len());
    let mut analysed: Vec<(usize, AnalyzedOrder)> = Vec::with_capacity(found.records.len());
    for record in &found.records {
        let read = read_record(&tree, record, &columns, date_order, zone, now);
        // A "My Orders" address, or buyer-only wording on the order itself.
        let buyer = side_by_url || read.buyer_wording;
        let mut order = read.order;
        order.side = if buyer { Side::Buyer } else { Side::Seller };
        if buyer {
            // The buyer-side lines (order date, refused or agreed cancellation): src/read/buyer_page.rs.
            let texts: Vec<&str> = (record.node..tree.end[record.node])
                .map(|i| tree.nodes[i].x.as_str())
                .collect();
            let seller_zone = valid.seller_time_zone();
            buyer_page::complete_buyer_order(&mut order, &texts, date_order, seller_zone);
        }
        let verdict = analyze_one(&order, &valid, now);
        let mut patch = patch_for(record, read.anchor, &verdict, lang, now);
        if buyer {
            let badge = &mut patch.badge;
            present::buyer::reword(
                &mut badge.text,
                &mut badge.hints,
                &verdict,
                &valid,
                lang,
                now,
            );
        }
        patches.push(patch);
        analysed.push((record.node, verdict));
    }

    let mut counts = RiskCounts::default();
    for (_, v) in &analysed {
        counts.total += 1;
        match v.risk {
            Risk::Overdue => counts.overdue += 1,
            Risk::Critical => counts.critical += 1,
            Risk::Warning => counts.warning += 1,
            Risk::Ok => counts.ok += 1,
            Risk::None => counts.none += 1,
            Risk::Unreadable => counts.unreadable += 1,
        }
    }
    let mut running: Vec<&(usize, AnalyzedOrder)> = analysed
        .iter()
        .filter(|(_, v)| v.deadline.is_some())
        .collect();
    running.sort_by_key(|(_, v)| (v.risk, v.deadline));
    let next = running
        .iter()
        .take(5)
        .map(|(node, v)| NextDeadline {
            node: *node,
            order_id: v.order_id.to_string(),
            risk: v.risk,
            text: present::badge(v, lang),
        })
        .collect();
    let alerts = analysed
        .iter()
        .filter(|(_, v)| v.actionable)
        .filter_map(|(_, v)| match (v.deadline, v.deadline_kind) {
            (Some(at), Some(kind)) if at > now => Some(Alert {
                order_id: v.order_id.to_string(),
                deadline_ms: at.timestamp_millis(),
                kind,
            }),
            _ => None,
        })
        .collect();
    let refresh_at_ms = (!running.is_empty()).then(|| {
        let ms = now.timestamp_millis();
        (ms / 60_000 + 1) * 60_000
    });
    let why = if found.records.is_empty() {
        Some(format!(
            "{}: {}",
            w.no_list,
            if found.ids_seen {
                w.why_no_rows
            } else {
                w.why_no_ids
            }
        ))
    } else {
        None
    };
    let risks = [
        Risk::Overdue,
        Risk::Critical,
        Risk::Unreadable,
        Risk::Warning,
        Risk::Ok,
        Risk::None,
    ]
    .into_iter()
    .map(|r| (r, present::risk_label(r, lang).to_string()))
    .collect();
    Ok(ScanResult {
        lang,
        patches,
        summary: Summary {
            recognised: !found.records.is_empty(),
            why,
            counts,
            next,
            alerts,
            refresh_at_ms,
            ui: UiWords {
                title: w.title.into(),
                orders_found: w.orders_found.into(),
                next_deadlines: w.next_deadlines.into(),
                collapse: w.collapse.into(),
                expand: w.expand.into(),
                deadline_at: w.deadline_at.into(),
                risks,
            },
        },
    })
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
        .map(|h| present::hint(*h, lang).to_string())
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

/// The snapshot as a tree: subtree ranges (pre-order makes a subtree contiguous) and children.
struct Tree<'a> {
    nodes: &'a [Node],
    parent: Vec<Option<usize>>,
    end: Vec<usize>,
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    fn new(nodes: &'a [Node]) -> Tree<'a> {
        let n = nodes.len();
        // A parent must come before its child; anything else is a malformed snapshot: treat as a root.
        let parent: Vec<Option<usize>> = nodes
            .iter()
            .enumerate()
            .map(|(i, node)| usize::try_from(node.p).ok().filter(|&p| p < i))
            .collect();
        let mut end: Vec<usize> = (1..=n).collect();
        for i in (0..n).rev() {
            if let Some(p) = parent[i] {
                end[p] = end[p].max(end[i]);
            }
        }
        let mut children = vec![Vec::new(); n];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        Tree {
            nodes,
            parent,
            end,
            children,
        }
    }

    fn text(&self, i: usize) -> String {
        let mut out = String::new();
        for node in &self.nodes[i..self.end[i]] {
            if !node.x.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&node.x);
            }
        }
        out
    }

    fn tag(&self, i: usize) -> &str {
        &self.nodes[i].t
    }

    fn ancestor_with_tag(&self, mut i: usize, tag: &str) -> Option<usize> {
        while let Some(p) = self.parent[i] {
            if self.tag(p) == tag {
                return Some(p);
            }
            i = p;
        }
        None
    }

    fn cells(&self, row: usize) -> Vec<usize> {
        self.children[row]
            .iter()
            .copied()
            .filter(|&c| matches!(self.tag(c), "td" | "th"))
            .collect()
    }
}

/// One order record on the page.
struct Record {
    node: usize,
    order_id: String,
    id_node: usize,
}

struct Found {
    records: Vec<Record>,
    ids_seen: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ids {
    None,
    One(usize),
    Many,
}

fn find_records(tree: &Tree) -> Found {
    let n = tree.nodes.len();
    let mut distinct: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut occurrences: Vec<(usize, usize)> = Vec::new();
    for (i, node) in tree.nodes.iter().enumerate() {
        if node.x.is_empty() {
            continue;
        }
        for id in readers::order_ids(&node.x) {
            let next = distinct.len();
            let k = *index.entry(id.clone()).or_insert(next);
            if k == next {
                distinct.push(id);
            }
            occurrences.push((i, k));
        }
    }
    let mut ids = vec![Ids::None; n];
    for &(i, k) in &occurrences {
        let mut at = Some(i);
        while let Some(a) = at {
            ids[a] = match ids[a] {
                Ids::None => Ids::One(k),
                Ids::One(j) if j == k => Ids::One(k),
                _ => Ids::Many,
            };
            at = tree.parent[a];
        }
    }
    let mut records: Vec<Record> = Vec::new();
    let mut taken = vec![false; n];
    for &(i, k) in &occurrences {
        if ids[i] != Ids::One(k) {
            continue; // the same text names two orders: not one record's id
        }
        let mut r = i;
        while let Some(p) = tree.parent[r] {
            if ids[p] != Ids::One(k)
                || tree.parent[p].is_none()
                || matches!(tree.tag(p), "body" | "html")
            {
                break;
            }
            r = p;
        }
        if taken[r] {
            continue;
        }
        let in_list = tree.parent[r].is_some_and(|p| ids[p] == Ids::Many);
        if !in_list && find_status(tree, r).is_none() {
            continue; // a lone order number in running text (a notice, a message) is not a list row
        }
        taken[r] = true;
        records.push(Record {
            node: r,
            order_id: distinct[k].clone(),
            id_node: i,
        });
    }
    records.sort_by_key(|r| r.node);
    Found {
        records,
        ids_seen: !occurrences.is_empty(),
    }
}

/// Column headers: Fusion's by `data-next-table-col` key, plain tables' by position.
struct ColumnHeaders {
    by_key: HashMap<String, PageField>,
}

impl ColumnHeaders {
    fn new(tree: &Tree) -> ColumnHeaders {
        let mut by_key = HashMap::new();
        for (i, node) in tree.nodes.iter().enumerate() {
            if node.t == "th" && !node.k.is_empty() {
                if let Some(field) = readers::field(&tree.text(i)) {
                    by_key.insert(node.k.clone(), field);
                }
            }
        }
        ColumnHeaders { by_key }
    }

    /// The fields of a plain table's columns, from its first row of `th` cells.
    fn by_position(tree: &Tree, row: usize) -> Vec<Option<PageField>> {
        let Some(table) = tree.ancestor_with_tag(row, "table") else {
            return Vec::new();
        };
        let header_row = (table..tree.end[table])
            .find(|&i| tree.tag(i) == "tr" && tree.cells(i).iter().any(|&c| tree.tag(c) == "th"));
        match header_row {
            Some(h) if h != row => tree
                .cells(h)
                .into_iter()
                .map(|c| readers::field(&tree.text(c)))
                .collect(),
            _ => Vec::new(),
        }
    }
}

struct ReadRecord {
    order: Order,
    anchor: usize,
    buyer_wording: bool,
}

fn find_status(tree: &Tree, record: usize) -> Option<(usize, readers::StatusLabel)> {
    let range = record..tree.end[record];
    let labelled = range.clone().find(|&i| {
        tree.nodes[i]
            .c
            .split_ascii_whitespace()
            .any(|c| c == "chc-state-label__stateText")
    });
    if let Some(i) = labelled {
        return readers::status(&tree.text(i)).map(|s| (i, s));
    }
    range
        .filter(|&i| is_short_label(&tree.nodes[i].x))
        .find_map(|i| readers::status(&tree.nodes[i].x).map(|s| (i, s)))
}

/// Status labels are short; a product title that happens to contain "shipped" is not one.
fn is_short_label(text: &str) -> bool {
    !text.is_empty() && text.chars().count() <= 40 && !text.chars().any(|c| c.is_ascii_digit())
}

fn read_record(
    tree: &Tree,
    record: &Record,
    columns: &ColumnHeaders,
    date_order: DateOrder,
    zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> ReadRecord {
    let mut order = Order {
        id: record.order_id.clone(),
        ..Order::default()
    };
    let mut values: Vec<(PageField, String)> = Vec::new();

    // Plain tables: the header row names the columns.
    if tree.tag(record.node) == "tr" {
        let fields = ColumnHeaders::by_position(tree, record.node);
        for (cell, field) in tree.cells(record.node).into_iter().zip(fields) {
            if let Some(field) = field {
                values.push((field, tree.text(cell)));
            }
        }
    }
    let range = record.node..tree.end[record.node];
    let mut skip_until = record.node;
    for i in range.clone() {
        let node = &tree.nodes[i];
        // Fusion: the column key names the column.
        if !node.k.is_empty() && i >= skip_until {
            if let Some(&field) = columns.by_key.get(&node.k) {
                values.push((field, tree.text(i)));
                skip_until = tree.end[i];
            }
        }
        // "Payment time: 2026-11-20 10:00:00", or the label alone and the value in the next element.
        if let Some((label, value)) = split_label(&node.x) {
            if let Some(field) = readers::field(label) {
                // The value of a bare label is the next text beside it, never in another block.
                let limit = tree.parent[i].map_or(tree.end[record.node], |p| tree.end[p]);
                let value = if value.is_empty() {
                    (i + 1..limit.min(tree.end[record.node]))
                        .map(|j| tree.nodes[j].x.as_str())
                        .find(|x| !x.is_empty())
                        .unwrap_or("")
                        .to_string()
                } else {
                    value.to_string()
                };
                values.push((field, value));
            }
        }
    }

    let mut anchor = record.id_node;
    let mut buyer_wording = false;
    if let Some((node, label)) = find_status(tree, record.node) {
        anchor = node;
        order.status = Some(label.status);
        buyer_wording = label.side == Some(Side::Buyer);
        if label.status == OrderStatus::Finish && label.closed {
            order.end_reason = Some("closed".into());
        }
    }
    for (field, value) in values {
        let value = value.trim();
        match field {
            PageField::Status => {
                if order.status.is_none() {
                    match crate::read::read_status(value) {
                        Ok(label) => {
                            order.status = Some(label.status);
                            buyer_wording |= label.side == Some(Side::Buyer);
                        }
                        Err(e) => order.read_errors.push(format!("status: {e}")),
                    }
                }
            }
            PageField::TimeLeft => match readers::countdown(value) {
                Ok(left) => {
                    order.given_deadline = Some(GivenDeadline {
                        at: now + left,
                        source: DeadlineSource::Page,
                    })
                }
                Err(e) => order.read_errors.push(format!("time left: {e}")),
            },
            PageField::Deadline => match readers::datetime(value, date_order, zone) {
                Ok(at) => {
                    if order.given_deadline.is_none() {
                        order.given_deadline = Some(GivenDeadline {
                            at,
                            source: DeadlineSource::Page,
                        })
                    }
                }
                Err(e) => order.read_errors.push(format!("deadline: {e}")),
            },
            date_field => {
                let slot = match date_field {
                    PageField::Created => &mut order.created,
                    PageField::Paid => &mut order.paid,
                    PageField::Shipped => &mut order.shipped,
                    PageField::CancelRequested => &mut order.cancel_requested,
                    _ => &mut order.dispute_opened,
                };
                if value.is_empty() || slot.is_some() {
                    continue;
                }
                match readers::datetime(value, date_order, zone) {
                    Ok(at) => *slot = Some(at),
                    Err(e) => order.read_errors.push(e),
                }
            }
        }
    }
    ReadRecord {
        order,
        anchor,
        buyer_wording,
    }
}

fn split_label(text: &str) -> Option<(&str, &str)> {
    let cut = text.find([':', '：'])?;
    let label = text[..cut].trim();
    let value = text[cut..].trim_start_matches([':', '：']).trim();
    // "10:22:00" is a time, not a label.
    if label.is_empty() || label.chars().last().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((label, value))
}

/// The readers this decision uses, in one place (src/read's text readers).
mod readers {
    use super::*;
    use crate::read::{self, Field};
    use std::cell::RefCell;

    pub use crate::read::StatusLabel;

    /// Order numbers in a piece of text.
    pub fn order_ids(text: &str) -> Vec<String> {
        read::find_order_ids(text)
    }

    /// The order field a column header or a "label:" names, among those a page decision uses.
    pub fn field(label: &str) -> Option<PageField> {
        memo(&FIELDS, label, field_uncached)
    }

    fn field_uncached(label: &str) -> Option<PageField> {
        Some(match read::field_for_header(label)? {
            Field::Status => PageField::Status,
            Field::Created => PageField::Created,
            Field::Paid => PageField::Paid,
            Field::Shipped => PageField::Shipped,
            Field::CancelRequested => PageField::CancelRequested,
            Field::DisputeOpened => PageField::DisputeOpened,
            Field::TimeLeft => PageField::TimeLeft,
            Field::Deadline => PageField::Deadline,
            _ => return None,
        })
    }

    /// A status label, when the text is one.
    pub fn status(text: &str) -> Option<StatusLabel> {
        memo(&STATUSES, text, |t| read::read_status(t).ok())
    }

    // A page repeats the same few labels and statuses on every row, and the phrase-table readers
    // cost a fraction of a millisecond per call: remember their answers (bounded, per thread).
    type Memo<T> = RefCell<HashMap<String, T>>;
    thread_local! {
        static FIELDS: Memo<Option<PageField>> = RefCell::new(HashMap::new());
        static STATUSES: Memo<Option<StatusLabel>> = RefCell::new(HashMap::new());
    }
    const MEMO_LIMIT: usize = 4096;

    fn memo<T: Copy>(
        cache: &'static std::thread::LocalKey<Memo<T>>,
        key: &str,
        compute: impl FnOnce(&str) -> T,
    ) -> T {
        if let Some(hit) = cache.with(|c| c.borrow().get(key).copied()) {
            return hit;
        }
        let value = compute(key);
        cache.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= MEMO_LIMIT {
                c.clear();
            }
            c.insert(key.to_string(), value);
        });
        value
    }

    /// A countdown as signed time left.
    pub fn countdown(text: &str) -> Result<Duration, String> {
        read::read_countdown(text)
            .map(|c| Duration::seconds(c.seconds))
            .map_err(|e| e.to_string())
    }

    /// A date and time as the panel prints it, wall clock in the platform's zone.
    pub fn datetime(
        text: &str,
        order: DateOrder,
        zone: chrono_tz::Tz,
    ) -> Result<DateTime<Utc>, String> {
        read::read_datetime(text, order, zone).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(p: i64, t: &str, c: &str, k: &str, x: &str) -> Node {
        Node {
            p,
            t: t.into(),
            c: c.into(),
            k: k.into(),
            x: x.into(),
        }
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
        assert_eq!(result.summary.next[0].order_id, "8123456789012346");
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
        assert_eq!(result.summary.refresh_at_ms, None);
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
}
