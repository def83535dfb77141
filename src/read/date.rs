//! Dates and times as order pages print them, in the eight languages, → instants.
//!
//! Numeric dates: `2026-11-20`, `2026/11/20`, `2026.11.20`, `2026年11月20日` (year first);
//! `20/11/2026`, `20-11-2026` (day or month first: see [`DateOrder`]) and `20.11.2026` (always day
//! first: no locale writes month.day.year). Dates with a month name: `Nov 20, 2026`,
//! `20 nov. 2026`, `20 de noviembre de 2026`, `20. Nov. 2026`, `20 ноября 2026 г.`, in any of the
//! eight languages. Times: `14:33`, `14:33:05`, `14:33:05.123`, `2:33 PM`, `下午2:33`, `14h33`,
//! `14时33分`, followed by an optional offset (`Z`, `+08:00`, `+0800`, `GMT+8`, `UTC`, `PST`,
//! `PDT`, `北京时间`). A two-digit year, a date without a year or an impossible date or time is
//! not read. When several dates appear, the first readable one wins; a date-like problem (31/02,
//! an ambiguous 05/06) is reported only when no readable date follows it.
//!
//! Without an offset the time is a wall-clock time in the zone the caller passes (the platform
//! zone, America/Los_Angeles). Wall-clock times that happen twice (the autumn change) read as the
//! earlier instant; times that do not exist (the spring gap) read with the offset in force just
//! before the gap, i.e. shifted forward by the gap — the same as JavaScript Temporal's
//! "compatible" disambiguation.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::date_order::DateOrder;
use super::error::{ReadError, ReadErrorKind};
use super::text::{normalize, tokens, Token};

