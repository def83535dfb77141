//! Date and time text written and read by hand, for the wasm size budget.
//!
//! chrono's `format`, `parse_from_str`, `FromStr` and serde `Deserialize` all run through its
//! generic strftime engine (`StrftimeItems`, `parse_internal`, RFC 2822 parsing: about 40 KB of
//! wasm before optimisation). The few fixed layouts the crate needs are written here instead,
//! accepting exactly what chrono's parsers accepted for them (same whitespace, sign, fraction
//! and offset rules), so the engine's behaviour does not change. Serializing stays with chrono:
//! its RFC 3339 writer is small.

use std::fmt::Write;

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
    Timelike, Utc,
};

/// One piece of a fixed layout, as chrono's strftime engine would have read it.
#[derive(Clone, Copy)]
pub(crate) enum Part<'a> {
    /// `%Y`: an optional sign then digits, or 1–4 digits without a sign.
    Year,
    /// `%m`: 1–2 digits.
    Month,
    /// `%b`: the first three letters of an English month name, any case.
    MonthName,
    /// `%d`: 1–2 digits.
    Day,
    /// `%H`: 1–2 digits.
    Hour,
    /// `%I`: 1–2 digits, 1–12, needs `AmPm`.
    Hour12,
    /// `%M`: 1–2 digits.
    Minute,
    /// `%S`: 1–2 digits (60 is a leap second).
    Second,
    /// `%.f`: nothing, or a dot and at least one digit (digits past the ninth ignored).
    Fraction,
    /// `%p`: `AM` or `PM`, any case.
    AmPm,
    /// Text that must follow verbatim.
    Literal(&'a str),
    /// Any run of whitespace, possibly empty.
    Space,
}

/// The fields a layout filled in.
#[derive(Default)]
struct Fields {
    year: Option<i64>,
    month: Option<i64>,
    day: Option<i64>,
    hour: Option<i64>,
    hour12: Option<i64>,
    pm: Option<bool>,
    minute: Option<i64>,
    second: Option<i64>,
    nano: i64,
}

/// Up to `max` ASCII digits (at least one) as a number.
fn number(s: &str, max: usize) -> Option<(&str, i64)> {
    let digits = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut n = 0i64;
    for byte in s[..digits].bytes() {
        n = n.checked_mul(10)?.checked_add(i64::from(byte - b'0'))?;
    }
    Some((&s[digits..], n))
}

/// A fraction after its dot: 1–9 digits scaled to nanoseconds, further digits skipped.
fn fraction(s: &str) -> Option<(&str, i64)> {
    let (rest, value) = number(s, 9)?;
    let scale = 10i64.pow(9 - (s.len() - rest.len()) as u32);
    Some((
        rest.trim_start_matches(|c: char| c.is_ascii_digit()),
        value * scale,
    ))
}

