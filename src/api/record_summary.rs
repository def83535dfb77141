//! `summarizeRecords`: the page side's one summary of its annotated records (the overlay, the
//! toolbar count, the notifications). The records arrive as columns, not objects: a page of
//! 10,000 orders summarizes at every change, and typed arrays cross the boundary in one copy.

use std::collections::HashSet;

use wasm_bindgen::prelude::*;

use super::js_error::error_json;
use crate::core::{summarize_records as summarize, Risk, SummaryRecord};

/// The records as columns, one entry per record in page order: `ids` the order ids joined by
/// "\n"; `risks` each risk's position in `Risk::ALL` (the overlay's `ui.risks`); `deadlines` Unix
/// milliseconds, NaN for none; `actionable` 1 or 0. `watched`: the order ids the notifier holds
/// something for, joined by "\n"; `cap`: how many soonest deadlines to notify about. JSON
/// `{counts, urgent, alerts}` (positions, see `core::record_summary`), or `{error}`.
#[wasm_bindgen(js_name = summarizeRecords)]
pub fn summarize_records(
    ids: &str,
    risks: &[u8],
    deadlines: &[f64],
    actionable: &[u8],
    watched: &str,
    now_ms: f64,
    cap: u32,
) -> String {
    match records(ids, risks, deadlines, actionable) {
        Ok(records) => {
            let watched: HashSet<&str> = watched.split('\n').filter(|id| !id.is_empty()).collect();
            let summary = summarize(&records, &watched, now_ms as i64, cap as usize);
            serde_json::to_string(&summary).unwrap_or_else(error_json)
        }
        Err(message) => error_json(format!("bad records: {message}")),
    }
}

/// The columns as records, or why they do not line up.
fn records<'a>(
    ids: &'a str,
    risks: &[u8],
    deadlines: &[f64],
    actionable: &[u8],
) -> Result<Vec<SummaryRecord<'a>>, String> {
    let ids: Vec<&str> = if risks.is_empty() {
        Vec::new()
    } else {
        ids.split('\n').collect()
    };
    let count = risks.len();
    if ids.len() != count || deadlines.len() != count || actionable.len() != count {
        return Err(format!(
            "{} ids, {count} risks, {} deadlines and {} actionable flags: one each per record",
            ids.len(),
            deadlines.len(),
            actionable.len()
        ));
    }
    (0..count)
        .map(|at| {
            let risk = *Risk::ALL.get(risks[at] as usize).ok_or_else(|| {
                format!(
                    "risk {} at record {at}: there are {}",
                    risks[at],
                    Risk::ALL.len()
                )
            })?;
            let deadline = deadlines[at];
            Ok(SummaryRecord {
                order_id: ids[at],
                risk,
                deadline_ms: deadline.is_finite().then_some(deadline as i64),
                actionable: actionable[at] != 0,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_json_out() {
        let json = summarize_records(
            "7\n8\n7",
            &[4, 0, 1],
            &[2e12, 1e12, f64::NAN],
            &[1, 1, 0],
            "8",
            1.5e12,
            100,
        );
        assert_eq!(
            json,
            r#"{"counts":{"overdue":1,"critical":0,"warning":0,"ok":1,"none":0,"unreadable":0,"total":2},"urgent":[1,0],"alerts":[0,1]}"#
        );
    }

    #[test]
    fn columns_that_do_not_line_up_are_refused_with_why() {
        let json = summarize_records("7\n8", &[4], &[1.0], &[1], "", 0.0, 1);
        assert!(json.contains("2 ids, 1 risks"), "{json}");
        let json = summarize_records("7", &[9], &[1.0], &[1], "", 0.0, 1);
        assert!(json.contains("risk 9 at record 0"), "{json}");
        assert!(summarize_records("", &[], &[], &[], "", 0.0, 1).contains("\"total\":0"));
    }
}
