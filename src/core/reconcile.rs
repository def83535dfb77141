//! Reconciliation: the platform's orders against another system's (a multi-channel platform, a shop),
//! because an expired API token silently stops the import (seed 002) and only a daily comparison shows it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::analysis::{AnalyzedOrder, DeadlineKind, Risk};
use super::status::OrderStatus;

/// What is wrong with one order id across the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    /// On the platform, missing from the other system: the import stopped or skipped it.
    OnlyOnPlatform,
    /// In the other system, missing from the platform list: a stale copy, or the platform list is partial.
    OnlyOnOther,
    /// On both sides with different statuses: one side was not updated.
    StatusMismatch,
}

/// One order id that does not match across the two sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Discrepancy {
    /// The order id.
    pub order_id: String,
    /// What is wrong.
    pub kind: DiscrepancyKind,
    /// The status on the platform, when the order is there and its status was read.
    pub platform_status: Option<OrderStatus>,
    /// The status in the other system, when the order is there and its status was read.
    pub other_status: Option<OrderStatus>,
    /// The urgency of the order: the platform's verdict when the platform has it, else the other side's.
    pub risk: Risk,
    /// The running clock's end, from the same side as `risk`.
    #[serde(default, with = "super::iso_time::utc::option")]
    pub deadline: Option<DateTime<Utc>>,
    /// The running clock, from the same side as `risk`.
    pub deadline_kind: Option<DeadlineKind>,
    /// Seconds left at the analysis time, from the same side as `risk`.
    pub seconds_left: Option<i64>,
}

/// The comparison of two order lists.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reconciliation {
    /// Every discrepancy, most urgent first (risk, then deadline, then order id).
    pub discrepancies: Vec<Discrepancy>,
    /// Order ids present on both sides with the same status (or a status one side could not read).
    pub matched: u32,
    /// Distinct order ids on the platform side.
    pub platform_total: u32,
    /// Distinct order ids on the other side.
    pub other_total: u32,
}

/// Compares two analysed order lists by order id.
///
/// An id listed twice on one side counts once, with its most urgent entry, so a duplicated import
/// row neither hides nor doubles a discrepancy. An unread status on either side is not a mismatch:
/// only two statuses that were both read and differ are.
pub fn reconcile(platform: &[AnalyzedOrder], other: &[AnalyzedOrder]) -> Reconciliation {
    let platform_by_id = index_by_id(platform);
    let other_by_id = index_by_id(other);
    let mut discrepancies = Vec::new();
    let mut matched = 0;

    for (id, p) in &platform_by_id {
        match other_by_id.get(id) {
            None => discrepancies.push(discrepancy(
                p,
                DiscrepancyKind::OnlyOnPlatform,
                p.status,
                None,
            )),
            Some(o) => match (p.status, o.status) {
                (Some(ps), Some(os)) if ps != os => discrepancies.push(discrepancy(
                    p,
                    DiscrepancyKind::StatusMismatch,
                    Some(ps),
                    Some(os),
                )),
                _ => matched += 1,
            },
        }
    }
    for (id, o) in &other_by_id {
        if !platform_by_id.contains_key(id) {
            discrepancies.push(discrepancy(o, DiscrepancyKind::OnlyOnOther, None, o.status));
        }
    }
    super::sort::sort_by(&mut discrepancies, |a, b| {
        a.risk
            .cmp(&b.risk)
            .then_with(|| deadline_order(a.deadline, b.deadline))
            .then_with(|| a.order_id.cmp(&b.order_id))
    });
    Reconciliation {
        discrepancies,
        matched,
        platform_total: platform_by_id.len() as u32,
        other_total: other_by_id.len() as u32,
    }
}

