//! JSON text into a `serde_json::Value`, read as serde_json reads it, without its deserializer.
//!
//! The wasm reads JSON text in one place (settings, scan options, an Open Platform response
//! pasted as text) and always into a `Value`: serde_json's generic deserializer, its error
//! wording and its float tables cost several KB of the gzipped wasm for that one use
//! (BENCHMARKS.md, "Size, session 5"). Nesting stops where serde_json's does (128 levels), so
//! no text, however deep, can overflow the stack; integers stay exact (`u64`, `i64`), as order
//! ids above 2^53 need; other numbers are `f64`, parsed by JavaScript in the wasm.

use std::fmt;

use serde_json::{Map, Number, Value};

/// Arrays and objects inside each other, as serde_json allows (its recursion limit).
const MAX_DEPTH: usize = 128;

/// Why JSON text could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The text ends before the value does (serde_json's `Category::Eof`).
    pub ends_early: bool,
    /// What is wrong, in serde_json's words.
    pub message: &'static str,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in bytes) of the problem on its line.
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// `text` as one JSON value, white space around it allowed.
pub fn parse_json(text: &str) -> Result<Value, JsonError> {
    let mut parser = Parser {
        text: text.as_bytes(),
        at: 0,
    };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at < parser.text.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.at += 1;
        }
    }

    /// An error at the current byte (or just past the end).
    fn error(&self, message: &'static str) -> JsonError {
        let ends_early = self.at >= self.text.len();
        let (line, column) = self.place((self.at + 1).min(self.text.len()));
        JsonError {
            ends_early,
            message: if ends_early {
                eof_message(message)
            } else {
                message
            },
            line,
            column,
        }
    }

    /// An error on the byte just read (serde_json places a bad number there).
    fn error_after(&mut self, message: &'static str) -> JsonError {
        if self.at >= self.text.len() {
            return self.error(message);
        }
        self.at += 1;
        let (line, column) = self.place(self.at);
        JsonError {
            ends_early: false,
            message,
            line,
            column,
        }
    }

    /// Line and column of the last of the first `end` bytes, as serde_json counts them.
    fn place(&self, end: usize) -> (usize, usize) {
        let before = &self.text[..end];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        (line, end - line_start)
    }

    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.word("null", Value::Null),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                let depth = self.deeper(depth)?;
                self.at += 1;
                let mut items = Vec::new();
                if self.close(b']')? {
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth)?);
                    if self.after_item(b']', "expected `,` or `]`")? {
                        return Ok(Value::Array(items));
                    }
                }
            }
            Some(b'{') => {
                let depth = self.deeper(depth)?;
                self.at += 1;
                let mut fields = Map::new();
                if self.close(b'}')? {
                    return Ok(Value::Object(fields));
                }
                loop {
                    self.skip_space();
                    match self.peek() {
                        Some(b'"') => {}
                        None => return Err(self.error("EOF while parsing an object")),
                        Some(_) => return Err(self.error("key must be a string")),
                    }
                    let key = self.string()?;
                    self.skip_space();
                    match self.peek() {
                        Some(b':') => self.at += 1,
                        None => return Err(self.error("EOF while parsing an object")),
                        Some(_) => return Err(self.error("expected `:`")),
                    }
                    let value = self.value(depth)?;
                    fields.insert(key, value);
                    if self.after_item(b'}', "expected `,` or `}`")? {
                        return Ok(Value::Object(fields));
                    }
                }
            }
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn deeper(&self, depth: usize) -> Result<usize, JsonError> {
        if depth + 1 >= MAX_DEPTH {
            return Err(JsonError {
                ends_early: false,
                ..self.error("recursion limit exceeded")
            });
        }
        Ok(depth + 1)
    }

    /// Whether the container closes right away (`[]`, `{}`), the bracket consumed.
    fn close(&mut self, bracket: u8) -> Result<bool, JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b) if b == bracket => {
                self.at += 1;
                Ok(true)
            }
            None if bracket == b']' => Err(self.error("EOF while parsing a list")),
            None => Err(self.error("EOF while parsing an object")),
            Some(_) => Ok(false),
        }
    }

    /// After an item: `true` at the closing bracket, `false` after a comma.
    fn after_item(&mut self, bracket: u8, expected: &'static str) -> Result<bool, JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                self.skip_space();
                if self.peek() == Some(bracket) {
                    return Err(self.error("trailing comma"));
                }
                Ok(false)
            }
            Some(b) if b == bracket => {
                self.at += 1;
                Ok(true)
            }
            None if bracket == b']' => Err(self.error("EOF while parsing a list")),
            None => Err(self.error("EOF while parsing an object")),
            Some(_) => Err(self.error(expected)),
        }
    }

    fn word(&mut self, word: &'static str, value: Value) -> Result<Value, JsonError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                None => return Err(self.error("EOF while parsing a value")),
                Some(_) => return Err(self.error("expected ident")),
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let whole_start = self.at;
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error_after("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            None => return Err(self.error("EOF while parsing a value")),
            Some(_) => return Err(self.error_after("invalid number")),
        }
        let whole_end = self.at;
        let mut is_float = false;
        if self.peek() == Some(b'.') {
            is_float = true;
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error_after("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            is_float = true;
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error_after("invalid number"));
            }
        }
        // The bytes are ASCII digits and signs, so the slices are valid UTF-8.
        let text = |from: usize, to: usize| std::str::from_utf8(&self.text[from..to]).unwrap_or("");
        if !is_float {
            if let Ok(magnitude) = text(whole_start, whole_end).parse::<u64>() {
                if !negative {
                    return Ok(Value::from(magnitude));
                }
                // As serde_json: `-0` and negatives beyond `i64` are floats.
                if magnitude != 0 && magnitude <= i64::MAX as u64 + 1 {
                    return Ok(Value::from((magnitude as i64).wrapping_neg()));
                }
            }
        }
        let float = float_of(text(start, self.at));
        if !float.is_finite() {
            // Placed, as serde_json places it, on the number's last digit.
            let (line, column) = self.place(self.at);
            return Err(JsonError {
                ends_early: false,
                message: "number out of range",
                line,
                column,
            });
        }
        Ok(Number::from_f64(float).map_or(Value::Null, Value::Number))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // Stopped only at ASCII bytes, so the run ends on a character boundary.
            out.push_str(std::str::from_utf8(&self.text[start..self.at]).unwrap_or(""));
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        out.push(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if self.text.get(self.at..self.at + 2) != Some(b"\\u") {
                        return Err(self.error("unexpected end of hex escape"));
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error("lone leading surrogate in hex escape"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))?
            }
            _ => {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            }
        });
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(b) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.error("invalid escape")),
            };
            code = code * 16 + u32::from(digit);
            self.at += 1;
        }
        Ok(code)
    }
}

