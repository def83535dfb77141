//! Any bytes into the Open Platform JSON reader: it must never panic, and every order it
//! returns must carry an id made of digits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let received = chrono::DateTime::from_timestamp(1_795_000_000, 0).expect("fixed instant");
    let reading = deadline_guard::read::read_api_json(&text, received, chrono_tz::America::Los_Angeles);
    for order in &reading.orders {
        assert!(!order.id.is_empty() && order.id.bytes().all(|b| b.is_ascii_digit()));
    }
});