/// `text` read with `layout` into `fields`; returns what is left.
fn read_parts<'a>(mut s: &'a str, layout: &[Part<'_>], fields: &mut Fields) -> Option<&'a str> {
    for part in layout {
        match *part {
            Part::Literal(text) => s = s.strip_prefix(text)?,
            Part::Space => s = s.trim_start(),
            Part::Fraction => {
                if let Some(rest) = s.strip_prefix('.') {
                    let (rest, nano) = fraction(rest)?;
                    fields.nano = nano;
                    s = rest;
                }
            }
            Part::MonthName => {
                let head = s.get(..3)?.to_ascii_lowercase();
                const NAMES: [&str; 12] = [
                    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                    "dec",
                ];
                let month = NAMES.iter().position(|name| *name == head)?;
                fields.month = Some(month as i64 + 1);
                s = &s[3..];
            }
            Part::AmPm => {
                let head = s.get(..2)?.to_ascii_lowercase();
                fields.pm = Some(match head.as_str() {
                    "am" => false,
                    "pm" => true,
                    _ => return None,
                });
                s = &s[2..];
            }
            Part::Year => {
                s = s.trim_start();
                let (rest, year) = if let Some(rest) = s.strip_prefix('-') {
                    let (rest, year) = number(rest, usize::MAX)?;
                    (rest, -year)
                } else if let Some(rest) = s.strip_prefix('+') {
                    number(rest, usize::MAX)?
                } else {
                    number(s, 4)?
                };
                fields.year = Some(year);
                s = rest;
            }
            Part::Month | Part::Day | Part::Hour | Part::Hour12 | Part::Minute | Part::Second => {
                let (rest, value) = number(s.trim_start(), 2)?;
                let (slot, range) = match *part {
                    Part::Month => (&mut fields.month, 1..=12),
                    Part::Day => (&mut fields.day, 1..=31),
                    Part::Hour => (&mut fields.hour, 0..=23),
                    Part::Hour12 => (&mut fields.hour12, 1..=12),
                    Part::Minute => (&mut fields.minute, 0..=59),
                    _ => (&mut fields.second, 0..=60),
                };
                if !range.contains(&value) {
                    return None;
                }
                *slot = Some(value);
                s = rest;
            }
        }
    }
    Some(s)
}

impl Fields {
    fn date(&self) -> Option<NaiveDate> {
        let year = i32::try_from(self.year?).ok()?;
        NaiveDate::from_ymd_opt(year, self.month? as u32, self.day? as u32)
    }

    fn time(&self) -> Option<NaiveTime> {
        let hour = match (self.hour, self.hour12, self.pm) {
            (Some(hour), None, None) => hour,
            (None, Some(hour12), Some(pm)) => hour12 % 12 + if pm { 12 } else { 0 },
            _ => return None,
        };
        // chrono reads second 60 as a leap second: 59 s plus one whole second of nanoseconds.
        let (second, nano) = match self.second.unwrap_or(0) {
            60 => (59, self.nano + 1_000_000_000),
            second => (second, self.nano),
        };
        NaiveTime::from_hms_nano_opt(hour as u32, self.minute? as u32, second as u32, nano as u32)
    }
}

/// The parts of a strftime `format`, for the specifiers this crate uses
/// (`%Y %m %b %d %H %I %M %S %.f %p`); `None` for any other.
fn layout(format: &str) -> Option<Vec<Part<'_>>> {
    let mut parts = Vec::new();
    let mut rest = format;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            parts.push(Part::Space);
            rest = rest.trim_start();
        } else if let Some(spec) = rest.strip_prefix('%') {
            let (part, len) = match spec.as_bytes() {
                [b'.', b'f', ..] => (Part::Fraction, 2),
                [b'Y', ..] => (Part::Year, 1),
                [b'm', ..] => (Part::Month, 1),
                [b'b', ..] => (Part::MonthName, 1),
                [b'd', ..] => (Part::Day, 1),
                [b'H', ..] => (Part::Hour, 1),
                [b'I', ..] => (Part::Hour12, 1),
                [b'M', ..] => (Part::Minute, 1),
                [b'S', ..] => (Part::Second, 1),
                [b'p', ..] => (Part::AmPm, 1),
                _ => return None,
            };
            parts.push(part);
            rest = &spec[len..];
        } else {
            let end = rest
                .find(|c: char| c == '%' || c.is_whitespace())
                .unwrap_or(rest.len());
            parts.push(Part::Literal(&rest[..end]));
            rest = &rest[end..];
        }
    }
    Some(parts)
}

/// A wall-clock date and time in a strftime `format`, all of the text used, as chrono's
/// `NaiveDateTime::parse_from_str` reads it (for the specifiers [`layout`] knows).
pub fn parse_naive(text: &str, format: &str) -> Option<NaiveDateTime> {
    let mut fields = Fields::default();
    if !read_parts(text, &layout(format)?, &mut fields)?.is_empty() {
        return None;
    }
    Some(fields.date()?.and_time(fields.time()?))
}

/// `YYYY-MM-DD` as chrono's `NaiveDate::from_str` reads it (spaces around the dashes allowed).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    use Part::*;
    let mut fields = Fields::default();
    let rest = read_parts(
        text,
        &[
            Year,
            Space,
            Literal("-"),
            Month,
            Space,
            Literal("-"),
            Day,
            Space,
        ],
        &mut fields,
    )?;
    if !rest.is_empty() {
        return None;
    }
    fields.date()
}

