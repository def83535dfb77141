//! The order of the verdicts: by urgency, then by id (as bytes), then by input position.
//!
//! Sorting 100,000 entries is a large part of an analysis, and sorting plain integers is about
//! twice as fast as sorting structs with a comparator. So when every id is at most 16 ASCII
//! digits (AliExpress ids are 16), each entry becomes one `u128`: the risk, the seconds left,
//! the id as a base-11 number and the position, each in as few bits as this batch needs.
//! Any other batch is sorted by a comparator, with the same result.

/// Entries in input order; `positions` gives the sorted order.
pub(super) struct UrgencyOrder {
    keys: Vec<Key>,
    /// Every id so far is at most 16 ASCII digits.
    short_digit_ids: bool,
    /// The length of the first id, or `None` once two ids differ in length.
    id_length: Option<usize>,
}

/// Urgency, then the id's first 16 bytes (big-endian, zero-padded, so they order as the
/// bytes do), then the input position.
#[derive(Clone, Copy)]
struct Key {
    urgency: u64,
    id_high: u64,
    id_low: u64,
    position: u32,
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
            keys: Vec::with_capacity(capacity),
            short_digit_ids: true,
            id_length: None,
        }
    }

    /// Adds the next entry: its urgency (see `engine::urgency`), its id and the id's
    /// `id_prefix` (which the caller has at hand already).
    pub(super) fn push(&mut self, urgency: u64, id: &str, prefix: [u8; 16]) {
        let len = id.len();
        // No early exit, so the check compiles to a few vector instructions.
        let digits = prefix
            .iter()
            .enumerate()
            .fold(true, |ok, (i, b)| ok & ((i >= len) | b.is_ascii_digit()));
        self.short_digit_ids &= len <= 16 && digits;
        if self.keys.is_empty() || self.id_length == Some(len) {
            self.id_length = Some(len);
        } else {
            self.id_length = None;
        }
        let prefix = u128::from_be_bytes(prefix);
        self.keys.push(Key {
            urgency,
            id_high: (prefix >> 64) as u64,
            id_low: prefix as u64,
            position: self.keys.len() as u32,
        });
    }

    /// The input positions, most urgent first. `id` gives the full id at a position (read only
    /// for ties on the first 16 bytes: the same id twice, or longer ids).
    pub(super) fn positions<'a>(self, id: impl Fn(usize) -> &'a str) -> Vec<u32> {
        if self.short_digit_ids {
            if let Some(positions) = packed_positions(&self.keys, self.id_length.is_some()) {
                return positions;
            }
        }
        let mut keys = self.keys;
        keys.sort_unstable_by(|a, b| {
            (a.urgency, a.id_high, a.id_low)
                .cmp(&(b.urgency, b.id_high, b.id_low))
                .then_with(|| id(a.position as usize).cmp(id(b.position as usize)))
                .then(a.position.cmp(&b.position))
        });
        keys.into_iter().map(|k| k.position).collect()
    }
}

/// The powers of `base` from `base^15` down to 1.
const fn powers(base: u64) -> [u64; 16] {
    let mut table = [1u64; 16];
    let mut i = 15;
    while i > 0 {
        table[i - 1] = table[i] * base;
        i -= 1;
    }
    table
}

/// The first 16 bytes of an id of at most 16 ASCII digits, zero-padded, as one number ordered
/// as the ids' bytes are. Ids of one length: their decimal value (times a power of ten).
/// Mixed lengths: digits as 1–10 and the padding as 0, in base 11 (at most 11^16 - 1 < 2^56),
/// so that "9" comes after "10" and "1" before "10".
fn digits_code(high: u64, low: u64, one_length: bool) -> u64 {
    const DECIMAL: [u64; 16] = powers(10);
    const ELEVEN: [u64; 16] = powers(11);
    let (table, zero) = if one_length {
        (&DECIMAL, b'0')
    } else {
        (&ELEVEN, b'0' - 1)
    };
    let bytes = ((u128::from(high) << 64) | u128::from(low)).to_be_bytes();
    // Independent products rather than a chain of multiply-adds: the processor overlaps them.
    bytes
        .iter()
        .zip(table)
        .map(|(&byte, &power)| u64::from(byte.saturating_sub(zero)) * power)
        .sum()
}

/// Bits needed to hold every value up to `max`.
fn bits(max: u64) -> u32 {
    u64::BITS - max.leading_zeros()
}

