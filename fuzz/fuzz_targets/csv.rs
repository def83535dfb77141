//! Any bytes into the CSV reader, with each delimiter and date order: it must never panic,
//! every order must carry an id, and every row error must say where it is.
#![no_main]

use deadline_guard::read::{read_csv_orders, CsvOptions, DateOrder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let read_at = chrono::DateTime::from_timestamp(1_795_000_000, 0).expect("fixed instant");
    let mut options = CsvOptions::new(read_at, chrono_tz::America::Los_Angeles);
    options.date_order = match selector % 3 {
        0 => DateOrder::Unknown,
        1 => DateOrder::DayFirst,
        _ => DateOrder::MonthFirst,
    };
    options.delimiter = match (selector / 3) % 4 {
        0 => None,
        1 => Some(b','),
        2 => Some(b';'),
        _ => Some(b'\t'),
    };
    let reading = read_csv_orders(&text, &options);
    for order in &reading.orders {
        assert!(!order.id.is_empty());
    }
    if !reading.orders.is_empty() || reading.errors.len() > 1 {
        assert!(reading.errors.iter().all(|error| error.row.is_some()));
    }
});