/// Sooner deadlines first; orders with no deadline after every dated one.
fn deadline_order(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

fn index_by_id(orders: &[AnalyzedOrder]) -> HashMap<&str, &AnalyzedOrder> {
    let mut by_id: HashMap<&str, &AnalyzedOrder> = HashMap::new();
    for order in orders {
        let id = order.order_id.trim();
        if id.is_empty() {
            continue;
        }
        by_id
            .entry(id)
            .and_modify(|kept| {
                let more_urgent = order
                    .risk
                    .cmp(&kept.risk)
                    .then_with(|| deadline_order(order.deadline, kept.deadline))
                    == std::cmp::Ordering::Less;
                if more_urgent {
                    *kept = order;
                }
            })
            .or_insert(order);
    }
    by_id
}

fn discrepancy(
    source: &AnalyzedOrder,
    kind: DiscrepancyKind,
    platform_status: Option<OrderStatus>,
    other_status: Option<OrderStatus>,
) -> Discrepancy {
    Discrepancy {
        order_id: source.order_id.trim().to_string(),
        kind,
        platform_status,
        other_status,
        risk: source.risk,
        deadline: source.deadline,
        deadline_kind: source.deadline_kind,
        seconds_left: source.seconds_left,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn order(
        id: &str,
        status: Option<OrderStatus>,
        risk: Risk,
        deadline_hour: Option<u32>,
    ) -> AnalyzedOrder {
        AnalyzedOrder {
            order_id: id.into(),
            status,
            deadline: deadline_hour.map(|h| Utc.with_ymd_and_hms(2026, 11, 20, h, 0, 0).unwrap()),
            deadline_kind: deadline_hour.map(|_| DeadlineKind::Ship),
            deadline_source: None,
            seconds_left: deadline_hour.map(|h| i64::from(h) * 3600),
            risk,
            reason: None,
            reason_code: None,
            actionable: true,
            hints: Default::default(),
            ship_target: None,
            settings_deadline: None,
        }
    }

    const SEND: Option<OrderStatus> = Some(OrderStatus::WaitSellerSendGoods);
    const SHIPPED: Option<OrderStatus> = Some(OrderStatus::WaitBuyerAcceptGoods);

    #[test]
    fn identical_lists_have_no_discrepancy() {
        let list = vec![
            order("1", SEND, Risk::Ok, Some(10)),
            order("2", SHIPPED, Risk::Ok, Some(12)),
        ];
        let r = reconcile(&list, &list);
        assert!(r.discrepancies.is_empty());
        assert_eq!((r.matched, r.platform_total, r.other_total), (2, 2, 2));
    }

    #[test]
    fn finds_one_sided_orders_and_status_mismatches() {
        let platform = vec![
            order("1", SEND, Risk::Ok, Some(10)),
            order("2", SHIPPED, Risk::Ok, Some(12)),
            order("3", SEND, Risk::Warning, Some(9)),
        ];
        let other = vec![
            order("2", SEND, Risk::Critical, Some(1)),
            order("3", SEND, Risk::Ok, None),
            order("4", SHIPPED, Risk::None, None),
        ];
        let r = reconcile(&platform, &other);
        let kinds: Vec<_> = r
            .discrepancies
            .iter()
            .map(|d| (d.order_id.as_str(), d.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                // The platform's risk rules: order 2 is Ok on the platform even if the other side says critical.
                ("1", DiscrepancyKind::OnlyOnPlatform),
                ("2", DiscrepancyKind::StatusMismatch),
                ("4", DiscrepancyKind::OnlyOnOther),
            ]
        );
        let mismatch = &r.discrepancies[1];
        assert_eq!(
            (mismatch.platform_status, mismatch.other_status),
            (SHIPPED, SEND)
        );
        assert_eq!(mismatch.risk, Risk::Ok);
        assert_eq!(r.matched, 1);
        assert_eq!((r.platform_total, r.other_total), (3, 3));
    }

    #[test]
    fn urgent_first_then_sooner_deadline() {
        let platform = vec![
            order("a", SEND, Risk::Ok, Some(5)),
            order("b", SEND, Risk::Overdue, Some(1)),
            order("c", SEND, Risk::Critical, Some(3)),
            order("d", SEND, Risk::Critical, Some(2)),
            order("e", None, Risk::Unreadable, None),
        ];
        let r = reconcile(&platform, &[]);
        let ids: Vec<_> = r
            .discrepancies
            .iter()
            .map(|d| d.order_id.as_str())
            .collect();
        assert_eq!(ids, vec!["b", "d", "c", "e", "a"]);
    }

    #[test]
    fn unread_status_is_not_a_mismatch() {
        let r = reconcile(
            &[order("1", None, Risk::Unreadable, None)],
            &[order("1", SEND, Risk::Ok, Some(3))],
        );
        assert!(r.discrepancies.is_empty());
        assert_eq!(r.matched, 1);
    }

    #[test]
    fn duplicate_ids_count_once_with_the_most_urgent_entry() {
        let platform = vec![
            order("7", SEND, Risk::Ok, Some(20)),
            order(" 7 ", SEND, Risk::Critical, Some(2)),
        ];
        let r = reconcile(&platform, &[]);
        assert_eq!(r.platform_total, 1);
        assert_eq!(r.discrepancies.len(), 1);
        assert_eq!(r.discrepancies[0].risk, Risk::Critical);
        assert_eq!(r.discrepancies[0].order_id, "7");
    }

    #[test]
    fn blank_ids_are_ignored() {
        let r = reconcile(
            &[order("  ", SEND, Risk::Ok, None)],
            &[order("", SEND, Risk::Ok, None)],
        );
        assert_eq!(
            (r.platform_total, r.other_total, r.discrepancies.len()),
            (0, 0, 0)
        );
    }
}