/// The sorted positions by one integer sort (of `u64`s when the fields fit, else of `u128`s),
/// or `None` when they do not fit in 128 bits.
fn packed_positions(keys: &[Key], one_length: bool) -> Option<Vec<u32>> {
    use super::engine::{NO_DEADLINE_SECONDS, URGENCY_SECONDS_BITS};
    const SECONDS_MASK: u64 = (1 << URGENCY_SECONDS_BITS) - 1;
    let (mut seconds_min, mut seconds_max) = (u64::MAX, 0);
    let (mut id_min, mut id_max) = (u64::MAX, 0);
    let mut codes = Vec::with_capacity(keys.len());
    for key in keys {
        let seconds = key.urgency & SECONDS_MASK;
        if seconds != NO_DEADLINE_SECONDS {
            seconds_min = seconds_min.min(seconds);
            seconds_max = seconds_max.max(seconds);
        }
        let id = digits_code(key.id_high, key.id_low, one_length);
        id_min = id_min.min(id);
        id_max = id_max.max(id);
        codes.push(id);
    }
    seconds_min = seconds_min.min(seconds_max);
    // Orders without a deadline come right after the latest deadline.
    let no_deadline = seconds_max - seconds_min + 1;
    let position_bits = bits(keys.len().saturating_sub(1) as u64);
    let id_bits = bits(id_max.saturating_sub(id_min));
    let seconds_bits = bits(no_deadline);
    let id_shift = position_bits;
    let seconds_shift = id_shift + id_bits;
    let risk_shift = seconds_shift + seconds_bits;
    let width = risk_shift
        + bits(
            keys.iter()
                .map(|k| k.urgency >> URGENCY_SECONDS_BITS)
                .max()?,
        );
    let pack = |(key, code): (&Key, &u64)| -> u128 {
        let seconds = match key.urgency & SECONDS_MASK {
            NO_DEADLINE_SECONDS => no_deadline,
            seconds => seconds - seconds_min,
        };
        (u128::from(key.urgency >> URGENCY_SECONDS_BITS) << risk_shift)
            | (u128::from(seconds) << seconds_shift)
            | (u128::from(code - id_min) << id_shift)
            | u128::from(key.position)
    };
    let mask = (1u64 << position_bits) - 1;
    let entries = keys.iter().zip(&codes);
    if width <= u64::BITS {
        let mut packed: Vec<u64> = entries.map(|entry| pack(entry) as u64).collect();
        packed.sort_unstable();
        Some(packed.into_iter().map(|p| (p & mask) as u32).collect())
    } else if width <= u128::BITS {
        let mut packed: Vec<u128> = entries.map(pack).collect();
        packed.sort_unstable();
        Some(
            packed
                .into_iter()
                .map(|p| (p as u64 & mask) as u32)
                .collect(),
        )
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn sorted(entries: &[(u64, &str)]) -> Vec<u32> {
        let mut order = UrgencyOrder::with_capacity(entries.len());
        for (urgency, id) in entries {
            order.push(*urgency, id, id_prefix(id));
        }
        order.positions(|i| entries[i].1)
    }

    const RISK: u64 = 1 << super::super::engine::URGENCY_SECONDS_BITS;

    fn code(id: &str, one_length: bool) -> u64 {
        let p = u128::from_be_bytes(id_prefix(id));
        digits_code((p >> 64) as u64, p as u64, one_length)
    }

    #[test]
    fn digit_ids_of_any_length_order_like_their_bytes() {
        let ids = [
            "9",
            "10",
            "",
            "0",
            "00",
            "8123456789012345",
            "8123456789012344",
            "99",
        ];
        let mut by_bytes = ids;
        by_bytes.sort_unstable();
        let mut by_code = ids;
        by_code.sort_by_key(|id| code(id, false));
        assert_eq!(by_bytes, by_code);
        assert_eq!(code("9999999999999999", false), 11u64.pow(16) - 1);
    }

    #[test]
    fn digit_ids_of_one_length_order_by_their_value() {
        let ids = [
            "8123456789012345",
            "8123456789012344",
            "0000000000000000",
            "9999999999999999",
        ];
        for id in ids {
            assert_eq!(code(id, true), id.parse::<u64>().unwrap());
        }
        assert_eq!(code("120", true), 120 * 10u64.pow(13));
    }

    #[test]
    fn packed_and_compared_orders_agree_with_the_reference() {
        let digit_ids = [
            (3 * RISK + 500, "8000000000000002"),
            (RISK + 7, "8000000000000001"),
            (RISK + 7, "8000000000000001"),
            (3 * RISK + 500, "8000000000000001"),
            (5 * RISK + RISK - 1, "12"),
            (5 * RISK + RISK - 1, "9"),
            (0, "8000000000000003"),
            (RISK + 7, "0"),
        ];
        let entries: Vec<(u64, &str)> = digit_ids.to_vec();
        assert!(packed_positions(&keys(&entries), false).is_some());
        assert_eq!(sorted(&entries), reference(&entries));

        let one_length: Vec<(u64, &str)> = digit_ids
            .iter()
            .filter(|(_, id)| id.len() == 16)
            .copied()
            .collect();
        assert!(packed_positions(&keys(&one_length), true).is_some());
        assert_eq!(sorted(&one_length), reference(&one_length));

        let mut mixed = entries.clone();
        mixed.push((RISK + 7, "8000000000000001a"));
        mixed.push((RISK + 7, "ñ"));
        mixed.push((RISK + 7, "80000000000000012345"));
        mixed.push((RISK + 7, "80000000000000012344"));
        assert_eq!(sorted(&mixed), reference(&mixed));
    }

    #[test]
    fn fields_too_wide_for_128_bits_fall_back_to_the_comparator() {
        let entries = [
            (0, "0000000000000000"),
            (RISK - 1, "9999999999999999"),
            (5 * RISK, "0"),
            (5 * RISK + RISK - 1, "1"),
        ];
        let wide: Vec<(u64, &str)> = entries.to_vec();
        assert!(packed_positions(&keys(&wide), false).is_some());
        assert_eq!(sorted(&wide), reference(&wide));
        let many: Vec<(u64, &str)> = (0..70_000u64)
            .map(|i| {
                (
                    i * 16_000_000_000_000 % (6 * RISK),
                    ["0", "9999999999999999"][(i % 2) as usize],
                )
            })
            .collect();
        assert!(packed_positions(&keys(&many), false).is_none());
        assert_eq!(sorted(&many), reference(&many));
    }

    fn keys(entries: &[(u64, &str)]) -> Vec<Key> {
        let mut order = UrgencyOrder::with_capacity(entries.len());
        for (urgency, id) in entries {
            order.push(*urgency, id, id_prefix(id));
        }
        order.keys
    }
}
