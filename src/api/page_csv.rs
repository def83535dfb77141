//! `csvOfLines`: the extension's "Export CSV" — the CSV `toCsv` writes, of the orders read from
//! snapshot lines of the page's rows. The content script keeps only what its overlay shows of
//! each order; the verdicts the CSV needs (hint codes, the reason of a stopped clock) are read
//! again here, by the same page pipeline, so the file holds what the page shows.

use wasm_bindgen::prelude::*;

use super::scan::{error_json, instant, valid_settings};
use super::wording;
use crate::core::export::to_csv;
use crate::core::AnalyzedOrder;
use crate::read::json_text::quoted;
use crate::scan::{PageSession, ScanSetup};

/// The CSV of every record in the snapshot `lines` (see `scanLines`; with `rows`, the root's
/// children are rows of one list), in snapshot order, hints worded in the page language and
/// deadlines also in the seller's time zone of the settings. `{"csv"}` or `{"error"}` as JSON;
/// `header: false` leaves the header out, so the CSVs of consecutive batches concatenate.
#[wasm_bindgen(js_name = csvOfLines)]
pub fn csv_of_lines(
    lang: &str,
    url: &str,
    lines: &str,
    options_json: &str,
    now_ms: f64,
    rows: bool,
    header: bool,
) -> String {
    let Some(now) = instant(now_ms) else {
        return error_json("bad time");
    };
    let (valid, lang_override) = match valid_settings(options_json) {
        Ok(settings) => settings,
        Err(json) => return json,
    };
    let zone = valid.seller_time_zone();
    let setup = ScanSetup::with_valid(valid, lang, url, lang_override.as_deref(), now);
    let mut session = PageSession::new(lang, url, rows);
    if let Err(e) = session.push_lines(lines) {
        return error_json(format!("bad snapshot: {e}"));
    }
    let (records, _, _) = session.discover();
    let orders: Vec<AnalyzedOrder> = session
        .analyze(0..records, &setup)
        .into_iter()
        .map(|(_, order)| order)
        .collect();
    let csv = to_csv(&orders, zone, |h| wording::hint(h, setup.lang).to_string());
    let csv = if header {
        csv
    } else {
        // The header is one line: its cells hold no line break.
        csv.split_once("\r\n")
            .map_or(String::new(), |(_, rest)| rest.to_string())
    };
    format!("{{\"csv\":{}}}", quoted(&csv))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "https://csp.aliexpress.com/m_apps/order-manage/orderList";

    /// A plain table: header row, two orders awaiting shipment.
    fn lines() -> String {
        let mut out = String::from("-1\tbody\t\t\t\n0\ttable\t\t\t\n1\ttr\t\t\t\n");
        for h in ["Order ID", "Payment time", "Status"] {
            out.push_str(&format!("2\tth\t\t\t{h}\n"));
        }
        for (id, paid) in [
            ("8123456789012345", "2026-11-18 10:00:00"),
            ("8123456789012346", "2026-11-14 10:00:00"),
        ] {
            let tr = out.lines().count();
            out.push_str("1\ttr\t\t\t\n");
            for text in [id, paid, "Awaiting shipment"] {
                out.push_str(&format!("{tr}\ttd\t\t\t{text}\n"));
            }
        }
        out
    }

    fn csv(options: &str, header: bool) -> serde_json::Value {
        let now = 1_795_464_000_000.0; // 2026-11-20T20:00:00Z
        let answer = csv_of_lines("en", LIST, &lines(), options, now, false, header);
        serde_json::from_str(&answer).unwrap()
    }

    #[test]
    fn one_row_per_record_in_the_seller_zone_and_batches_concatenate() {
        let answer = csv(r#"{"policy":{"sellerTimeZone":"Europe/Madrid"}}"#, true);
        let text = answer["csv"].as_str().unwrap();
        let rows: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(rows.len(), 3, "{text}");
        assert!(rows[0].contains("deadline (seller time, Europe/Madrid)"));
        // Paid 10:00 Pacific (18:00 UTC), 7 × 24 h: 25 Nov 18:00 UTC, 19:00 in Madrid.
        assert!(rows[1].starts_with(
            "8123456789012345,WAIT_SELLER_SEND_GOODS,2026-11-25T18:00:00Z,2026-11-25 19:00:00 +01:00,ship,"
        ));
        assert!(rows[2].starts_with("8123456789012346,"));
        let body = csv(r#"{"policy":{"sellerTimeZone":"Europe/Madrid"}}"#, false);
        assert_eq!(
            format!("{}\r\n{}", rows[0], body["csv"].as_str().unwrap()),
            text
        );
    }

    #[test]
    fn bad_settings_and_snapshots_are_errors_not_files() {
        let answer = csv(r#"{"policy":{"sellerTimeZone":"Mars/Olympus"}}"#, true);
        assert_eq!(answer["error"], "invalid settings");
        let bad = csv_of_lines("en", LIST, "x\ty\n", "{}", 0.0, false, true);
        assert!(bad.contains("bad snapshot"), "{bad}");
    }
}
