//! Any text into the countdown reader: it must never panic, and a countdown it reads must give
//! a deadline on the right side of the time it was read.
#![no_main]

use deadline_guard::read::read_countdown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(countdown) = read_countdown(&text) {
        let read_at = chrono::DateTime::from_timestamp(1_795_000_000, 0).expect("fixed instant");
        let deadline = countdown.deadline_from(read_at);
        assert_eq!(countdown.is_overdue(), deadline < read_at, "{text:?} → {countdown:?}");
    }
});
