//! CSV export of an analysis: one row per order, safe to open in a spreadsheet.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::analysis::{AnalyzedOrder, DeadlineKind, Hint, Risk};

/// Spreadsheets run a cell that starts with one of these as a formula (CSV injection, OWASP):
/// such cells get a leading apostrophe, which spreadsheets show as text and do not evaluate.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The CSV of `orders` in their given order: order id, status code, deadline in UTC and in the
/// seller's time zone, clock kind, risk, hints (worded by `hint_text`, joined by "; ") and reason.
///
/// Quoting follows RFC 4180, and every cell that a spreadsheet would evaluate as
/// a formula is neutralised, since order data (ids, reasons from a CSV import) comes from outside.
pub fn to_csv(
    orders: &[AnalyzedOrder],
    seller_tz: Tz,
    hint_text: impl Fn(Hint) -> String,
) -> String {
    let mut out = String::new();
    let seller_header = format!("deadline (seller time, {})", seller_tz.name());
    let header = [
        "order id",
        "status",
        "deadline (UTC)",
        seller_header.as_str(),
        "kind",
        "risk",
        "hint",
        "reason",
    ];
    write_row(&mut out, header.iter().map(|cell| cell.to_string()));
    for order in orders {
        let hints: Vec<String> = order.hints.iter().map(|h| hint_text(*h)).collect();
        let row = [
            order.order_id.to_string(),
            order
                .status
                .map(|s| s.code().to_string())
                .unwrap_or_default(),
            order.deadline.map(utc_text).unwrap_or_default(),
            order
                .deadline
                .map(|d| seller_text(d, seller_tz))
                .unwrap_or_default(),
            order
                .deadline_kind
                .map(kind_code)
                .unwrap_or_default()
                .to_string(),
            risk_code(order.risk).to_string(),
            hints.join("; "),
            order.reason.as_deref().unwrap_or_default().to_string(),
        ];
        write_row(&mut out, row.iter().map(|cell| neutralise(cell)));
    }
    out
}

/// One record, RFC 4180: cells joined by commas, a cell holding a comma, a quote or a line
/// break quoted with its quotes doubled, CRLF after the record. Written by hand: the `csv`
/// crate's writer brings a float parser into the wasm (for a quoting style never used here).
fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (index, cell) in cells.enumerate() {
        if index > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// A cell a spreadsheet shows as the same text and never evaluates.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn utc_text(at: DateTime<Utc>) -> String {
    super::iso_time::utc_seconds(at)
}

fn seller_text(at: DateTime<Utc>, tz: Tz) -> String {
    super::iso_time::local_seconds_with_offset(&at.with_timezone(&tz))
}

/// The snake_case code of a clock, as serde writes it.
pub fn kind_code(kind: DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::Payment => "payment",
        DeadlineKind::Ship => "ship",
        DeadlineKind::CancelResponse => "cancel_response",
        DeadlineKind::DisputeResponse => "dispute_response",
        DeadlineKind::Receipt => "receipt",
        DeadlineKind::SupplierShip => "supplier_ship",
        DeadlineKind::TrackingProof => "tracking_proof",
        DeadlineKind::Refund => "refund",
    }
}

/// The snake_case code of a risk, as serde writes it.
pub fn risk_code(risk: Risk) -> &'static str {
    match risk {
        Risk::Overdue => "overdue",
        Risk::Critical => "critical",
        Risk::Unreadable => "unreadable",
        Risk::Warning => "warning",
        Risk::Ok => "ok",
        Risk::None => "none",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::status::OrderStatus;
    use chrono::TimeZone;

    fn sample(id: &str) -> AnalyzedOrder {
        AnalyzedOrder {
            order_id: id.into(),
            status: Some(OrderStatus::WaitSellerSendGoods),
            deadline: Some(Utc.with_ymd_and_hms(2026, 11, 20, 22, 33, 5).unwrap()),
            deadline_kind: Some(DeadlineKind::Ship),
            deadline_source: None,
            seconds_left: Some(3600),
            risk: Risk::Critical,
            reason: None,
            reason_code: None,
            actionable: true,
            hints: vec![Hint::PastInternalTarget, Hint::DoubleCheckShipButton].into(),
            ship_target: None,
            settings_deadline: None,
        }
    }

    fn words(h: Hint) -> String {
        format!("{h:?}")
    }

    fn parse(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn writes_header_and_one_row_per_order_in_utc_and_seller_time() {
        let text = to_csv(
            &[sample("8180000000000001")],
            chrono_tz::Europe::Madrid,
            words,
        );
        let rows = parse(&text);
        assert_eq!(
            rows[0],
            vec![
                "order id",
                "status",
                "deadline (UTC)",
                "deadline (seller time, Europe/Madrid)",
                "kind",
                "risk",
                "hint",
                "reason"
            ]
        );
        assert_eq!(
            rows[1],
            vec![
                "8180000000000001",
                "WAIT_SELLER_SEND_GOODS",
                "2026-11-20T22:33:05Z",
                "2026-11-20 23:33:05 +01:00",
                "ship",
                "critical",
                "PastInternalTarget; DoubleCheckShipButton",
                ""
            ]
        );
        assert_eq!(rows.len(), 2);
        assert!(text.ends_with("\r\n"));
    }

    #[test]
    fn seller_time_follows_daylight_saving() {
        let mut order = sample("1");
        order.deadline = Some(Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap());
        let rows = parse(&to_csv(&[order], chrono_tz::America::Los_Angeles, words));
        assert_eq!(rows[1][3], "2026-07-01 05:00:00 -07:00");
    }

    #[test]
    fn missing_values_are_empty_cells_and_reason_is_kept() {
        let mut order = sample("2");
        order.status = None;
        order.deadline = None;
        order.deadline_kind = None;
        order.risk = Risk::Unreadable;
        order.hints.clear();
        order.reason = Some("payment time: \"31/02/2026\" is not a date, \"quoted\"".into());
        let rows = parse(&to_csv(&[order], chrono_tz::UTC, words));
        assert_eq!(
            rows[1],
            vec![
                "2",
                "",
                "",
                "",
                "",
                "unreadable",
                "",
                "payment time: \"31/02/2026\" is not a date, \"quoted\""
            ]
        );
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for payload in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let mut order = sample(payload);
            order.reason = Some(payload.to_string().into());
            let rows = parse(&to_csv(&[order], chrono_tz::UTC, words));
            assert_eq!(rows[1][0], format!("'{payload}"), "{payload:?}");
            assert_eq!(rows[1][7], format!("'{payload}"), "{payload:?}");
        }
        assert_eq!(neutralise("8180000000000001"), "8180000000000001");
        assert_eq!(neutralise("a=b"), "a=b");
    }

    #[test]
    fn every_code_matches_serde() {
        for kind in [
            DeadlineKind::Payment,
            DeadlineKind::Ship,
            DeadlineKind::CancelResponse,
            DeadlineKind::DisputeResponse,
            DeadlineKind::Receipt,
            DeadlineKind::SupplierShip,
            DeadlineKind::TrackingProof,
            DeadlineKind::Refund,
        ] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind_code(kind));
        }
        for risk in Risk::ALL {
            assert_eq!(serde_json::to_value(risk).unwrap(), risk_code(risk));
        }
    }
}