/// serde_json names what it was reading when the text ended.
fn eof_message(message: &'static str) -> &'static str {
    if message.starts_with("EOF") {
        message
    } else {
        "EOF while parsing a value"
    }
}

/// A JSON number's text (already checked) as the nearest `f64`: JavaScript's parser in the wasm
/// (core's float parser carries a 10 KB table), Rust's natively.
#[cfg(target_arch = "wasm32")]
fn float_of(text: &str) -> f64 {
    js_sys::Number::parse_float(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn float_of(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::read::json_text::tests::json_value;
    use proptest::prelude::*;

    fn serde(text: &str) -> Result<Value, (bool, usize, usize)> {
        serde_json::from_str::<Value>(text).map_err(|e| {
            (
                e.classify() == serde_json::error::Category::Eof,
                e.line(),
                e.column(),
            )
        })
    }

    fn ours(text: &str) -> Result<Value, (bool, usize, usize)> {
        parse_json(text).map_err(|e| (e.ends_early, e.line, e.column))
    }

    /// Text near JSON: pieces of valid JSON, broken on purpose by the shuffle.
    fn jsonish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("{"),
            Just("}"),
            Just("["),
            Just("]"),
            Just(","),
            Just(":"),
            Just(" "),
            Just("\n"),
            Just("\"a\""),
            Just("\"b\\n\\u00e9\\ud83d\\ude00\""),
            Just("\"\\x\""),
            Just("\"\t\""),
            Just("\"\\ud800\""),
            Just("\"é"),
            Just("null"),
            Just("nul"),
            Just("true"),
            Just("false"),
            Just("0"),
            Just("-0"),
            Just("01"),
            Just("-"),
            Just("12"),
            Just("18446744073709551615"),
            Just("18446744073709551616"),
            Just("-9223372036854775808"),
            Just("-9223372036854775809"),
            Just("1.5"),
            Just("2e3"),
            Just("1e400"),
            Just("1."),
            Just("x"),
        ];
        prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn reads_what_serde_json_reads(text in jsonish()) {
            let (expected, got) = (serde(&text), ours(&text));
            match (&expected, &got) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a, b, "{:?}", text),
                // serde_json places an overflowing exponent where it overflows; we, at its end.
                (Err(a), Err(b)) if parse_json(&text).unwrap_err().message == "number out of range" => {
                    prop_assert_eq!((a.0, a.1), (b.0, b.1), "{:?}", text)
                }
                (Err(a), Err(b)) => {
                    prop_assert_eq!(a, b, "{:?}: end of text, line, column", text);
                    prop_assert_eq!(
                        parse_json(&text).unwrap_err().to_string(),
                        serde_json::from_str::<Value>(&text).unwrap_err().to_string()
                    );
                }
                _ => prop_assert!(false, "{:?}: serde_json {:?}, ours {:?}", text, expected, got),
            }
        }

        #[test]
        fn written_values_read_back(value in json_value()) {
            let text = serde_json::to_string_pretty(&value).unwrap();
            prop_assert_eq!(parse_json(&text).unwrap(), value);
        }
    }

    #[test]
    fn nesting_stops_where_serde_json_stops() {
        for depth in [126, 127, 128, 129, 100_000] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            assert_eq!(
                parse_json(&text).is_ok(),
                serde_json::from_str::<Value>(&text).is_ok(),
                "{depth}"
            );
        }
        let deep = "[".repeat(100_000);
        assert_eq!(
            parse_json(&deep).unwrap_err().message,
            "recursion limit exceeded"
        );
    }

    #[test]
    fn floats_and_big_integers() {
        assert_eq!(parse_json("1.5").unwrap(), serde_json::json!(1.5));
        assert_eq!(parse_json("-2.5e3").unwrap(), serde_json::json!(-2500.0));
        assert_eq!(
            parse_json("8190000000000000001").unwrap(),
            serde_json::json!(8_190_000_000_000_000_001_u64)
        );
        assert!(parse_json("-0").unwrap().is_f64());
        assert_eq!(
            parse_json("1e400").unwrap_err().message,
            "number out of range"
        );
    }

    #[test]
    fn errors_say_where() {
        let error = parse_json("{\"a\": [1,\n  2,]}").unwrap_err();
        assert_eq!(error.to_string(), "trailing comma at line 2 column 5");
        assert_eq!(
            serde_json::from_str::<Value>("{\"a\": [1,\n  2,]}")
                .unwrap_err()
                .to_string(),
            "trailing comma at line 2 column 5"
        );
        let error = parse_json("[1, 2").unwrap_err();
        assert!(error.ends_early);
        assert_eq!(
            error.to_string(),
            "EOF while parsing a list at line 1 column 5"
        );
    }
}
