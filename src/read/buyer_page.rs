//! The dropshipper's buyer-side "My Orders" page (`www.aliexpress.com/p/order/index.html` and its
//! country hosts): what it says beyond what the seller-center reader already reads.
//!
//! Each order is an `.order-item` whose header holds the status, "Order date: Nov 20, 2026" and
//! "Order ID: 8123… Copy". The page shows a date without a time and no payment time (AliExpress
//! charges at checkout), and, after a cancellation, a line saying when the supplier refused or
//! agreed to it. This module turns those into the times the buyer-side clocks start from.

use chrono_tz::Tz;

use super::date::read_date;
use super::date_order::DateOrder;
use super::text::{normalize, phrase_table, PhraseTable};
use crate::core::calendar::start_of_day;
use crate::core::{Order, OrderStatus};

/// Is `url` a buyer-side "My Orders" page (any AliExpress country host)?
pub fn is_my_orders_url(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    // `aliexpress.com`, `es.aliexpress.com`, `aliexpress.ru`, `aliexpress.com.br`: only
    // top-level labels may follow the name (`aliexpress.evil.com` is someone else's site).
    let aliexpress = labels
        .iter()
        .position(|l| *l == "aliexpress")
        .is_some_and(|p| {
            let after = &labels[p + 1..];
            (1..=2).contains(&after.len()) && after.iter().all(|l| l.len() <= 3)
        });
    aliexpress
        && (path.starts_with("p/order/")
            || path.starts_with("order_list")
            || path.starts_with("orderList"))
}

/// What a buyer-side line says about the cancellation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    OrderDate,
    CancelRefused,
    CancelAgreed,
    RefundDone,
    Shipped,
}

/// Labels of the buyer-side lines, normal form (see [`normalize`]).
const LABELS: PhraseTable<Line> = phrase_table![
    ("order date", Line::OrderDate),
    ("order placed", Line::OrderDate),
    ("fecha del pedido", Line::OrderDate),
    ("fecha de pedido", Line::OrderDate),
    ("bestelldatum", Line::OrderDate),
    ("date de commande", Line::OrderDate),
    ("data do pedido", Line::OrderDate),
    ("data dell'ordine", Line::OrderDate),
    ("дата заказа", Line::OrderDate),
    ("下单日期", Line::OrderDate),
    ("订单日期", Line::OrderDate),
    ("cancellation refused", Line::CancelRefused),
    ("cancellation rejected", Line::CancelRefused),
    ("seller refused the cancellation", Line::CancelRefused),
    ("cancelacion rechazada", Line::CancelRefused),
    ("el vendedor rechazo la cancelacion", Line::CancelRefused),
    ("cancellation approved", Line::CancelAgreed),
    ("cancellation agreed", Line::CancelAgreed),
    ("cancelled on", Line::CancelAgreed),
    ("refund started", Line::CancelAgreed),
    ("cancelacion aceptada", Line::CancelAgreed),
    ("cancelado el", Line::CancelAgreed),
    ("reembolso iniciado", Line::CancelAgreed),
    ("refunded on", Line::RefundDone),
    ("refund completed", Line::RefundDone),
    ("reembolsado el", Line::RefundDone),
    ("reembolso completado", Line::RefundDone),
    ("shipped on", Line::Shipped),
    ("ship date", Line::Shipped),
    ("enviado el", Line::Shipped),
    ("fecha de envio", Line::Shipped),
];

/// Buyer-only status labels the seller panel never prints, normal form.
const STATUSES: PhraseTable<OrderStatus> = phrase_table![
    ("cancellation refused", OrderStatus::InCancel),
    ("cancellation in progress", OrderStatus::InCancel),
    ("awaiting cancellation", OrderStatus::InCancel),
    ("refund in progress", OrderStatus::InCancel),
    ("refunding", OrderStatus::InCancel),
    ("cancelacion rechazada", OrderStatus::InCancel),
    ("cancelacion en curso", OrderStatus::InCancel),
    ("reembolso en curso", OrderStatus::InCancel),
    ("reembolso en proceso", OrderStatus::InCancel),
];

