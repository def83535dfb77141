//! CSV order lists into engine orders: the seller center's export, or any CSV with a header row.
//!
//! Columns are found by their header in any of the eight languages (the same table as page
//! tables, [`field_for_header`]), so column order and extra columns do not matter. The
//! delimiter (`,`, `;` or tab) is sniffed, a UTF-8 byte-order mark is skipped, title lines above
//! the header are tolerated, and an export that lists one line per product is merged back into
//! one order per id.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::countdown::read_countdown;
use super::date::read_datetime;
use super::date_order::DateOrder;
use super::error::{ReadError, ReadErrorKind};
use super::header::{field_for_header, Field};
use super::order_flags::with_flags;
use super::order_id::read_order_id;
use super::status_label::read_status;
use crate::core::{DeadlineSource, GivenDeadline, Order, OrderStatus, Side};

/// How to read a CSV.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CsvOptions {
    /// Day/month order of numeric dates; `Unknown` lets each date column decide from its own
    /// unambiguous values (a `25/11` somewhere settles the column), else ambiguous dates are errors.
    pub date_order: DateOrder,
    /// The platform zone: dates without an offset are wall-clock times there.
    pub zone: Tz,
    /// When the file's countdowns were true (the export time, or when it was read):
    /// "time left" columns count from it.
    pub read_at: DateTime<Utc>,
    /// Whose orders these are (seller center export, or a dropshipper's own list).
    pub side: Side,
    /// The delimiter, when the caller knows it; `None` sniffs `,`, `;` or tab.
    pub delimiter: Option<u8>,
}

impl CsvOptions {
    /// Seller orders, sniffed delimiter, date order decided by the file.
    pub fn new(read_at: DateTime<Utc>, zone: Tz) -> CsvOptions {
        CsvOptions {
            date_order: DateOrder::Unknown,
            zone,
            read_at,
            side: Side::Seller,
            delimiter: None,
        }
    }
}

/// One header of the file and the field it was recognised as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvColumn {
    /// The header as written.
    pub header: String,
    /// The field it holds; `None` for a column this reader does not use or know.
    pub field: Option<Field>,
}

/// What a CSV held: its orders, its problems and how its columns were understood.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvReading {
    /// One order per id, in the order of first appearance.
    pub orders: Vec<Order>,
    /// Every problem, with its row (lines counted from the header: 1 is the line after it,
    /// blank lines included, as a spreadsheet shows them), column header and text.
    pub errors: Vec<ReadError>,
    /// The header row as understood (empty when no header was found).
    pub columns: Vec<CsvColumn>,
}

/// Reads the orders of a CSV text.
///
/// A row without a readable order id is reported and skipped; a row with other unreadable
/// cells keeps its order, with those fields empty and the reasons in `read_errors`. A file with
/// no order-id column at all gives one error that lists the headers it saw.
pub fn read_csv_orders(text: &str, options: &CsvOptions) -> CsvReading {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return failed(ReadError::new(
            ReadErrorKind::Empty,
            "",
            "the CSV is empty: expected a header row and order rows",
        ));
    }
    let candidates: Vec<u8> = match options.delimiter {
        Some(delimiter) => vec![delimiter],
        None => sniff_delimiters(text),
    };
    let mut first_try = None;
    for delimiter in candidates {
        let records = records(text, delimiter);
        match find_header(&records) {
            Some(header_at) => return read_table(&records, header_at, options),
            None => {
                first_try.get_or_insert(records);
            }
        }
    }
    let seen = first_try
        .as_ref()
        .and_then(|records| records.iter().find(|record| !is_blank(&record.cells)))
        .map(|record| record.cells.join(", "))
        .unwrap_or_default();
    failed(ReadError::new(
        ReadErrorKind::BadCsv,
        &seen,
        format!(
            "has no order id column: expected a header such as \"Order ID\", \"Nº de pedido\", \
             \"Bestellnummer\", \"订单号\" or \"order_id\" (headers seen: {seen})"
        ),
    ))
}

fn failed(error: ReadError) -> CsvReading {
    CsvReading {
        errors: vec![error],
        ..CsvReading::default()
    }
}

/// Title lines above the header ("Orders exported 2026-11-25") are skipped up to this many.
const HEADER_SEARCH_ROWS: usize = 10;

/// Longer cells are data, not headers; looking them up in the header table would cost a
/// table scan each while searching for the header row.
const MAX_HEADER_BYTES: usize = 120;

/// Lines looked at to guess the delimiter.
const SNIFF_LINES: usize = 10;

