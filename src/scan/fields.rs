//! Reading one record: column headers to fields, the status label, "label: value" texts,
//! and the readers that turn those texts into an order.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::records::Record;
use super::time_left::{TimeLeft, TimeLeftTexts};
use super::tree::{Tag, Tree};
use crate::core::{DeadlineSource, GivenDeadline, Order, OrderStatus, Side};
use crate::read::DateOrder;

/// Which order field a column header or a "label:" names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PageField {
    Status,
    Created,
    Paid,
    Shipped,
    CancelRequested,
    DisputeOpened,
    TimeLeft,
    Deadline,
    /// When the current status began, the label not saying which ("Request date", "申请时间").
    EventTime,
}

/// Column headers: Fusion's by `data-next-table-col` key, plain tables' by position.
pub(super) struct ColumnHeaders {
    by_key: HashMap<String, PageField>,
    /// The header cells that name a field: a snapshot of changed rows must include them.
    pub nodes: Vec<usize>,
}

impl ColumnHeaders {
    pub fn new(tree: &Tree, keyed_headers: &[usize]) -> ColumnHeaders {
        let mut by_key = HashMap::new();
        let mut nodes = Vec::new();
        for &i in keyed_headers {
            if let Some(field) = readers::field(&tree.text(i)) {
                by_key.insert(tree.nodes[i].k.clone(), field);
                nodes.push(i);
            }
        }
        ColumnHeaders { by_key, nodes }
    }

    /// The fields of a plain table's columns, from its first row of `th` cells.
    fn by_position(tree: &Tree, row: usize, list_root: bool) -> Vec<Option<PageField>> {
        match header_row(tree, row, list_root) {
            Some(h) => tree
                .cells(h)
                .into_iter()
                .map(|c| readers::field(&tree.text(c)))
                .collect(),
            None => Vec::new(),
        }
    }
}

/// A plain table row's header row: the first row of `th` cells of its table (or, in a snapshot
/// of changed rows, of the whole snapshot, where the header row travels with the rows).
pub(super) fn header_row(tree: &Tree, row: usize, list_root: bool) -> Option<usize> {
    let table = tree
        .ancestor_with_tag(row, Tag::Table)
        .or(list_root.then_some(0))?;
    (table..tree.end[table])
        .find(|&i| tree.tag(i) == Tag::Tr && tree.cells(i).iter().any(|&c| tree.tag(c) == Tag::Th))
        .filter(|&h| h != row)
}

pub(super) struct ReadRecord {
    pub order: Order,
    pub anchor: usize,
    pub buyer_wording: bool,
    /// Why the order must be unreadable whatever else was read (a countdown the page shows that
    /// cannot be used).
    pub unusable: Option<String>,
}

/// Fusion's status label element, the one stable class name of a row.
fn state_label(tree: &Tree, record: usize) -> Option<usize> {
    (record..tree.end[record]).find(|&i| {
        tree.nodes[i]
            .c
            .split_ascii_whitespace()
            .any(|c| c == "chc-state-label__stateText")
    })
}

pub(super) fn find_status(tree: &Tree, record: usize) -> Option<(usize, readers::StatusLabel)> {
    let range = record..tree.end[record];
    if let Some(i) = state_label(tree, record) {
        return readers::status(&tree.text(i)).map(|s| (i, s));
    }
    range
        .filter(|&i| is_short_label(&tree.nodes[i].x))
        .find_map(|i| readers::status(&tree.nodes[i].x).map(|s| (i, s)))
}

/// Status labels are short; a product title that happens to contain "shipped" is not one. The
/// longest wordings ("El comprador ha solicitado la cancelación", "In attesa che l'acquirente
/// confermi la ricezione") pass 40 characters.
fn is_short_label(text: &str) -> bool {
    !text.is_empty() && text.chars().count() <= 64 && !text.chars().any(|c| c.is_ascii_digit())
}

pub(super) fn read_record(
    tree: &Tree,
    record: &Record,
    columns: &ColumnHeaders,
    list_root: bool,
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
    if tree.tag(record.node) == Tag::Tr {
        let fields = ColumnHeaders::by_position(tree, record.node, list_root);
        for (cell, field) in tree.cells(record.node).into_iter().zip(fields) {
            if let Some(field) = field {
                values.push((field, tree.text(cell)));
            }
        }
    }
    let mut time_left = TimeLeftTexts::default();
    let mut skip_until = record.node;
    for i in record.node..tree.end[record.node] {
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
        // A countdown carrying its own words, wherever it stands.
        time_left.consider(&node.x);
        if !node.x.is_empty() && i + 1 < tree.end[i] {
            let numbers = (i + 1..tree.end[i])
                .filter(|&j| tree.parent[j] == Some(i))
                .filter(|&j| {
                    let x = &tree.nodes[j].x;
                    !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit())
                })
                .count();
            time_left.consider_split(&node.x, numbers);
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
    } else if let Some(i) = state_label(tree, record.node) {
        // The label the page shows, in the reason: the seller can say which wording was not known.
        if let Err(e) = crate::read::read_status(&tree.text(i)) {
            order.read_errors.push(format!("status: {e}"));
        }
    }
    let mut event_times = Vec::new();
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
            PageField::TimeLeft => time_left.labelled(value),
            PageField::EventTime => event_times.push(value.to_string()),
            PageField::Deadline => match readers::datetime(value, date_order, zone) {
                Ok(at) => {
                    // A countdown, read below, wins over a printed deadline.
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
    // A label that does not say which event dates the current status's: the buyer's request on a
    // cancellation row, the dispute's opening on a dispute row.
    let slot = match order.status {
        Some(OrderStatus::InCancel) => Some(&mut order.cancel_requested),
        Some(OrderStatus::InIssue) => Some(&mut order.dispute_opened),
        _ => None,
    };
    if let Some(slot) = slot {
        for value in event_times.iter().filter(|v| !v.is_empty()) {
            match readers::datetime(value, date_order, zone) {
                Ok(at) if slot.is_none() => *slot = Some(at),
                Ok(_) => {}
                Err(e) => order.read_errors.push(e),
            }
        }
    }
    let mut unusable = None;
    match time_left.decide() {
        TimeLeft::Absent => {}
        TimeLeft::Read(left) => {
            order.given_deadline = Some(GivenDeadline {
                at: now + left,
                source: DeadlineSource::Page,
            })
        }
        TimeLeft::Unusable(why) => unusable = Some(why),
    }
    ReadRecord {
        order,
        anchor,
        buyer_wording,
        unusable,
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
            Field::EventTime => PageField::EventTime,
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

    /// A date and time as the panel prints it, wall clock in the platform's zone.
    pub fn datetime(
        text: &str,
        order: DateOrder,
        zone: chrono_tz::Tz,
    ) -> Result<DateTime<Utc>, String> {
        read::read_datetime(text, order, zone).map_err(|e| e.to_string())
    }
}
