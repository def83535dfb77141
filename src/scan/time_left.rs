//! The one countdown of an order: the current status's timeout, wherever the page prints it — in
//! a "Time left" column, after a "Remaining:" label, or as one text carrying its own words
//! ("还剩 2 天 07 小时", "Faltan 3 días y 2 horas") under the status, in a cell of its own or in
//! the order's header row. Every text of the order that looks like time left is read; if one
//! cannot be read, or two disagree, the order is unreadable: a deadline computed beside a
//! countdown the page shows would be one the page contradicts.

use chrono::Duration;

/// The texts of one order that state time left, in the order they were found.
#[derive(Debug, Default)]
pub(super) struct TimeLeftTexts {
    texts: Vec<String>,
    /// The words of a countdown whose numbers are separate elements.
    split: Option<String>,
}

/// What the order's countdown texts say.
#[derive(Debug, PartialEq)]
pub(super) enum TimeLeft {
    /// No text of the order states time left.
    Absent,
    /// Time left (negative once overdue).
    Read(Duration),
    /// Why the countdown the page shows cannot be used.
    Unusable(String),
}

impl TimeLeftTexts {
    /// A text that a "time left" column or label names.
    pub fn labelled(&mut self, text: &str) {
        let text = text.trim();
        if !text.is_empty() {
            self.texts.push(text.to_string());
        }
    }

    /// Any text of the order: kept when it looks like time left.
    pub fn consider(&mut self, text: &str) {
        if crate::read::looks_like_time_left(text) {
            self.labelled(text);
        }
    }

    /// An element whose own text is a countdown's words, its numbers in `numbers` child elements.
    pub fn consider_split(&mut self, own: &str, numbers: usize) {
        if crate::read::time_left::looks_like_split_time_left(own, numbers) {
            self.split.get_or_insert_with(|| own.to_string());
        }
    }

    /// The one countdown, or why there is none to use.
    pub fn decide(&self) -> TimeLeft {
        if let Some(words) = &self.split {
            return TimeLeft::Unusable(format!(
                "time left with its numbers in separate elements: \"{words}\""
            ));
        }
        let mut found: Option<(i64, &str)> = None;
        for text in &self.texts {
            let seconds = match crate::read::read_countdown(text) {
                Ok(c) => c.seconds,
                Err(e) => return TimeLeft::Unusable(format!("time left not readable: {e}")),
            };
            match found {
                None => found = Some((seconds, text)),
                Some((first, _)) if first == seconds => {}
                Some((_, first_text)) => {
                    return TimeLeft::Unusable(format!(
                        "two different times left: \"{first_text}\" and \"{text}\""
                    ))
                }
            }
        }
        match found {
            Some((seconds, _)) => TimeLeft::Read(Duration::seconds(seconds)),
            None => TimeLeft::Absent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(labelled: &[&str], others: &[&str]) -> TimeLeft {
        let mut texts = TimeLeftTexts::default();
        for t in labelled {
            texts.labelled(t);
        }
        for t in others {
            texts.consider(t);
        }
        texts.decide()
    }

    #[test]
    fn one_countdown_read_twice_is_one() {
        assert_eq!(
            decide(
                &["2 days 3 hours"],
                &["Remaining: 2 days 3 hours", "2 days 3 hours"]
            ),
            TimeLeft::Read(Duration::hours(51))
        );
        assert_eq!(
            decide(&[], &["还剩 2 天 07 小时"]),
            TimeLeft::Read(Duration::hours(55))
        );
        assert_eq!(
            decide(&[], &["2026-11-20 14:05:33", "7 days"]),
            TimeLeft::Absent
        );
    }

    #[test]
    fn an_unreadable_or_contradicting_countdown_is_unusable() {
        let TimeLeft::Unusable(why) = decide(&[], &["Remaining 2 days 5"]) else {
            panic!("read")
        };
        assert!(why.contains("Remaining 2 days 5"), "{why}");
        let TimeLeft::Unusable(why) = decide(&["1 day"], &["Quedan 2 días 3 horas"]) else {
            panic!("read")
        };
        assert!(why.contains("two different"), "{why}");
    }
}
