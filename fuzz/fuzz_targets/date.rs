//! Any text into the date readers, with each day/month order: they must never panic.
#![no_main]

use deadline_guard::read::{read_date, read_datetime, DateOrder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let order = match selector % 3 {
        0 => DateOrder::Unknown,
        1 => DateOrder::DayFirst,
        _ => DateOrder::MonthFirst,
    };
    let zone = if selector & 0x80 == 0 {
        chrono_tz::America::Los_Angeles
    } else {
        chrono_tz::Asia::Shanghai
    };
    let _ = read_datetime(&text, order, zone);
    let _ = read_date(&text, order);
});