/// `,`, `;` and tab, most likely first: the one found on the most of the first lines (outside
/// quotes), then the most often. Spreadsheets in comma-decimal locales write `;`.
fn sniff_delimiters(text: &str) -> Vec<u8> {
    let mut scored: Vec<(u8, usize, usize)> = [b',', b';', b'\t']
        .into_iter()
        .map(|delimiter| {
            let counts: Vec<usize> = text
                .lines()
                .filter(|line| !line.trim().is_empty())
                .take(SNIFF_LINES)
                .map(|line| count_outside_quotes(line, delimiter))
                .collect();
            let lines_with = counts.iter().filter(|&&count| count > 0).count();
            (delimiter, lines_with, counts.iter().sum())
        })
        .collect();
    // Stable insertion sort of three, most lines first, then most delimiters; ties keep `,`
    // first. By hand: a library sort is several KB of wasm per element type.
    for sorted in 1..scored.len() {
        let mut at = sorted;
        while at > 0 && (scored[at].1, scored[at].2) > (scored[at - 1].1, scored[at - 1].2) {
            scored.swap(at, at - 1);
            at -= 1;
        }
    }
    scored
        .into_iter()
        .map(|(delimiter, _, _)| delimiter)
        .collect()
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for byte in line.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if byte == delimiter && !quoted {
            count += 1;
        }
    }
    count
}

/// A record and the line it starts on (1-based). The reader skips blank lines, so the line,
/// not the record's index, is what places a row for a person.
struct Record {
    line: u64,
    cells: Vec<String>,
}

fn records(text: &str, delimiter: u8) -> Vec<Record> {
    let bytes = text.as_bytes();
    // A record's first byte is where the previous one ended, before the line breaks the reader
    // skips: count the lines up to the record's first byte here.
    let (mut counted_to, mut line) = (0_usize, 1_u64);
    split_records(text, delimiter)
        .into_iter()
        .map(|(start, cells)| {
            let mut start = start.clamp(counted_to, bytes.len());
            while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
                start += 1;
            }
            line += bytes[counted_to..start]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count() as u64;
            counted_to = start;
            Record { line, cells }
        })
        .collect()
}

/// The records of `text` split on `delimiter` (RFC 4180 quoting; blank lines skipped; rows of
/// any length), each with the byte offset where reading it began.
///
/// `csv_core` rather than the `csv` crate: the input is already in memory, and the `csv` crate's
/// `std::io` and serde layers cost wasm size for nothing here.
pub(crate) fn split_records(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
    use csv_core::ReadRecordResult;
    let bytes = text.as_bytes();
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    // A record's unquoted bytes never outnumber its input bytes.
    let mut fields = vec![0_u8; bytes.len()];
    let mut ends = vec![0_usize; 32];
    let mut records = Vec::new();
    let mut at = 0;
    loop {
        let start = at;
        let (mut field_len, mut end_len) = (0, 0);
        loop {
            let (result, read, written, ended) =
                reader.read_record(&bytes[at..], &mut fields[field_len..], &mut ends[end_len..]);
            at += read;
            field_len += written;
            end_len += ended;
            match result {
                // The next call with no input left tells the reader the text has ended.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => fields.resize(fields.len() * 2 + 64, 0),
                ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
                ReadRecordResult::Record => break,
                ReadRecordResult::End => return records,
            }
        }
        let mut from = 0;
        let cells = ends[..end_len]
            .iter()
            .map(|&end| {
                let cell = String::from_utf8_lossy(&fields[from..end]).into_owned();
                from = end;
                cell
            })
            .collect();
        records.push((start, cells));
    }
}

fn is_blank(record: &[String]) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

fn find_header(records: &[Record]) -> Option<usize> {
    records.iter().take(HEADER_SEARCH_ROWS).position(|record| {
        record
            .cells
            .iter()
            .filter(|cell| cell.len() <= MAX_HEADER_BYTES)
            .any(|cell| field_for_header(&clean(cell)) == Some(Field::OrderId))
    })
}

/// A cell without the armour spreadsheets need to keep long ids as text: `="8190…"`, a
/// leading apostrophe or tab, surrounding spaces.
fn clean(cell: &str) -> String {
    let cell = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let cell = match cell
        .strip_prefix("=\"")
        .and_then(|rest| rest.strip_suffix('"'))
    {
        Some(inner) => inner,
        None => cell.strip_prefix('\'').unwrap_or(cell),
    };
    cell.trim().to_string()
}

