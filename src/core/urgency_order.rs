//! The order of the verdicts: by urgency, then by id (as bytes), then by input position.
//!
//! Sorting 100,000 entries is a large part of an analysis, and sorting plain integers is about
//! twice as fast as sorting structs with a comparator. So when every id is made of the same
//! number (at most 16) of ASCII digits, as AliExpress ids are, each entry becomes one integer:
//! the risk, the seconds left, the id's value and the position, each in as few bits as this
//! batch needs (a `u64` when they fit, else a `u128`). Any other batch is sorted by a comparator,
//! with the same result.

use super::engine::{NO_DEADLINE_SECONDS, URGENCY_SECONDS_BITS};

const SECONDS_MASK: u64 = (1 << URGENCY_SECONDS_BITS) - 1;

/// Entries in input order; `positions` gives the sorted order.
pub(super) struct UrgencyOrder {
    entries: Vec<Entry>,
    /// The length of the first id.
    id_length: usize,
    /// Every id so far has `id_length` bytes, at most 16, all ASCII digits.
    digit_ids: bool,
    seconds: Span,
    ids: Span,
    highest_risk: u64,
}

#[derive(Clone, Copy)]
struct Entry {
    urgency: u64,
    /// The id's value while `digit_ids` holds.
    id: u64,
}

/// The least and greatest of some values.
#[derive(Clone, Copy)]
struct Span {
    min: u64,
    max: u64,
}

impl Span {
    const EMPTY: Span = Span {
        min: u64::MAX,
        max: 0,
    };

    fn add(&mut self, value: u64) {
        self.min = self.min.min(value);
        self.max = self.max.max(value);
    }
}

/// The id's first 16 bytes, zero-padded.
pub(super) fn id_prefix(id: &str) -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let n = id.len().min(16);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    bytes
}

impl UrgencyOrder {
    pub(super) fn with_capacity(capacity: usize) -> UrgencyOrder {
        UrgencyOrder {
            entries: Vec::with_capacity(capacity),
            id_length: 0,
            digit_ids: true,
            seconds: Span::EMPTY,
            ids: Span::EMPTY,
            highest_risk: 0,
        }
    }

    /// Adds the next entry: its urgency (see `engine::urgency`), its id and the id's
    /// `id_prefix` (which the caller has at hand already).
    pub(super) fn push(&mut self, urgency: u64, id: &str, prefix: [u8; 16]) {
        let len = id.len();
        if self.entries.is_empty() {
            self.id_length = len;
        }
        self.digit_ids &= len <= 16 && len == self.id_length && all_digits(prefix, len);
        let mut entry = Entry { urgency, id: 0 };
        if self.digit_ids {
            entry.id = digits_value(prefix);
            self.ids.add(entry.id);
            let seconds = urgency & SECONDS_MASK;
            if seconds != NO_DEADLINE_SECONDS {
                self.seconds.add(seconds);
            }
            self.highest_risk = self.highest_risk.max(urgency >> URGENCY_SECONDS_BITS);
        }
        self.entries.push(entry);
    }