/// An RFC 3339 date-time as chrono's `DateTime<FixedOffset>::from_str` (and so its serde) reads
/// it: `T`, `t` or a space between date and time, an optional fraction, then `Z`, `UTC` or an
/// offset such as `+08:00`, `+0800` or `−05:00`; whitespace around the parts is allowed.
pub fn parse_instant(text: &str) -> Option<DateTime<FixedOffset>> {
    use Part::*;
    let mut fields = Fields::default();
    let s = read_parts(
        text,
        &[Year, Space, Literal("-"), Month, Space, Literal("-"), Day],
        &mut fields,
    )?;
    let s = s
        .strip_prefix(['T', 't', ' '])
        .or_else(|| s.strip_prefix(' '))?;
    let s = read_parts(
        s,
        &[
            Hour,
            Space,
            Literal(":"),
            Minute,
            Space,
            Literal(":"),
            Second,
            Fraction,
            Space,
        ],
        &mut fields,
    )?;
    let s = s.trim_start();
    let (s, offset) = match s.get(..3) {
        Some(head) if head.eq_ignore_ascii_case("UTC") => (&s[3..], 0),
        _ => offset(s)?,
    };
    if !s.trim_start().is_empty() {
        return None;
    }
    let local = fields.date()?.and_time(fields.time()?);
    FixedOffset::east_opt(offset)?
        .from_local_datetime(&local)
        .single()
}

/// `Z`, or a sign (`+`, `-`, `−`), two hour digits, optional colons or spaces, two minute digits.
fn offset(s: &str) -> Option<(&str, i32)> {
    if let Some(rest) = s.strip_prefix(['Z', 'z']) {
        return Some((rest, 0));
    }
    let (negative, s) = if let Some(rest) = s.strip_prefix('+') {
        (false, rest)
    } else if let Some(rest) = s.strip_prefix(['-', '−']) {
        (true, rest)
    } else {
        return None;
    };
    let two = |s: &str, first_max: u8| -> Option<i32> {
        match s.as_bytes() {
            [a @ b'0'..=b'9', b @ b'0'..=b'9', ..] if *a <= first_max => {
                Some(i32::from((a - b'0') * 10 + (b - b'0')))
            }
            _ => None,
        }
    };
    let hours = two(s, b'9')?;
    let s = s[2..].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    let minutes = two(s, b'5')?;
    let seconds = hours * 3600 + minutes * 60;
    Some((&s[2..], if negative { -seconds } else { seconds }))
}

/// `%Y` as chrono writes it: four digits, or a sign and at least four for years beyond 0–9999.
fn push_year(out: &mut String, year: i32) {
    if (0..=9999).contains(&year) {
        let _ = write!(out, "{year:04}");
    } else {
        let _ = write!(out, "{year:+05}");
    }
}

fn push_date(out: &mut String, date: NaiveDate) {
    push_year(out, date.year());
    let _ = write!(out, "-{:02}-{:02}", date.month(), date.day());
}

/// Hours and minutes, and seconds unless `minutes_only`; a leap second shows as `:60`.
fn push_time(out: &mut String, time: NaiveTime, minutes_only: bool) {
    let _ = write!(out, "{:02}:{:02}", time.hour(), time.minute());
    if !minutes_only {
        let leap = u32::from(time.nanosecond() >= 1_000_000_000);
        let _ = write!(out, ":{:02}", time.second() + leap);
    }
}

/// `2026-11-20T14:33:00Z` (`%Y-%m-%dT%H:%M:%SZ`).
pub fn utc_seconds(at: DateTime<Utc>) -> String {
    let mut out = String::with_capacity(20);
    push_date(&mut out, at.date_naive());
    out.push('T');
    push_time(&mut out, at.time(), false);
    out.push('Z');
    out
}

/// `2026-11-20 14:33 UTC` (`%Y-%m-%d %H:%M UTC`).
pub fn utc_minutes(at: DateTime<Utc>) -> String {
    let mut out = String::with_capacity(20);
    push_date(&mut out, at.date_naive());
    out.push(' ');
    push_time(&mut out, at.time(), true);
    out.push_str(" UTC");
    out
}

/// `2026-11-20 22:33:00 +08:00` (`%Y-%m-%d %H:%M:%S %:z`) in the instant's own zone.
pub fn local_seconds_with_offset<Tz: TimeZone>(at: &DateTime<Tz>) -> String {
    let mut out = String::with_capacity(26);
    let local = at.naive_local();
    push_date(&mut out, local.date());
    out.push(' ');
    push_time(&mut out, local.time(), false);
    let offset = at.offset().fix().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    // Rounded to the nearest minute, as chrono does for old local-mean-time offsets (+08:05:43).
    let minutes = (offset.unsigned_abs() + 30) / 60;
    let _ = write!(out, " {sign}{:02}:{:02}", minutes / 60, minutes % 60);
    out
}

