//! A page scan in steps, so a big page never blocks: nodes arrive in chunks (their order ids are
//! read as they come), discovery finds the records once, and the records are analysed in slices.
//! `scan` runs the same steps in one go.

use std::ops::Range;
use std::rc::Rc;

use chrono::{DateTime, Utc};

use super::fields::{header_row, read_record, ColumnHeaders};
use super::records::{find_records, Found, IdIndex};
use super::tree::{Shape, Tag, Tree};
use super::{lines, page_lang, patch_for, Node, Patch, Snapshot};
use crate::core::{
    engine::analyze_one, AnalyzedOrder, Policy, PolicyError, Risk, Side, ValidPolicy,
};
use crate::present;
use crate::read::{buyer_page, DateOrder, Lang};

/// Everything a scan needs besides the nodes: the valid policy, the language, the clock.
pub struct ScanSetup {
    pub(super) valid: Rc<ValidPolicy>,
    /// The language the words are in.
    pub lang: Lang,
    date_order: DateOrder,
    side_by_url: bool,
    pub(super) now: DateTime<Utc>,
}

impl ScanSetup {
    /// Validates the policy; the page language is the override if valid, else the snapshot's.
    pub fn new(
        snapshot_lang: &str,
        url: &str,
        policy: &Policy,
        lang_override: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<ScanSetup, Vec<PolicyError>> {
        let valid = Rc::new(policy.validate()?);
        Ok(ScanSetup::with_valid(
            valid,
            snapshot_lang,
            url,
            lang_override,
            now,
        ))
    }

    /// With a policy validated before (validating builds calendars: a page scanned in many small
    /// steps validates its settings once).
    pub fn with_valid(
        valid: Rc<ValidPolicy>,
        snapshot_lang: &str,
        url: &str,
        lang_override: Option<&str>,
        now: DateTime<Utc>,
    ) -> ScanSetup {
        ScanSetup {
            valid,
            lang: page_lang(snapshot_lang, lang_override),
            // Unknown stays unknown: a date whose day and month could swap is unreadable, not guessed.
            date_order: DateOrder::from_tag(snapshot_lang),
            side_by_url: url.contains("/p/order/") || buyer_page::is_my_orders_url(url),
            now,
        }
    }
}

/// The records of a snapshot and what reading them needs.
pub(super) struct Discovered {
    pub found: Found,
    columns: ColumnHeaders,
    list_root: bool,
}

impl Discovered {
    /// Finds the records (`shape` closed).
    pub fn new(nodes: &[Node], shape: &Shape, ids: &IdIndex, list_root: bool) -> Discovered {
        let tree = Tree::new(nodes, shape);
        Discovered {
            found: find_records(&tree, ids, list_root),
            columns: ColumnHeaders::new(&tree, &shape.keyed_headers),
            list_root,
        }
    }

    /// The nodes a snapshot of changed rows must carry for those rows to read the same: the
    /// header cells and header rows the records' fields come from.
    pub fn context(&self, nodes: &[Node], shape: &Shape) -> Vec<usize> {
        let tree = Tree::new(nodes, shape);
        let mut context = self.columns.nodes.clone();
        for record in &self.found.records {
            if tree.tag(record.node) == Tag::Tr {
                if let Some(h) = header_row(&tree, record.node, self.list_root) {
                    if !context.contains(&h) {
                        context.push(h);
                    }
                }
            }
        }
        crate::core::sort::sort_by(&mut context, usize::cmp);
        context
    }