    /// The input positions, most urgent first. `id` gives the id at a position.
    pub(super) fn positions<'a>(self, id: impl Fn(usize) -> &'a str) -> Vec<u32> {
        if self.digit_ids {
            if let Some(positions) = self.packed_positions() {
                return positions;
            }
        }
        compared_positions(&self.entries, id)
    }

    /// The sorted positions by one integer sort, or `None` when the fields do not fit in 128 bits.
    fn packed_positions(&self) -> Option<Vec<u32>> {
        let n = self.entries.len();
        // Orders without a deadline come right after the latest deadline.
        let seconds_min = self.seconds.min.min(self.seconds.max);
        let no_deadline = self.seconds.max - seconds_min + 1;
        let ids_min = self.ids.min.min(self.ids.max);
        let position_bits = bits(n.saturating_sub(1) as u64);
        let id_shift = position_bits;
        let seconds_shift = id_shift + bits(self.ids.max - ids_min);
        let risk_shift = seconds_shift + bits(no_deadline);
        let width = risk_shift + bits(self.highest_risk);
        let pack = |(position, entry): (usize, &Entry)| -> u128 {
            let seconds = match entry.urgency & SECONDS_MASK {
                NO_DEADLINE_SECONDS => no_deadline,
                seconds => seconds - seconds_min,
            };
            (u128::from(entry.urgency >> URGENCY_SECONDS_BITS) << risk_shift)
                | (u128::from(seconds) << seconds_shift)
                | (u128::from(entry.id - ids_min) << id_shift)
                | position as u128
        };
        let mask = (1u64 << position_bits) - 1;
        let entries = self.entries.iter().enumerate();
        let bucket_shift = width.saturating_sub(BUCKET_BITS);
        if width <= u64::BITS {
            let packed: Vec<u64> = entries.map(|entry| pack(entry) as u64).collect();
            let sorted = bucket_sorted(&packed, |p| (p >> bucket_shift) as usize);
            Some(sorted.into_iter().map(|p| (p & mask) as u32).collect())
        } else if width <= u128::BITS {
            let packed: Vec<u128> = entries.map(pack).collect();
            let sorted = bucket_sorted(&packed, |p| (p >> bucket_shift) as usize);
            Some(
                sorted
                    .into_iter()
                    .map(|p| (p as u64 & mask) as u32)
                    .collect(),
            )
        } else {
            None
        }
    }
}

/// The number of high bits that pick a key's bucket in `bucket_sorted`.
const BUCKET_BITS: u32 = 11;

/// The keys sorted: first spread by their top bits (`bucket`, below `2^BUCKET_BITS`) into
/// buckets in one counting pass and one copy, then each bucket sorted on its own. Sorting many
/// small buckets takes far fewer comparisons than sorting everything at once.
fn bucket_sorted<T: Copy + Ord + Default>(keys: &[T], bucket: impl Fn(T) -> usize) -> Vec<T> {
    let mut starts = vec![0usize; (1 << BUCKET_BITS) + 1];
    for &key in keys {
        starts[bucket(key) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut sorted = vec![T::default(); keys.len()];
    for &key in keys {
        let slot = &mut next[bucket(key)];
        sorted[*slot] = key;
        *slot += 1;
    }
    for range in starts.windows(2) {
        sorted[range[0]..range[1]].sort_unstable();
    }
    sorted
}

/// The sorted positions by a comparator: urgency, the id's first 16 bytes (big-endian,
/// zero-padded, so they order as the bytes do), the whole id when those tie, the position.
fn compared_positions<'a>(entries: &[Entry], id: impl Fn(usize) -> &'a str) -> Vec<u32> {
    let mut keys: Vec<(u64, u128, u32)> = entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let prefix = u128::from_be_bytes(id_prefix(id(i)));
            (entry.urgency, prefix, i as u32)
        })
        .collect();
    keys.sort_unstable_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| id(a.2 as usize).cmp(id(b.2 as usize)))
            .then(a.2.cmp(&b.2))
    });
    keys.into_iter().map(|k| k.2).collect()
}

/// Whether the first `len` (at most 16) bytes are ASCII digits, checked all at once: a digit
/// has the high nibble 3, and adding 6 to its low nibble does not carry into it.
fn all_digits(prefix: [u8; 16], len: usize) -> bool {
    const HIGH: u128 = u128::from_ne_bytes([0xf0; 16]);
    const THREES: u128 = u128::from_ne_bytes([0x30; 16]);
    const SIXES: u128 = u128::from_ne_bytes([0x06; 16]);
    let bytes = u128::from_be_bytes(prefix);
    // The id's bytes are the high `len` bytes of the big-endian number.
    let mask = match len {
        0 => 0,
        1..=16 => u128::MAX << (8 * (16 - len)),
        _ => return false,
    };
    let (bytes, expected) = (bytes & mask, THREES & mask);
    // A carry only leaves a byte that already failed the first test.
    (bytes & HIGH) == expected && (bytes.wrapping_add(SIXES) & HIGH & mask) == expected
}