fn read_table(records: &[Record], header_at: usize, options: &CsvOptions) -> CsvReading {
    let header_line = records[header_at].line;
    let header = &records[header_at].cells;
    let columns: Vec<CsvColumn> = header
        .iter()
        .map(|cell| {
            let header = clean(cell);
            CsvColumn {
                field: field_for_header(&header),
                header,
            }
        })
        .collect();
    // The first column of each field wins; later duplicates are left alone.
    let mut by_field: Vec<(Field, usize)> = Vec::new();
    for (index, column) in columns.iter().enumerate() {
        if let Some(field) = column.field {
            if !by_field.iter().any(|(known, _)| *known == field) {
                by_field.push((field, index));
            }
        }
    }
    let rows: Vec<(usize, &Vec<String>)> = records[header_at + 1..]
        .iter()
        .filter(|record| !is_blank(&record.cells))
        .map(|record| {
            let row =
                usize::try_from(record.line.saturating_sub(header_line)).unwrap_or(usize::MAX);
            (row, &record.cells)
        })
        .collect();
    let date_order = match options.date_order {
        DateOrder::Unknown => infer_date_order(&rows, &by_field, options.zone),
        known => known,
    };
    let table = Table {
        columns: &columns,
        by_field: &by_field,
        options,
        date_order,
        statuses: RefCell::default(),
    };
    let mut reading = CsvReading {
        columns: columns.clone(),
        ..CsvReading::default()
    };
    let mut index_of: HashMap<String, usize> = HashMap::new();
    for (row, record) in rows {
        match table.read_row(record) {
            Ok((order, problems)) => {
                reading
                    .errors
                    .extend(problems.into_iter().map(|error| error.at_row(row)));
                match index_of.get(&order.id) {
                    Some(&at) => merge(&mut reading.orders[at], order),
                    None => {
                        index_of.insert(order.id.clone(), reading.orders.len());
                        reading.orders.push(order);
                    }
                }
            }
            Err(error) => reading.errors.push(error.at_row(row)),
        }
    }
    reading
}

const DATE_FIELDS: [Field; 6] = [
    Field::Created,
    Field::Paid,
    Field::Shipped,
    Field::CancelRequested,
    Field::DisputeOpened,
    Field::Deadline,
];

/// Day/month order from the file itself: a date that only reads one way (`25/11/2026`) settles
/// it, provided no date reads only the other way.
fn infer_date_order(
    rows: &[(usize, &Vec<String>)],
    by_field: &[(Field, usize)],
    zone: Tz,
) -> DateOrder {
    let (mut day_first, mut month_first) = (false, false);
    for (field, column) in by_field {
        if !DATE_FIELDS.contains(field) {
            continue;
        }
        for (_, record) in rows {
            let Some(cell) = record.get(*column) else {
                continue;
            };
            let as_day = read_datetime(cell, DateOrder::DayFirst, zone).is_ok();
            let as_month = read_datetime(cell, DateOrder::MonthFirst, zone).is_ok();
            day_first |= as_day && !as_month;
            month_first |= as_month && !as_day;
        }
    }
    match (day_first, month_first) {
        (true, false) => DateOrder::DayFirst,
        (false, true) => DateOrder::MonthFirst,
        _ => DateOrder::Unknown,
    }
}

/// Keeps what `later` knows that `order` does not (one line per product): the earliest handling
/// time, the longest delivery promise, the first of every other field.
fn merge(order: &mut Order, later: Order) {
    order.status = order.status.or(later.status);
    order.created = order.created.or(later.created);
    order.paid = order.paid.or(later.paid);
    order.shipped = order.shipped.or(later.shipped);
    order.cancel_requested = order.cancel_requested.or(later.cancel_requested);
    order.dispute_opened = order.dispute_opened.or(later.dispute_opened);
    order.given_deadline = order.given_deadline.or(later.given_deadline);
    order.end_reason = order.end_reason.take().or(later.end_reason);
    order.handling_days = match (order.handling_days, later.handling_days) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    order.receipt_days = order.receipt_days.max(later.receipt_days);
    order.read_errors.extend(later.read_errors);
}

struct Table<'a> {
    columns: &'a [CsvColumn],
    by_field: &'a [(Field, usize)],
    options: &'a CsvOptions,
    date_order: DateOrder,
    /// A status column repeats a handful of labels, and a label lookup costs far more than a
    /// hash: each distinct label is read once.
    statuses: RefCell<HashMap<String, Result<OrderStatus, ReadError>>>,
}

/// The problems of one row, each placed in its column.
#[derive(Default)]
struct Problems(Vec<ReadError>);

impl Problems {
    fn keep<T>(&mut self, result: Result<T, ReadError>, header: &str) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.0.push(error.in_column(header));
                None
            }
        }
    }
}

