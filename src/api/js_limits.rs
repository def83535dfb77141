//! How deep and how big a value from JavaScript may be before the engine reads it.
//!
//! Reading a JS value walks it recursively; without a bound, an object nested 100,000 levels
//! deep (or one that contains itself) overflows the wasm stack and leaves the instance broken for
//! every later call. JSON text already stops at 128 levels (`read::json_parse`, as serde_json): JS values stop at the
//! same depth, checked before each step down, and at a count of values and of characters that no
//! real order list reaches (10,000 orders of an Open Platform response are about 600,000 values
//! and 15 million characters).

/// The bounds one reading of a JS value must stay within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Arrays, objects and `Map`s inside each other.
    pub depth: usize,
    /// Every value counted once: containers, their items and the scalars.
    pub values: usize,
    /// UTF-16 units of every string and key together (JavaScript's `length`).
    pub characters: usize,
}

/// An input (`analyze`, `reconcile`, `OrderList`) or a result given back (`toCsv`).
pub(crate) const INPUT: Limits = Limits {
    depth: 128,
    values: 1_000_000,
    characters: 32 * 1024 * 1024,
};

/// One option's value (`holidays`, `extensions`, `weekend`, a time zone name…): a few thousand
/// dates at most, so far smaller than an input.
pub(crate) const OPTION: Limits = Limits {
    depth: 8,
    values: 10_000,
    characters: 1024 * 1024,
};

/// A page snapshot's lines (`scanLines`, in the content script or in a message to the worker),
/// in bytes: Chrome carries no message over 64 MiB anyway.
pub(crate) const SNAPSHOT_BYTES: usize = 64 * 1024 * 1024;

/// A message being typed (`scanMessage`), in bytes: a chat message is a few hundred.
pub(crate) const MESSAGE_BYTES: usize = 1024 * 1024;

/// Settings or scan options as JSON text, in bytes (stored settings are a few kilobytes).
pub(crate) const SETTINGS_BYTES: usize = 1024 * 1024;

/// `Err` naming `what` when `text` is longer than `limit` bytes.
pub(crate) fn within_bytes(what: &str, text: &str, limit: usize) -> Result<(), String> {
    if text.len() > limit {
        return Err(format!(
            "{what}: holds more than {} bytes of text",
            group(limit)
        ));
    }
    Ok(())
}

/// What is left of the limits while a value is read.
#[derive(Debug)]
pub(crate) struct Budget {
    limits: Limits,
    values: usize,
    characters: usize,
}

impl Budget {
    pub fn new(limits: Limits) -> Self {
        Budget {
            limits,
            values: 0,
            characters: 0,
        }
    }

    /// Counts one more value at `depth` (0 for the value itself); an error past a limit.
    pub fn value_at(&mut self, depth: usize) -> Result<(), String> {
        if depth > self.limits.depth {
            return Err(format!(
                "nested deeper than {} levels (arrays and objects inside each other; is it a value that contains itself?)",
                self.limits.depth
            ));
        }
        self.values += 1;
        self.room_for(0)
    }

    /// Whether `count` more values fit; checked before walking a container's items.
    pub fn room_for(&self, count: usize) -> Result<(), String> {
        if self.values.saturating_add(count) > self.limits.values {
            return Err(format!(
                "holds more than {} values (items, fields and their contents together)",
                group(self.limits.values)
            ));
        }
        Ok(())
    }

    /// Counts a string or key of `length` UTF-16 units, before it is copied into the wasm.
    pub fn characters(&mut self, length: usize) -> Result<(), String> {
        self.characters = self.characters.saturating_add(length);
        if self.characters > self.limits.characters {
            return Err(too_long(self.limits.characters));
        }
        Ok(())
    }
}

/// The message for text longer than `limit` characters.
pub(crate) fn too_long(limit: usize) -> String {
    format!("holds more than {} characters of text in all", group(limit))
}

/// `n` with thousands separators, as a person reads a limit.
pub(crate) fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_read_with_separators() {
        assert_eq!(group(7), "7");
        assert_eq!(group(1_000), "1,000");
        assert_eq!(group(33_554_432), "33,554,432");
    }

    #[test]
    fn a_budget_stops_at_each_limit_and_names_it() {
        let limits = Limits {
            depth: 2,
            values: 3,
            characters: 5,
        };
        let mut budget = Budget::new(limits);
        assert!(budget.value_at(2).is_ok());
        assert!(budget
            .value_at(3)
            .unwrap_err()
            .contains("deeper than 2 levels"));
        let mut budget = Budget::new(limits);
        for _ in 0..3 {
            budget.value_at(0).unwrap();
        }
        assert!(budget
            .value_at(0)
            .unwrap_err()
            .contains("more than 3 values"));
        let mut budget = Budget::new(limits);
        budget.characters(5).unwrap();
        assert!(budget
            .characters(1)
            .unwrap_err()
            .contains("more than 5 characters"));
        assert!(Budget::new(limits).characters(usize::MAX).is_err());
    }

    #[test]
    fn text_past_its_byte_limit_is_refused_by_name() {
        assert!(within_bytes("lines", "abc", 3).is_ok());
        assert_eq!(
            within_bytes("lines", "abcd", 3).unwrap_err(),
            "lines: holds more than 3 bytes of text"
        );
    }

    #[test]
    fn the_readme_states_the_limits() {
        let readme = include_str!("../../README.md").replace('\n', " ");
        let input = format!(
            "{} levels inside each other (as JSON text may), {} values and {} characters",
            INPUT.depth,
            group(INPUT.values),
            group(INPUT.characters)
        );
        let option = format!(
            "one option's value {} levels, {} values and {} characters",
            OPTION.depth,
            group(OPTION.values),
            group(OPTION.characters)
        );
        assert!(readme.contains(&input), "README.md lacks: {input}");
        assert!(readme.contains(&option), "README.md lacks: {option}");
    }
}
