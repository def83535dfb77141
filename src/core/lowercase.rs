//! Unicode lowercasing from a table of runs, exactly as `char::to_lowercase` lowers.
//!
//! Pages, headers and messages are compared lowercased in eight languages (Cyrillic and
//! accented Latin included), so the readers and the message guard need Unicode's full mapping.
//! core's own table lists all 1,461 pairs, 11.7 KB of wasm data (4.4 KB gzipped, BENCHMARKS.md
//! "Size, session 5"); as 184 runs of characters that move by the same amount (`А`–`Я` by 32,
//! `Ā`/`ā`… every other character by one) it is a seventh of that. The test checks every
//! character against `char::to_lowercase`.

/// Each run: its first character (bits 11 and up), its length less one (bits 1 to 10) and
/// whether it takes every other character (bit 0).
const RUNS: [u32; 184] = [
    0x6002c, 0x6c00c, 0x8002f, 0x99005, 0x9c80f, 0xa502d, 0xbc000, 0xbc805, 0xc0800, 0xc1003,
    0xc3000, 0xc3800, 0xc4802, 0xc5800, 0xc7000, 0xc7800, 0xc8000, 0xc8800, 0xc9800, 0xca000,
    0xcb000, 0xcb800, 0xcc000, 0xce000, 0xce800, 0xcf800, 0xd0005, 0xd3000, 0xd3800, 0xd4800,
    0xd6000, 0xd7000, 0xd7800, 0xd8802, 0xd9803, 0xdb800, 0xdc000, 0xde000, 0xe2000, 0xe2800,
    0xe3800, 0xe4000, 0xe5000, 0xe5811, 0xef011, 0xf8800, 0xf9003, 0xfb000, 0xfb800, 0xfc027,
    0x110000, 0x111011, 0x11d000, 0x11d800, 0x11e800, 0x11f000, 0x120800, 0x121800, 0x122000,
    0x122800, 0x123009, 0x1b8003, 0x1bb000, 0x1bf800, 0x1c3000, 0x1c4004, 0x1c6000, 0x1c7002,
    0x1c8820, 0x1d1810, 0x1e7800, 0x1ec017, 0x1fa000, 0x1fb800, 0x1fc800, 0x1fd000, 0x1fe804,
    0x20001e, 0x20803e, 0x230021, 0x245035, 0x260000, 0x26080d, 0x26805f, 0x29884a, 0x85004a,
    0x863800, 0x866800, 0x9d009e, 0x9f800a, 0xe44800, 0xe48054, 0xe5e804, 0xf00095, 0xf4f000,
    0xf5005f, 0xf8400e, 0xf8c00a, 0xf9400e, 0xf9c00e, 0xfa400a, 0xfac807, 0xfb400e, 0xfc400e,
    0xfcc00e, 0xfd400e, 0xfdc002, 0xfdd002, 0xfde000, 0xfe4006, 0xfe6000, 0xfec002, 0xfed002,
    0xff4002, 0xff5002, 0xff6000, 0xffc002, 0xffd002, 0xffe000, 0x1093000, 0x1095000, 0x1095800,
    0x1099000, 0x10b001e, 0x10c1800, 0x125b032, 0x160005e, 0x1630000, 0x1631000, 0x1631800,
    0x1632000, 0x1633805, 0x1636800, 0x1637000, 0x1637800, 0x1638000, 0x1639000, 0x163a800,
    0x163f002, 0x1640063, 0x1675803, 0x1679000, 0x532002d, 0x534001b, 0x539100d, 0x539903d,
    0x53bc803, 0x53be800, 0x53bf009, 0x53c5800, 0x53c6800, 0x53c8003, 0x53cb013, 0x53d5000,
    0x53d5800, 0x53d6000, 0x53d6800, 0x53d7000, 0x53d8000, 0x53d8800, 0x53d9000, 0x53d9800,
    0x53da00f, 0x53e2000, 0x53e2800, 0x53e3000, 0x53e3803, 0x53e5800, 0x53e600f, 0x53ee000,
    0x53fa800, 0x7f90832, 0x820004e, 0x8258046, 0x82b8014, 0x82be01c, 0x82c600c, 0x82ca002,
    0x8640064, 0x86a802a, 0x8c5003e, 0xb72003e, 0xb750030, 0xf480042,
];

/// What each run adds to a character to lower it.
const DELTAS: [i32; 184] = [
    32, 32, 1, 1, 1, 1, -121, 1, 210, 1, 206, 1, 205, 1, 79, 202, 203, 1, 205, 207, 211, 209, 1,
    211, 213, 214, 1, 218, 1, 218, 1, 218, 1, 217, 1, 219, 1, 1, 2, 1, 2, 1, 2, 1, 1, 2, 1, -97,
    -56, 1, -130, 1, 10795, 1, -163, 10792, 1, -195, 69, 71, 1, 1, 1, 116, 38, 37, 64, 63, 32, 32,
    8, 1, -60, 1, -7, 1, -130, 80, 32, 1, 1, 15, 1, 1, 48, 7264, 7264, 7264, 38864, 8, 1, -3008,
    -3008, 1, -7615, 1, -8, -8, -8, -8, -8, -8, -8, -8, -8, -8, -8, -74, -9, -86, -9, -8, -100, -8,
    -112, -7, -128, -126, -9, -7517, -8383, -8262, 28, 16, 1, 26, 48, 1, -10743, -3814, -10727, 1,
    -10780, -10749, -10783, -10782, 1, 1, -10815, 1, 1, 1, 1, 1, 1, 1, 1, -35332, 1, 1, -42280, 1,
    1, -42308, -42319, -42315, -42305, -42308, -42258, -42282, -42261, 928, 1, -48, -42307, -35384,
    1, -42343, 1, -42561, 1, 32, 40, 40, 39, 39, 39, 39, 64, 32, 32, 32, 27, 34,
];

/// `c` lowercased: one character, or two for `İ` (U+0130), as `char::to_lowercase` gives.
pub fn lowercase(c: char) -> impl Iterator<Item = char> {
    let (first, second) = match c {
        'A'..='Z' => (c.to_ascii_lowercase(), None),
        '\u{130}' => ('i', Some('\u{307}')),
        _ if c.is_ascii() => (c, None),
        _ => (lower_one(c), None),
    };
    std::iter::once(first).chain(second)
}

/// The first character of `c` lowercased.
pub fn lowercase_char(c: char) -> char {
    lowercase(c).next().unwrap_or(c)
}

fn lower_one(c: char) -> char {
    let code = c as u32;
    // The last run starting at or before `c`.
    let index = RUNS.partition_point(|run| run >> 11 <= code);
    let Some(at) = index.checked_sub(1) else {
        return c;
    };
    let run = RUNS[at];
    let (first, count, step) = (run >> 11, ((run >> 1) & 0x3ff) + 1, (run & 1) + 1);
    let offset = code - first;
    if offset % step != 0 || offset / step >= count {
        return c;
    }
    char::from_u32(code.wrapping_add_signed(DELTAS[at])).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_every_character_as_core_does() {
        let mut differing = Vec::new();
        for code in 0..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if !lowercase(c).eq(c.to_lowercase()) {
                differing.push(code);
            }
        }
        assert!(differing.is_empty(), "{differing:x?}");
    }

    #[test]
    fn lowers_the_panel_languages() {
        let lower: String = "ÉTAT Ожидает ÀÇÑÜŒ İ Ａ"
            .chars()
            .flat_map(lowercase)
            .collect();
        assert_eq!(lower, "état ожидает àçñüœ i\u{307} ａ");
        assert_eq!(lowercase_char('Ё'), 'ё');
    }
}