/// Day counts beyond this are not handling times or delivery promises.
const MAX_DAYS: u32 = 365;

impl Table<'_> {
    fn status_of(&self, text: &str) -> Result<OrderStatus, ReadError> {
        if let Some(known) = self.statuses.borrow().get(text) {
            return known.clone();
        }
        let read = read_status(text).map(|label| label.status);
        self.statuses
            .borrow_mut()
            .insert(text.to_string(), read.clone());
        read
    }

    /// The cleaned, non-empty cell of `field` in this row, with its header.
    fn cell(&self, record: &[String], field: Field) -> Option<(String, &str)> {
        let &(_, index) = self.by_field.iter().find(|(known, _)| *known == field)?;
        let value = clean(record.get(index)?);
        (!value.is_empty()).then(|| (value, self.columns[index].header.as_str()))
    }

    fn read_row(&self, record: &[String]) -> Result<(Order, Vec<ReadError>), ReadError> {
        let id = match self.cell(record, Field::OrderId) {
            Some((text, header)) => read_order_id(&text).map_err(|error| {
                let error = if looks_scientific(&text) {
                    ReadError::new(
                        ReadErrorKind::NotAnOrderId,
                        &text,
                        "was shortened to scientific notation by a spreadsheet: export again, \
                         or format the column as text before saving",
                    )
                } else {
                    error
                };
                error.in_column(header)
            })?,
            None => {
                let header = self
                    .by_field
                    .iter()
                    .find(|(field, _)| *field == Field::OrderId)
                    .map(|&(_, index)| self.columns[index].header.clone())
                    .unwrap_or_default();
                return Err(ReadError::new(
                    ReadErrorKind::MissingField,
                    "",
                    "the order id is empty",
                )
                .in_column(header));
            }
        };
        let mut problems = Problems::default();

        let status = self
            .cell(record, Field::Status)
            .and_then(|(text, header)| problems.keep(self.status_of(&text), header));
        let issue = self.cell(record, Field::IssueStatus).map(|(text, _)| text);
        let frozen = self.cell(record, Field::FrozenStatus).map(|(text, _)| text);
        let status = with_flags(status, issue.as_deref(), frozen.as_deref());

        let mut time = |field: Field| {
            self.cell(record, field).and_then(|(text, header)| {
                problems.keep(
                    read_datetime(&text, self.date_order, self.options.zone),
                    header,
                )
            })
        };
        let created = time(Field::Created);
        let paid = time(Field::Paid);
        let shipped = time(Field::Shipped);
        let cancel_requested = time(Field::CancelRequested);
        let dispute_opened = time(Field::DisputeOpened);
        let stated_deadline = time(Field::Deadline);

        let read_at = self.options.read_at;
        let given = |at, source| GivenDeadline { at, source };
        let from_ms = self
            .cell(record, Field::TimeLeftMs)
            .and_then(|(text, header)| {
                let at = text
                    .parse::<i64>()
                    .ok()
                    .and_then(TimeDelta::try_milliseconds)
                    .and_then(|left| read_at.checked_add_signed(left));
                problems.keep(
                    at.ok_or_else(|| {
                        ReadError::new(
                            ReadErrorKind::NotACountdown,
                            &text,
                            "is not a number of milliseconds",
                        )
                    }),
                    header,
                )
            });
        let from_countdown = self
            .cell(record, Field::TimeLeft)
            .and_then(|(text, header)| {
                problems.keep(
                    read_countdown(&text).map(|left| left.deadline_from(read_at)),
                    header,
                )
            });
        let awaiting_shipment = matches!(
            status,
            Some(OrderStatus::WaitSellerSendGoods | OrderStatus::SellerPartSendGoods)
        );
        let from_left_send = if awaiting_shipment {
            self.left_send_good(record, &mut problems)
        } else {
            None
        };
        // The API's own figures first, then the export's countdown, then its stated date.
        let given_deadline = from_ms
            .map(|at| given(at, DeadlineSource::Api))
            .or_else(|| from_countdown.map(|at| given(at, DeadlineSource::Page)))
            .or_else(|| stated_deadline.map(|at| given(at, DeadlineSource::Page)))
            .or_else(|| from_left_send.map(|at| given(at, DeadlineSource::Api)));

        let mut days = |field: Field, pick_larger: bool| {
            self.cell(record, field)
                .and_then(|(text, header)| problems.keep(day_count(&text, pick_larger), header))
        };
        let handling_days = days(Field::HandlingDays, false);
        let receipt_days = days(Field::DeliveryDays, true);
        let end_reason = self.cell(record, Field::EndReason).map(|(text, _)| text);

        let problems = problems.0;
        let read_errors = problems.iter().map(ToString::to_string).collect();
        let order = Order {
            id,
            status,
            side: self.options.side,
            created,
            paid,
            shipped,
            cancel_requested,
            dispute_opened,
            given_deadline,
            handling_days,
            receipt_days,
            end_reason,
            read_errors,
            ..Order::default()
        };
        Ok((order, problems))
    }

    /// `left_send_good_day/hour/min` columns (an API dump saved as CSV), as one deadline.
    fn left_send_good(&self, record: &[String], problems: &mut Problems) -> Option<DateTime<Utc>> {
        let parts = [
            (Field::LeftSendDays, 24 * 60),
            (Field::LeftSendHours, 60),
            (Field::LeftSendMinutes, 1),
        ];
        let mut minutes: i64 = 0;
        let mut any = false;
        for (field, unit) in parts {
            let Some((text, header)) = self.cell(record, field) else {
                continue;
            };
            any = true;
            let part = text
                .parse::<i64>()
                .ok()
                .filter(|count| (-100_000..=100_000).contains(count))
                .map(|count| count * unit)
                .ok_or_else(|| {
                    ReadError::new(ReadErrorKind::NotACountdown, &text, "is not a whole number")
                });
            minutes += problems.keep(part, header)?;
        }
        if !any {
            return None;
        }
        self.options
            .read_at
            .checked_add_signed(TimeDelta::try_minutes(minutes)?)
    }
}