/// serde for `DateTime<Utc>` fields: written as chrono writes it, read with [`parse_instant`].
pub mod utc {
    use chrono::{DateTime, Utc};
    use serde::{de, Deserializer, Serialize, Serializer};

    /// As chrono's own `Serialize`.
    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
        at.serialize(serializer)
    }

    struct Visitor;

    impl de::Visitor<'_> for Visitor {
        type Value = DateTime<Utc>;

        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("an RFC 3339 formatted date and time string")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime<Utc>, E> {
            super::parse_instant(text)
                .map(|at| at.with_timezone(&Utc))
                .ok_or_else(|| E::custom("input is not an RFC 3339 date and time"))
        }
    }

    /// What chrono's `Deserialize` accepts.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        deserializer.deserialize_str(Visitor)
    }

    /// The same for `Option<DateTime<Utc>>` (`null` is `None`; pair with `#[serde(default)]`).
    pub mod option {
        use chrono::{DateTime, Utc};
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super")] DateTime<Utc>);

        /// As chrono's own `Serialize`.
        pub fn serialize<S: Serializer>(
            at: &Option<DateTime<Utc>>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            at.serialize(serializer)
        }

        /// `null` or what [`super::deserialize`] accepts.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(at)| at))
        }
    }
}

/// serde for `NaiveDate` fields: written as chrono writes it, read with [`parse_date`].
pub mod date {
    use chrono::NaiveDate;
    use serde::{de, Deserializer, Serialize, Serializer};

