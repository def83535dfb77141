//! Which elements are order records: the largest element that carries exactly one order id,
//! inside a parent that carries several (a list), or that carries a readable status.

use std::collections::HashMap;

use super::fields::{find_status, header_row};
use super::tree::{Tag, Tree};
use super::Node;
use crate::read;

/// The order ids seen in the nodes' own texts, collected as the nodes arrive.
#[derive(Debug, Default)]
pub(super) struct IdIndex {
    distinct: Vec<String>,
    index: HashMap<String, usize>,
    /// (node, distinct id), in node order.
    occurrences: Vec<(usize, usize)>,
}

impl IdIndex {
    /// Reads the order ids of node `i`.
    pub fn add(&mut self, i: usize, node: &Node) {
        if node.x.is_empty() {
            return;
        }
        for id in read::find_order_ids(&node.x) {
            let next = self.distinct.len();
            let k = *self.index.entry(id.clone()).or_insert(next);
            if k == next {
                self.distinct.push(id);
            }
            self.occurrences.push((i, k));
        }
    }
}

/// One order record on the page.
#[derive(Debug, Clone)]
pub(super) struct Record {
    pub node: usize,
    pub order_id: String,
    pub id_node: usize,
}

/// The records of a snapshot, in document order.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub records: Vec<Record>,
    pub ids_seen: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ids {
    None,
    One(usize),
    Many,
}

/// Finds the records. With `list_root`, the root's children are rows of one list (a snapshot of
/// just the rows that changed), so a lone row there is a record without further proof.
pub(super) fn find_records(tree: &Tree, ids_index: &IdIndex, list_root: bool) -> Found {
    let n = tree.nodes.len();
    let occurrences = &ids_index.occurrences;
    let mut ids = vec![Ids::None; n];
    for &(i, k) in occurrences {
        let mut at = Some(i);
        while let Some(a) = at {
            let next = match ids[a] {
                Ids::None => Ids::One(k),
                Ids::One(j) if j == k => Ids::One(k),
                _ => Ids::Many,
            };
            if next == ids[a] {
                break; // every ancestor already holds this answer
            }
            ids[a] = next;
            at = tree.parent[a];
        }
    }
    let mut records: Vec<Record> = Vec::new();
    let mut taken = vec![false; n];
    for &(i, k) in occurrences {
        if ids[i] != Ids::One(k) {
            continue; // the same text names two orders: not one record's id
        }
        let mut r = i;
        while let Some(p) = tree.parent[r] {
            if ids[p] != Ids::One(k)
                || tree.parent[p].is_none()
                || matches!(tree.tag(p), Tag::Body | Tag::Html)
                // A table holding one order is that order's record (Fusion renders each order as
                // its own table): on a page with a single order, climbing on would make the whole
                // page one record.
                || tree.tag(r) == Tag::Table
            {
                break;
            }
            r = p;
        }
        // A plain table with a header row and one order: the order is its data row.
        if tree.tag(r) == Tag::Table && (r..tree.end[r]).any(|j| tree.tag(j) == Tag::Th) {
            if let Some(row) = tree.ancestor_with_tag(i, Tag::Tr).filter(|&row| row > r) {
                if header_row(tree, row, false).is_some_and(|h| h > r) {
                    r = row;
                }
            }
        }
        if taken[r] {
            continue;
        }
        let in_list = tree.parent[r].is_some_and(|p| ids[p] == Ids::Many)
            || (list_root && tree.parent[r] == Some(0));
        if !in_list && find_status(tree, r).is_none() {
            continue; // a lone order number in running text (a notice, a message) is not a list row
        }
        taken[r] = true;
        records.push(Record {
            node: r,
            order_id: ids_index.distinct[k].clone(),
            id_node: i,
        });
    }
    crate::core::sort::sort_by(&mut records, |a, b| a.node.cmp(&b.node));
    Found {
        records,
        ids_seen: !occurrences.is_empty(),
    }
}