/// A buyer-only status label ("Refund in progress", "Cancelación rechazada"), if `text` is one.
pub fn buyer_status(text: &str) -> Option<OrderStatus> {
    let norm = normalize(text);
    STATUSES
        .iter()
        .find(|(label, _)| norm == *label)
        .map(|(_, status)| status)
}

/// Completes a buyer-side order from the texts of its record (one entry per element, in order):
/// the order date stands for the payment time, a refusal or agreement line starts the tracking
/// proof or refund clock. `zone` is the one the working days are counted in (the seller's, here the
/// dropshipper's): a date is taken at its first instant there, so it is the same day for the
/// calendar and never in the future on the day itself.
pub fn complete_buyer_order(order: &mut Order, texts: &[&str], date_order: DateOrder, zone: Tz) {
    let mut refund_done = false;
    for (i, text) in texts.iter().enumerate() {
        if order.status.is_none() {
            order.status = buyer_status(text);
        }
        let Some((line, value)) = labelled(text) else {
            continue;
        };
        // "Order date:" with the date in the next element.
        let value = if value.is_empty() {
            texts[i + 1..]
                .iter()
                .find(|t| !t.trim().is_empty())
                .copied()
                .unwrap_or("")
        } else {
            value
        };
        let day = match read_date(value, date_order) {
            Ok(day) => day,
            Err(e) => {
                order
                    .read_errors
                    .push(format!("{}: {}", text.trim(), e.detail));
                continue;
            }
        };
        // A generic reader may have refused the same value (a date without a time): read now.
        order.read_errors.retain(|e| !e.contains(value));
        let at = Some(start_of_day(day, zone));
        match line {
            Line::OrderDate => order.created = order.created.or(at),
            Line::CancelRefused => order.cancel_refused = order.cancel_refused.or(at),
            Line::CancelAgreed => order.cancel_agreed = order.cancel_agreed.or(at),
            Line::Shipped => order.shipped = order.shipped.or(at),
            Line::RefundDone => refund_done = true,
        }
    }
    let unpaid = order.status == Some(OrderStatus::PlaceOrderSuccess);
    if order.paid.is_none() && !unpaid {
        order.paid = order.created;
    }
    // A cancellation answered by the supplier keeps the dropshipper's clock running, whatever
    // the header says ("Closed" while the refund travels, "Awaiting delivery" after a refusal).
    let answered = order.cancel_refused.is_some() || order.cancel_agreed.is_some();
    if answered && !refund_done && order.status != Some(OrderStatus::InIssue) {
        order.status = Some(OrderStatus::InCancel);
        order.end_reason = None;
    }
}

/// `(line kind, value)` for "Label: value"; `None` for other texts.
fn labelled(text: &str) -> Option<(Line, &str)> {
    let cut = text.find([':', '：'])?;
    let label = normalize(&text[..cut]);
    let value = text[cut..].trim_start_matches([':', '：']).trim();
    LABELS
        .iter()
        .find(|(l, _)| label == *l)
        .map(|(_, line)| (line, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_keep_one_value_per_phrase_in_normal_form() {
        LABELS.assert_normal();
        STATUSES.assert_normal();
    }

    #[test]
    fn recognises_the_my_orders_addresses() {
        for url in [
            "https://www.aliexpress.com/p/order/index.html",
            "https://es.aliexpress.com/p/order/index.html?spm=a2g0o",
            "https://aliexpress.ru/p/order/index.html",
            "https://www.aliexpress.us/p/order/index.html#tab=shipped",
        ] {
            assert!(is_my_orders_url(url), "{url}");
        }
        for url in [
            "https://csp.aliexpress.com/m_apps/order-manage/orderList?channelId=1",
            "https://www.aliexpress.com/item/1005001234567890.html",
            "https://evil.example/p/order/index.html",
            "https://aliexpress.evil.com/p/order/index.html",
        ] {
            assert!(!is_my_orders_url(url), "{url}");
        }
    }
}