    /// As chrono's own `Serialize`.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        date.serialize(serializer)
    }

    struct Visitor;

    impl de::Visitor<'_> for Visitor {
        type Value = NaiveDate;

        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("a formatted date string")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
            super::parse_date(text).ok_or_else(|| E::custom("input is not a YYYY-MM-DD date"))
        }
    }

    /// What chrono's `Deserialize` accepts.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        deserializer.deserialize_str(Visitor)
    }

    /// The same for `Vec<NaiveDate>`.
    pub mod list {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super")] NaiveDate);

        /// As chrono's own `Serialize`.
        pub fn serialize<S: Serializer>(
            dates: &[NaiveDate],
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            dates.serialize(serializer)
        }

        /// A sequence of what [`super::deserialize`] accepts.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Vec<NaiveDate>, D::Error> {
            Ok(Vec::<Wrapped>::deserialize(deserializer)?
                .into_iter()
                .map(|Wrapped(date)| date)
                .collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::SecondsFormat;

    /// Inputs around every rule of chrono's parsers: both must agree on each.
    const INSTANTS: &[&str] = &[
        "2026-11-20T14:33:00Z",
        "2026-11-20t14:33:00z",
        "2026-11-20 14:33:00Z",
        "2026-11-20T14:33:00.5Z",
        "2026-11-20T14:33:00.123456789Z",
        "2026-11-20T14:33:00.1234567891234Z",
        "2026-11-20T14:33:00.Z",
        "2026-11-20T14:33:00+08:00",
        "2026-11-20T14:33:00+0800",
        "2026-11-20T14:33:00+08",
        "2026-11-20T14:33:00+08 : 30",
        "2026-11-20T14:33:00-05:00",
        "2026-11-20T14:33:00−05:00",
        "2026-11-20T14:33:00+24:00",
        "2026-11-20T14:33:00+23:59",
        "2026-11-20T14:33:00+08:60",
        "2026-11-20T14:33:00 UTC",
        "2026-11-20T14:33:00utc",
        "2026-11-20T14:33:00 Z ",
        "2026-11-20T14:33:00Zx",
        " 2026-11-20T14:33:00Z",
        "2026 - 11 - 20T 14 : 33 : 00Z",
        "2026-1-2T3:4:5Z",
        "2026-11-20T14:33Z",
        "2026-11-20T14:33:60Z",
        "2026-11-20T24:00:00Z",
        "2026-02-29T00:00:00Z",
        "2024-02-29T00:00:00Z",
        "+12026-11-20T14:33:00Z",
        "-0001-11-20T14:33:00Z",
        "20261-11-20T14:33:00Z",
        "2026-11-20",
        "2026-11-20X14:33:00Z",
        "",
        "２０２６-11-20T14:33:00Z",
    ];

    #[test]
    fn instants_read_as_chrono_reads_them() {
        for text in INSTANTS {
            let chrono = text.parse::<DateTime<FixedOffset>>().ok();
            assert_eq!(parse_instant(text), chrono, "{text:?}");
        }
    }

    #[test]
    fn dates_read_as_chrono_reads_them() {
        for text in [
            "2026-11-20",
            "2026-1-2",
            " 2026 - 11 - 20 ",
            "2026-02-30",
            "2026-11-20T",
            "+2026-11-20",
            "12026-11-20",
            "2026/11/20",
            "",
        ] {
            assert_eq!(parse_date(text), text.parse::<NaiveDate>().ok(), "{text:?}");
        }
    }

    #[test]
    fn formats_read_as_chrono_reads_them() {
        let cases: &[(&str, &[&str])] = &[
            (
                "%Y-%m-%d %H:%M:%S%.f",
                &[
                    "2026-11-20 14:33:00",
                    "2026-11-20 14:33:00.25",
                    "2026-11-20  14:33:00",
                    "2026-11-2014:33:00",
                    "2026-11-20 14:33:60",
                    "2026-11-20 14:33:00.",
                    "2026-11-20 14:33:00 ",
                    "2026-11-20 14:33",
                ],
            ),
            (
                "%Y-%m-%dT%H:%M:%S%.f",
                &["2026-11-20T14:33:00.123456789", "2026-11-20t14:33:00"],
            ),
            (
                "%Y-%m-%d %H:%M",
                &[
                    "2026-11-20 14:33",
                    "2026-11-20 14:33:00",
                    "2026-11-20 24:00",
                ],
            ),
            (
                "%Y/%m/%d %H:%M:%S",
                &["2026/11/20 14:33:00", "2026/2/29 14:33:00"],
            ),
            (
                "%Y%m%d%H%M%S",
                &["20261120143300", "2026112014330", "202611201433000"],
            ),
            (
                "%b %d, %Y %I:%M:%S %p",
                &[
                    "Nov 20, 2026 2:33:00 PM",
                    "nov 20, 2026 12:33:00 am",
                    "NOV 20,2026 12:33:00pm",
                    "November 20, 2026 2:33:00 PM",
                    "Nov 20, 2026 13:33:00 PM",
                    "Nov 20, 2026 0:33:00 AM",
                    "Feb 30, 2026 1:00:00 AM",
                ],
            ),
        ];
        for (format, texts) in cases {
            for text in *texts {
                let chrono = NaiveDateTime::parse_from_str(text, format).ok();
                assert_eq!(parse_naive(text, format), chrono, "{text:?} as {format}");
            }
        }
        assert_eq!(
            parse_naive("2026", "%Y %z"),
            None,
            "an unknown specifier reads nothing"
        );
    }

    #[test]
    fn texts_are_written_as_chrono_writes_them() {
        let zone: chrono_tz::Tz = "Asia/Shanghai".parse().unwrap();
        for millis in [
            0,
            1_795_000_000_123,
            -62_135_596_800_000,
            253_402_300_799_000,
            -70_000_000_000_000,
        ] {
            let at = DateTime::from_timestamp_millis(millis).unwrap();
            assert_eq!(utc_seconds(at), at.format("%Y-%m-%dT%H:%M:%SZ").to_string());
            assert_eq!(utc_minutes(at), at.format("%Y-%m-%d %H:%M UTC").to_string());
            let local = at.with_timezone(&zone);
            assert_eq!(
                local_seconds_with_offset(&local),
                local.format("%Y-%m-%d %H:%M:%S %:z").to_string()
            );
            let fixed = at.with_timezone(&FixedOffset::west_opt(9 * 3600 + 30 * 60).unwrap());
            assert_eq!(
                local_seconds_with_offset(&fixed),
                fixed.format("%Y-%m-%d %H:%M:%S %:z").to_string()
            );
            // What serde writes reads back.
            let text = at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
            assert_eq!(
                parse_instant(&text).map(|a| a.with_timezone(&Utc)),
                Some(at)
            );
        }
    }
}