    /// Reads and analyses the records `range` (indices into the found records, clamped).
    pub fn analyze(
        &self,
        nodes: &[Node],
        shape: &Shape,
        range: Range<usize>,
        setup: &ScanSetup,
    ) -> Vec<(Patch, AnalyzedOrder)> {
        let tree = Tree::new(nodes, shape);
        let records = &self.found.records;
        let range = range.start.min(records.len())..range.end.min(records.len());
        let zone = setup.valid.platform_time_zone();
        let now = setup.now;
        let lang = setup.lang;
        records[range]
            .iter()
            .map(|record| {
                let read = read_record(
                    &tree,
                    record,
                    &self.columns,
                    self.list_root,
                    setup.date_order,
                    zone,
                    now,
                );
                // A "My Orders" address, or buyer-only wording on the order itself.
                let buyer = setup.side_by_url || read.buyer_wording;
                let unusable = read.unusable;
                let mut order = read.order;
                order.side = if buyer { Side::Buyer } else { Side::Seller };
                if buyer {
                    // The buyer-side lines (order date, refused or agreed cancellation): buyer_page.rs.
                    let texts: Vec<&str> = (record.node..tree.end[record.node])
                        .map(|i| tree.nodes[i].x.as_str())
                        .collect();
                    let seller_zone = setup.valid.seller_time_zone();
                    buyer_page::complete_buyer_order(
                        &mut order,
                        &texts,
                        setup.date_order,
                        seller_zone,
                    );
                }
                let mut verdict = analyze_one(&order, &setup.valid, now);
                if let Some(why) = unusable {
                    refuse_clock(&mut verdict, why);
                }
                let mut patch = patch_for(record, read.anchor, &verdict, lang, now);
                patch.sample = super::measured(&order, &verdict, &setup.valid);
                if buyer {
                    let badge = &mut patch.badge;
                    present::buyer::reword(
                        &mut badge.text,
                        &mut badge.hints,
                        &verdict,
                        &setup.valid,
                        lang,
                        now,
                    );
                }
                let mut due = super::recheck::changes_at(&order, &verdict, now);
                if buyer {
                    due =
                        super::recheck::buyer_changes_at(due, now, setup.valid.seller_time_zone());
                }
                patch.changes_at_ms = due.map(|at| at.timestamp_millis());
                (patch, verdict)
            })
            .collect()
    }
}

/// Makes a running clock unreadable, `why` as the reason: the page shows a countdown that could
/// not be used, so any deadline computed beside it may be one the page contradicts. An order whose
/// status runs no clock keeps its verdict.
fn refuse_clock(verdict: &mut AnalyzedOrder, why: String) {
    if verdict.risk == Risk::None {
        return;
    }
    verdict.reason = Some(why.into());
    verdict.risk = Risk::Unreadable;
    verdict.reason_code = None;
    verdict.deadline = None;
    verdict.deadline_source = None;
    verdict.seconds_left = None;
    verdict.ship_target = None;
    verdict.actionable = false;
    verdict.hints = Default::default();
}

/// A scan held between steps (the wasm keeps one per big page): push nodes, discover, analyse.
pub struct PageSession {
    snapshot: Snapshot,
    list_root: bool,
    shape: Shape,
    ids: IdIndex,
    discovered: Option<Discovered>,
}

impl PageSession {
    /// An empty session. With `list_root`, the root's children are rows of one list.
    pub fn new(lang: &str, url: &str, list_root: bool) -> PageSession {
        PageSession {
            snapshot: Snapshot {
                lang: lang.to_string(),
                url: url.to_string(),
                nodes: Vec::new(),
            },
            list_root,
            shape: Shape::default(),
            ids: IdIndex::default(),
            discovered: None,
        }
    }

    /// Appends nodes given as snapshot lines (see `lines`); node indices continue across calls.
    pub fn push_lines(&mut self, text: &str) -> Result<usize, String> {
        let first = self.snapshot.nodes.len();
        lines::parse_into(text, &mut self.snapshot.nodes)?;
        for i in first..self.snapshot.nodes.len() {
            let node = &self.snapshot.nodes[i];
            self.shape.push(node);
            self.ids.add(i, node);
        }
        self.discovered = None;
        Ok(self.snapshot.nodes.len() - first)
    }

    /// Finds the records among the nodes pushed so far: how many, and the context nodes.
    pub fn discover(&mut self) -> (usize, bool, Vec<usize>) {
        self.shape.close();
        let nodes = &self.snapshot.nodes;
        let d = Discovered::new(nodes, &self.shape, &self.ids, self.list_root);
        let answer = (
            d.found.records.len(),
            d.found.ids_seen,
            d.context(nodes, &self.shape),
        );
        self.discovered = Some(d);
        answer
    }

    /// Patches and verdicts of the records `range`; empty before `discover`.
    pub fn analyze(&self, range: Range<usize>, setup: &ScanSetup) -> Vec<(Patch, AnalyzedOrder)> {
        match &self.discovered {
            Some(d) => d.analyze(&self.snapshot.nodes, &self.shape, range, setup),
            None => Vec::new(),
        }
    }

    /// Frees the memory of up to `most` nodes, from the last; true once none is left. After the
    /// first call the session has no records (`analyze` returns nothing). A 10,000-order page has
    /// some 360,000 nodes of several small allocations each: freeing them at once keeps the page's
    /// main thread for about 60 ms, so the content script gives them back in slices.
    pub fn release(&mut self, most: usize) -> bool {
        self.discovered = None;
        self.shape = Shape::default();
        self.ids = IdIndex::default();
        let nodes = &mut self.snapshot.nodes;
        nodes.truncate(nodes.len().saturating_sub(most));
        nodes.is_empty()
    }
}

/// The ids of a whole snapshot (for a scan in one go).
pub(super) fn ids_of(nodes: &[Node]) -> IdIndex {
    let mut ids = IdIndex::default();
    for (i, node) in nodes.iter().enumerate() {
        ids.add(i, node);
    }
    ids
}