/// The value of the (at most 16) digits of an id, zero-padded to 16 digits: ids of one length
/// order by it as by their bytes.
fn digits_value(prefix: [u8; 16]) -> u64 {
    let [high, low] = [&prefix[..8], &prefix[8..]]
        .map(|half| u64::from_be_bytes(half.try_into().expect("eight bytes")));
    eight_digits(high) * 100_000_000 + eight_digits(low)
}

/// The value of eight ASCII digits (the first in the high byte), the zero padding read as '0',
/// in a few multiplications rather than eight (the well-known SWAR digit parse).
fn eight_digits(big_endian: u64) -> u64 {
    // First digit in the low byte; padding (0x00) becomes '0' (0x30), digits keep their value.
    let digits = (big_endian.swap_bytes() | 0x3030_3030_3030_3030) - 0x3030_3030_3030_3030;
    // Each byte pair becomes its two-digit value in the pair's low byte.
    let pairs = digits.wrapping_mul(10) + (digits >> 8);
    // Pairs 0 and 2, then 1 and 3, scaled into place in the upper half; overflow is discarded.
    let even = (pairs & 0x0000_00ff_0000_00ff).wrapping_mul(100 + (1_000_000 << 32));
    let odd = ((pairs >> 16) & 0x0000_00ff_0000_00ff).wrapping_mul(1 + (10_000 << 32));
    even.wrapping_add(odd) >> 32
}