/// A number of days: `7`, `7 days`, `7 días`; a range (`15-30`) gives its larger end for a
/// delivery promise and its smaller end for a handling time.
fn day_count(text: &str, pick_larger: bool) -> Result<u32, ReadError> {
    let numbers: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .map(|run| run.parse::<u32>().unwrap_or(u32::MAX))
        .collect();
    let picked = match numbers.as_slice() {
        [one] => Some(*one),
        [a, b] if text.contains('-') || text.contains('–') || text.contains('~') => {
            Some(if pick_larger {
                (*a).max(*b)
            } else {
                (*a).min(*b)
            })
        }
        _ => None,
    };
    picked
        .filter(|days| (1..=MAX_DAYS).contains(days))
        .ok_or_else(|| {
            ReadError::new(
                ReadErrorKind::BadCsv,
                text,
                format!("is not a number of days (1 to {MAX_DAYS})"),
            )
        })
}

/// `8.19034E+15`: what a spreadsheet makes of a 16-digit number.
fn looks_scientific(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    upper.contains("E+")
        && upper
            .chars()
            .all(|c| c.is_ascii_digit() || ".,E+".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_sniffing_prefers_what_every_line_has() {
        assert_eq!(sniff_delimiters("a,b,c\n1,2,3\n")[0], b',');
        assert_eq!(sniff_delimiters("a;b;c\n1,5;2;3\n")[0], b';');
        assert_eq!(sniff_delimiters("a\tb\n1\t2\n")[0], b'\t');
        // Commas inside quotes do not count.
        assert_eq!(sniff_delimiters("\"a, b\";c\n\"1, 2\";3\n")[0], b';');
        assert_eq!(sniff_delimiters("single column\n")[0], b',');
    }

    #[test]
    fn spreadsheet_armour_comes_off() {
        assert_eq!(clean(" =\"8190335412340001\" "), "8190335412340001");
        assert_eq!(clean("'8190335412340001"), "8190335412340001");
        assert_eq!(clean("\t8190335412340001"), "8190335412340001");
        assert_eq!(clean("=SUM(A1)"), "=SUM(A1)");
    }

    #[test]
    fn day_counts() {
        assert_eq!(day_count("7", false).ok(), Some(7));
        assert_eq!(day_count("7 días", false).ok(), Some(7));
        assert_eq!(day_count("15-30", true).ok(), Some(30));
        assert_eq!(day_count("15-30", false).ok(), Some(15));
        assert!(day_count("0", false).is_err());
        assert!(day_count("400", true).is_err());
        assert!(day_count("seven", false).is_err());
        assert!(day_count("99999999999999999999", false).is_err());
        assert!(day_count("1 2 3", false).is_err());
    }

    #[test]
    fn scientific_ids_are_recognised() {
        assert!(looks_scientific("8.19034E+15"));
        assert!(looks_scientific("8,19034E+15"));
        assert!(!looks_scientific("8190335412340001"));
        assert!(!looks_scientific("Express+"));
    }
}