/// Month names and abbreviations of the eight languages, normal form (accents stripped).
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // Spanish
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("set", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // German
    ("januar", 1),
    ("janner", 1),
    ("februar", 2),
    ("marz", 3),
    ("mrz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("out", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Russian: nominative, genitive ("20 ноября") and abbreviations
    ("январь", 1),
    ("января", 1),
    ("янв", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("фев", 2),
    ("февр", 2),
    ("март", 3),
    ("марта", 3),
    ("мар", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("апр", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июн", 6),
    ("июль", 7),
    ("июля", 7),
    ("июл", 7),
    ("август", 8),
    ("августа", 8),
    ("авг", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("сен", 9),
    ("сент", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("окт", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("ноя", 11),
    ("нояб", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("дек", 12),
    // Italian
    ("gennaio", 1),
    ("gen", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("mag", 5),
    ("giugno", 6),
    ("giu", 6),
    ("luglio", 7),
    ("lug", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("dicembre", 12),
];

/// Words between a day, a month name and a year ("20 de noviembre de 2026", "1st", "1er").
const FILLERS: &[&str] = &["de", "del", "st", "nd", "rd", "th", "er", "o"];

/// The month a (normalised) word names.
fn month_named(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, m)| m)
}

/// A token and whether white space came before it.
#[derive(Debug, Clone)]
struct Tok {
    tok: Token,
    spaced: bool,
}

fn scan(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut spaced = false;
    for tok in tokens(&normalize(text)) {
        if tok == Token::Space {
            spaced = true;
        } else {
            out.push(Tok { tok, spaced });
            spaced = false;
        }
    }
    out
}

fn num(toks: &[Tok], i: usize) -> Option<(u64, usize)> {
    match toks.get(i).map(|t| &t.tok) {
        Some(&Token::Num { value, digits }) => Some((value, digits)),
        _ => None,
    }
}

fn punct(toks: &[Tok], i: usize) -> Option<char> {
    match toks.get(i).map(|t| &t.tok) {
        Some(&Token::Punct(c)) => Some(c),
        _ => None,
    }
}

fn word(toks: &[Tok], i: usize) -> Option<&str> {
    match toks.get(i).map(|t| &t.tok) {
        Some(Token::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

fn cjk(toks: &[Tok], i: usize) -> Option<&str> {
    match toks.get(i).map(|t| &t.tok) {
        Some(Token::Cjk(w)) => Some(w.as_str()),
        _ => None,
    }
}

/// A date found in the tokens: the date and the token range it covers.
struct Found {
    date: NaiveDate,
    start: usize,
    end: usize,
}

fn not_a_date(text: &str, detail: &str) -> ReadError {
    ReadError::new(ReadErrorKind::NotADate, text, detail)
}

fn check_year(text: &str, year: u64) -> Result<i32, ReadError> {
    if (1970..=2100).contains(&year) {
        Ok(year as i32)
    } else {
        Err(not_a_date(text, "has a year outside 1970–2100"))
    }
}

fn make_date(text: &str, year: u64, month: u64, day: u64) -> Result<NaiveDate, ReadError> {
    let year = check_year(text, year)?;
    let (Ok(month), Ok(day)) = (u32::try_from(month), u32::try_from(day)) else {
        return Err(not_a_date(text, "is not a calendar date"));
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| not_a_date(text, "is not a calendar date (no such day in that month)"))
}

/// Finds the first readable date in the tokens. Something that looks like a date but cannot be
/// one (31/02/2026, 05/06/2026 without an order, a month without a year) is remembered and
/// reported only when no readable date follows it.
fn find_date(text: &str, toks: &[Tok], order: DateOrder) -> Result<Found, ReadError> {
    let mut first_problem: Option<ReadError> = None;
    let mut remember = |problem: ReadError| {
        first_problem.get_or_insert(problem);
    };
    for i in 0..toks.len() {
        match numeric_date(text, toks, i, order) {
            Ok(Some(found)) => return Ok(found),
            Ok(None) => {}
            Err(problem) => remember(problem),
        }
        let Some(month) = word(toks, i).and_then(month_named) else {
            continue;
        };
        match named_month_date(text, toks, i, month) {
            Ok(Some(found)) => return Ok(found),
            Ok(None) if mentions_day(toks, i) => remember(not_a_date(
                text,
                "is an incomplete date: a date needs day, month and year",
            )),
            Ok(None) => {}
            Err(problem) => remember(problem),
        }
    }
    Err(first_problem.unwrap_or_else(|| not_a_date(text, "has no date (day, month and year)")))
}

/// A number right next to a month name: the text means a date, even if it is incomplete.
fn mentions_day(toks: &[Tok], i: usize) -> bool {
    (i > 0 && num(toks, i - 1).is_some()) || num(toks, i + 1).is_some()
}

/// `2026-11-20`, `2026年11月20日`, `20/11/2026`, `20.11.2026` starting at token `i`.
fn numeric_date(
    text: &str,
    toks: &[Tok],
    i: usize,
    order: DateOrder,
) -> Result<Option<Found>, ReadError> {
    let Some((a, a_digits)) = num(toks, i) else {
        return Ok(None);
    };
    // A number glued to a longer chain ("1.20.11.2026", "x/20/11/2026") is something else.
    if i >= 2
        && matches!(punct(toks, i - 1), Some('/' | '.' | '-'))
        && !toks[i].spaced
        && num(toks, i - 2).is_some()
    {
        return Ok(None);
    }
    if a_digits == 4 {
        // Year first, with the same separator twice.
        if let (Some(sep), Some((m, md)), Some(sep2), Some((d, dd))) = (
            punct(toks, i + 1),
            num(toks, i + 2),
            punct(toks, i + 3),
            num(toks, i + 4),
        ) {
            if matches!(sep, '-' | '/' | '.') && sep == sep2 && md <= 2 && dd <= 2 {
                let date = make_date(text, a, m, d)?;
                return Ok(Some(Found {
                    date,
                    start: i,
                    end: i + 5,
                }));
            }
        }
        if let (Some(y), Some((m, md)), Some(mo), Some((d, dd)), Some(da)) = (
            cjk(toks, i + 1),
            num(toks, i + 2),
            cjk(toks, i + 3),
            num(toks, i + 4),
            cjk(toks, i + 5),
        ) {
            if y.starts_with('年')
                && mo.starts_with('月')
                && (da.starts_with('日') || da.starts_with('号'))
                && md <= 2
                && dd <= 2
            {
                let date = make_date(text, a, m, d)?;
                return Ok(Some(Found {
                    date,
                    start: i,
                    end: i + 6,
                }));
            }
        }
        return Ok(None);
    }
    if a_digits > 2 {
        return Ok(None);
    }
    let (Some(sep), Some((b, bd)), Some(sep2), Some((y, yd))) = (
        punct(toks, i + 1),
        num(toks, i + 2),
        punct(toks, i + 3),
        num(toks, i + 4),
    ) else {
        return Ok(None);
    };
    if !matches!(sep, '-' | '/' | '.') || sep != sep2 || bd > 2 {
        return Ok(None);
    }
    match yd {
        4 => {}
        2 => {
            return Err(not_a_date(
                text,
                "has a two-digit year: write the year with four digits",
            ))
        }
        _ => return Ok(None),
    }
    let (day, month) = if sep == '.' {
        (a, b)
    } else {
        match order {
            DateOrder::DayFirst => (a, b),
            DateOrder::MonthFirst => (b, a),
            DateOrder::Unknown => {
                if a > 12 && b <= 12 {
                    (a, b)
                } else if b > 12 && a <= 12 {
                    (b, a)
                } else if a == b {
                    (a, b)
                } else if a <= 12 && b <= 12 {
                    return Err(ReadError::new(
                        ReadErrorKind::AmbiguousDate,
                        text,
                        "could be day/month or month/day: the page language does not say which",
                    ));
                } else {
                    return Err(not_a_date(text, "has no month (both numbers above 12)"));
                }
            }
        }
    };
    let date = make_date(text, y, month, day)?;
    Ok(Some(Found {
        date,
        start: i,
        end: i + 5,
    }))
}

/// A date around the month name at token `i`: day before or after it, then the year.
fn named_month_date(
    text: &str,
    toks: &[Tok],
    i: usize,
    month: u32,
) -> Result<Option<Found>, ReadError> {
    let is_filler = |j: usize| word(toks, j).is_some_and(|w| FILLERS.contains(&w));
    let mut start = i;
    let mut day = None;
    // Day before: "20 nov", "20. Nov", "20 de noviembre", "1er mars".
    let mut j = i;
    while j > 0 && (matches!(punct(toks, j - 1), Some('.')) || is_filler(j - 1)) && i - j < 3 {
        j -= 1;
    }
    if j > 0 {
        if let Some((d, dd)) = num(toks, j - 1) {
            if dd <= 2 {
                day = Some(d);
                start = j - 1;
            }
        }
    }
    // After: "nov. 2026", "Nov 20, 2026", "de noviembre de 2026".
    let mut k = i + 1;
    let skip = |k: &mut usize| {
        while matches!(punct(toks, *k), Some('.' | ',')) || is_filler(*k) {
            *k += 1;
        }
    };
    skip(&mut k);
    if day.is_none() {
        match num(toks, k) {
            Some((d, dd)) if dd <= 2 => {
                day = Some(d);
                k += 1;
                skip(&mut k);
            }
            _ => return Ok(None),
        }
    }
    let Some(day) = day else {
        return Ok(None);
    };
    match num(toks, k) {
        Some((y, 4)) => {
            let date = make_date(text, y, u64::from(month), day)?;
            Ok(Some(Found {
                date,
                start,
                end: k + 1,
            }))
        }
        Some((_, 2)) if punct(toks, k + 1) != Some(':') => Err(not_a_date(
            text,
            "has a two-digit year: write the year with four digits",
        )),
        _ => Ok(None),
    }
}

/// A time of day found in the tokens, with the offset the text gives, if any.
struct FoundTime {
    time: NaiveTime,
    offset_secs: Option<i32>,
}

/// Finds the time: first after the date, else before it.
fn find_time(text: &str, toks: &[Tok], date: &Found) -> Result<Option<FoundTime>, ReadError> {
    for i in (date.end..toks.len()).chain(0..date.start) {
        if let Some(found) = time_at(text, toks, i)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

fn check_clock(text: &str, h: u64, m: u64, s: u64) -> Result<(), ReadError> {
    if h > 23 || m > 59 || s > 59 {
        Err(not_a_date(
            text,
            "is not a time of day (hours 0–23, minutes and seconds 0–59)",
        ))
    } else {
        Ok(())
    }
}

/// `14:33`, `14:33:05(.123)`, `2:33 PM`, `下午2:33`, `14h33`, `14时33分` at token `i`.
fn time_at(text: &str, toks: &[Tok], i: usize) -> Result<Option<FoundTime>, ReadError> {
    let Some((h, hd)) = num(toks, i) else {
        return Ok(None);
    };
    if hd > 2 {
        return Ok(None);
    }
    let mut k;
    let (m, s) = match (punct(toks, i + 1), word(toks, i + 1), cjk(toks, i + 1)) {
        (Some(':'), _, _) => match num(toks, i + 2) {
            Some((m, 2)) => {
                k = i + 3;
                let mut s = 0;
                if punct(toks, k) == Some(':') {
                    match num(toks, k + 1) {
                        Some((sv, 2)) => {
                            s = sv;
                            k += 2;
                        }
                        _ => return Err(not_a_date(text, "has a malformed time")),
                    }
                }
                (m, s)
            }
            _ => {
                return Err(not_a_date(
                    text,
                    "has a malformed time (minutes need two digits)",
                ))
            }
        },
        (_, Some("h"), _) => match num(toks, i + 2) {
            Some((m, 2)) => {
                k = i + 3;
                (m, 0)
            }
            _ => return Ok(None),
        },
        (_, _, Some(c)) if c.starts_with('时') || c.starts_with('点') || c.starts_with('時') => {
            match (num(toks, i + 2), cjk(toks, i + 3)) {
                (Some((m, md)), Some(f)) if md <= 2 && f.starts_with('分') => {
                    k = i + 4;
                    (m, 0)
                }
                _ => return Ok(None),
            }
        }
        _ => return Ok(None),
    };
    // Fractions of a second are dropped.
    if punct(toks, k) == Some('.') && !toks[k].spaced {
        if let Some((_, _)) = num(toks, k + 1) {
            k += 2;
        }
    }
    // 12-hour clock: "2:33 PM", "2:33 p.m.", "下午2:33".
    let mut meridiem = None;
    match word(toks, k) {
        Some("am") => meridiem = Some(false),
        Some("pm") => meridiem = Some(true),
        Some(w @ ("a" | "p"))
            if punct(toks, k + 1) == Some('.') && word(toks, k + 2) == Some("m") =>
        {
            meridiem = Some(w == "p");
            k += 2;
            if punct(toks, k + 1) == Some('.') {
                k += 1;
            }
        }
        _ => {}
    }
    if meridiem.is_some() {
        k += 1;
    } else if i > 0 {
        if let Some(c) = cjk(toks, i - 1) {
            if c.ends_with("下午") || c.ends_with("晚上") {
                meridiem = Some(true);
            } else if c.ends_with("上午") || c.ends_with("凌晨") || c.ends_with("早上") {
                meridiem = Some(false);
            }
        }
    }
    let hour = match meridiem {
        None => h,
        Some(pm) => {
            if !(1..=12).contains(&h) {
                return Err(not_a_date(text, "has a 12-hour time outside 1–12"));
            }
            (h % 12) + if pm { 12 } else { 0 }
        }
    };
    check_clock(text, hour, m, s)?;
    let time = NaiveTime::from_hms_opt(hour as u32, m as u32, s as u32)
        .ok_or_else(|| not_a_date(text, "is not a time of day"))?;
    Ok(Some(FoundTime {
        time,
        offset_secs: offset_at(toks, k),
    }))
}

/// An offset right after a time: `Z`, `+08:00`, `+0800`, `GMT+8`, `UTC`, `(GMT-07:00)`, `PST`.
fn offset_at(toks: &[Tok], mut k: usize) -> Option<i32> {
    if punct(toks, k) == Some('(') {
        k += 1;
    }
    // Chinese pages sometimes label Beijing time (UTC+8, no daylight saving) in words.
    if cjk(toks, k).is_some_and(|c| c.starts_with("北京时间")) {
        return Some(8 * 3600);
    }
    let named = match word(toks, k) {
        Some("z") if !toks[k].spaced => Some(0),
        Some("utc" | "gmt") => Some(0),
        Some("pst") => return Some(-8 * 3600),
        Some("pdt") => return Some(-7 * 3600),
        _ => None,
    };
    if named.is_some() {
        k += 1;
    }
    let sign = match punct(toks, k) {
        Some('+') => 1,
        Some('-') => -1,
        _ => return named,
    };
    let hours_minutes = match (num(toks, k + 1), punct(toks, k + 2), num(toks, k + 3)) {
        (Some((h, 1 | 2)), Some(':'), Some((m, 2))) => Some((h, m)),
        (Some((hm, 4)), _, _) => Some((hm / 100, hm % 100)),
        (Some((h, 1 | 2)), _, _) if named.is_some() || !toks[k].spaced => Some((h, 0)),
        _ => None,
    };
    match hours_minutes {
        Some((h, m)) if h <= 14 && m <= 59 => Some(sign * (h as i32 * 3600 + m as i32 * 60)),
        _ => named,
    }
}

/// The instant of a wall-clock time in `tz`: the earlier one when the time happens twice, the
/// pre-gap offset when it does not exist (see the module notes).
pub fn resolve_local(local: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(earlier, later) => earlier.min(later).with_timezone(&Utc),
        chrono::LocalResult::None => {
            // A day before the gap, the old offset was in force (zones change at most once a day).
            let before = local - Duration::days(1);
            let offset = tz.offset_from_utc_datetime(&before).fix().local_minus_utc();
            Utc.from_utc_datetime(&(local - Duration::seconds(i64::from(offset))))
        }
    }
}

fn prepare(text: &str) -> Result<Vec<Tok>, ReadError> {
    let toks = scan(text);
    if toks.is_empty() {
        return Err(ReadError::new(
            ReadErrorKind::Empty,
            text,
            "is empty: expected a date",
        ));
    }
    Ok(toks)
}

/// Reads a date and time ("Payment time: 20/11/2026 14:33", "Nov 20, 2026 2:33 PM",
/// "2026-11-20T14:33:05+08:00") into an instant.
///
/// `order` settles numeric day/month order; `tz` is the zone of wall-clock times without offset.
/// A date without a time is refused (use [`read_date`]).
pub fn read_datetime(text: &str, order: DateOrder, tz: Tz) -> Result<DateTime<Utc>, ReadError> {
    let toks = prepare(text)?;
    let date = find_date(text, &toks, order)?;
    let Some(time) = find_time(text, &toks, &date)? else {
        return Err(not_a_date(text, "has a date but no time of day"));
    };
    let local = date.date.and_time(time.time);
    Ok(match time.offset_secs {
        Some(offset) => Utc.from_utc_datetime(&(local - Duration::seconds(i64::from(offset)))),
        None => resolve_local(local, tz),
    })
}

/// Reads a calendar date ("Order date: Nov 20, 2026", "20.11.2026"); a time, if any, is ignored.
pub fn read_date(text: &str, order: DateOrder) -> Result<NaiveDate, ReadError> {
    let toks = prepare(text)?;
    Ok(find_date(text, &toks, order)?.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_table_is_in_normal_form_and_consistent() {
        for (i, (name, month)) in MONTHS.iter().enumerate() {
            assert_eq!(normalize(name), *name);
            assert!((1..=12).contains(month));
            for (other, other_month) in &MONTHS[i + 1..] {
                if other == name {
                    assert_eq!(month, other_month, "{name} names two months");
                }
            }
        }
    }
}