/// Bits needed to hold every value up to `max`.
fn bits(max: u64) -> u32 {
    u64::BITS - max.leading_zeros()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RISK: u64 = 1 << URGENCY_SECONDS_BITS;

    /// The positions by a plain comparator over the same fields.
    fn reference(entries: &[(u64, &str)]) -> Vec<u32> {
        let mut positions: Vec<u32> = (0..entries.len() as u32).collect();
        positions.sort_by(|&a, &b| {
            let (ua, ia) = entries[a as usize];
            let (ub, ib) = entries[b as usize];
            (ua, ia.as_bytes(), a).cmp(&(ub, ib.as_bytes(), b))
        });
        positions
    }

    fn order(entries: &[(u64, &str)]) -> UrgencyOrder {
        let mut order = UrgencyOrder::with_capacity(entries.len());
        for (urgency, id) in entries {
            order.push(*urgency, id, id_prefix(id));
        }
        order
    }

    fn sorted(entries: &[(u64, &str)]) -> Vec<u32> {
        order(entries).positions(|i| entries[i].1)
    }

    #[test]
    fn eight_digits_are_read_as_a_number() {
        for value in [0u64, 1, 7, 10, 99, 12_345_678, 90_000_009, 99_999_999] {
            let text = format!("{value:08}");
            let word = u64::from_be_bytes(text.as_bytes().try_into().unwrap());
            assert_eq!(eight_digits(word), value, "{text}");
        }
        assert_eq!(
            eight_digits(u64::from_be_bytes(*b"12\0\0\0\0\0\0")),
            12_000_000
        );
    }

    #[test]
    fn digits_are_told_from_every_other_byte() {
        for byte in 0..=u8::MAX {
            for at in [0, 7, 8, 15] {
                let mut prefix = *b"8123456789012345";
                prefix[at] = byte;
                assert_eq!(
                    all_digits(prefix, 16),
                    byte.is_ascii_digit(),
                    "{byte} at {at}"
                );
                assert!(all_digits(prefix, at), "{byte} after {at} digits");
            }
        }
        assert!(all_digits(id_prefix("12"), 2));
        assert!(!all_digits(id_prefix("1a"), 2));
        assert!(all_digits([0; 16], 0));
        assert!(!all_digits(*b"8123456789012345", 17));
    }

    #[test]
    fn digit_ids_of_one_length_are_their_value() {
        for id in ["8123456789012345", "0000000000000000", "9999999999999999"] {
            assert_eq!(digits_value(id_prefix(id)), id.parse::<u64>().unwrap());
        }
        assert_eq!(digits_value(id_prefix("120")), 120 * 10u64.pow(13));
    }

    #[test]
    fn packed_and_compared_orders_agree_with_the_reference() {
        let digit_ids = [
            (3 * RISK + 500, "8000000000000002"),
            (RISK + 7, "8000000000000001"),
            (RISK + 7, "8000000000000001"),
            (3 * RISK + 500, "8000000000000001"),
            (5 * RISK + NO_DEADLINE_SECONDS, "8000000000000012"),
            (5 * RISK + NO_DEADLINE_SECONDS, "8000000000000009"),
            (0, "8000000000000003"),
            (RISK + 7, "0000000000000000"),
        ];
        let one_length: Vec<(u64, &str)> = digit_ids.to_vec();
        let packed = order(&one_length);
        assert!(packed.digit_ids && packed.packed_positions().is_some());
        assert_eq!(sorted(&one_length), reference(&one_length));

        let mut short = one_length.clone();
        short.iter_mut().for_each(|(_, id)| *id = &id[13..]);
        assert!(order(&short).packed_positions().is_some());
        assert_eq!(sorted(&short), reference(&short));

        for odd_one in [
            "12",
            "9",
            "",
            "8000000000000001a",
            "ñ",
            "80000000000000012345",
        ] {
            let mut mixed = one_length.clone();
            mixed.push((RISK + 7, odd_one));
            assert!(!order(&mixed).digit_ids, "{odd_one}");
            assert_eq!(sorted(&mixed), reference(&mixed), "{odd_one}");
        }
    }

    #[test]
    fn bucket_sorting_sorts() {
        let mut seed = 7u64;
        let keys: Vec<u64> = (0..5_000)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                seed >> 20
            })
            .collect();
        let mut expected = keys.clone();
        expected.sort_unstable();
        for shift in [0, 20, 33, 44] {
            let bucket = |k: u64| ((k >> shift) & ((1 << BUCKET_BITS) - 1)) as usize;
            let by_bucket = bucket_sorted(&keys, bucket);
            if shift == 33 {
                // The top 11 of the 44 bits: the buckets are ordered, so the result is sorted.
                assert_eq!(by_bucket, expected);
            }
            let mut again = by_bucket.clone();
            again.sort_unstable();
            assert_eq!(again, expected, "every key kept, shift {shift}");
        }
    }

    #[test]
    fn no_entries_and_no_deadlines_sort_too() {
        assert!(sorted(&[]).is_empty());
        let none = [
            (5 * RISK + NO_DEADLINE_SECONDS, "2"),
            (5 * RISK + NO_DEADLINE_SECONDS, "1"),
        ];
        assert_eq!(sorted(&none), vec![1, 0]);
    }

    #[test]
    fn fields_too_wide_for_64_or_128_bits_take_the_wider_way() {
        let wide = [
            (0, "0000000000000000"),
            (RISK - 2, "9999999999999999"),
            (5 * RISK, "0000000000000001"),
            (5 * RISK + NO_DEADLINE_SECONDS, "0000000000000002"),
        ];
        assert!(order(&wide).packed_positions().is_some());
        assert_eq!(sorted(&wide), reference(&wide));
        let many: Vec<(u64, &str)> = (0..70_000u64)
            .map(|i| {
                let urgency = i * 16_000_000_000_000 % (5 * RISK);
                (
                    urgency,
                    ["0000000000000000", "9999999999999999"][(i % 2) as usize],
                )
            })
            .collect();
        assert!(order(&many).packed_positions().is_none());
        assert_eq!(sorted(&many), reference(&many));
    }
}
