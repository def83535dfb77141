//! Why a piece of text could not be read, and where it was.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of thing went wrong while reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadErrorKind {
    /// Nothing to read.
    Empty,
    /// A status label no table knows; the text is kept, no code is guessed.
    UnknownStatus,
    /// Not a date or time (or an impossible one: 31/02, 25:00).
    NotADate,
    /// Day and month could be swapped and the page language does not say which.
    AmbiguousDate,
    /// Not a countdown (no unit, no digits).
    NotACountdown,
    /// No order id, or more than one.
    NotAnOrderId,
    /// A field the order needs is missing.
    MissingField,
    /// The JSON does not have the expected shape.
    BadJson,
    /// A CSV row or header could not be read.
    BadCsv,
    /// The platform answered with an error (`error_response`, a gateway code) instead of orders.
    PlatformError,
}

/// A reading failure: what, the offending text, and where (row, column) when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadError {
    /// The kind of failure.
    pub kind: ReadErrorKind,
    /// The text that could not be read (truncated by the reader if huge).
    pub text: String,
    /// For a person: what was expected.
    pub detail: String,
    /// 1-based data row (CSV, JSON list index + 1), when known.
    pub row: Option<usize>,
    /// The column or field name, when known.
    pub column: Option<String>,
}

impl ReadError {
    /// A failure with no position yet.
    pub fn new(kind: ReadErrorKind, text: &str, detail: impl Into<String>) -> ReadError {
        const MAX: usize = 80;
        let text = match text.char_indices().nth(MAX) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text.to_string(),
        };
        ReadError {
            kind,
            text,
            detail: detail.into(),
            row: None,
            column: None,
        }
    }

    /// The same failure, placed at a row.
    pub fn at_row(mut self, row: usize) -> ReadError {
        self.row = Some(row);
        self
    }

    /// The same failure, placed in a column or field.
    pub fn in_column(mut self, column: impl Into<String>) -> ReadError {
        self.column = Some(column.into());
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(row) = self.row {
            write!(f, "row {row}: ")?;
        }
        if let Some(column) = &self.column {
            write!(f, "{column}: ")?;
        }
        if self.text.is_empty() {
            write!(f, "{}", self.detail)
        } else {
            write!(f, "\"{}\" {}", self.text, self.detail)
        }
    }
}

impl std::error::Error for ReadError {}
