//! The eight seller-center languages, from a BCP 47 tag: what the readers read and the words
//! are written in.

use serde::{Deserialize, Serialize};

/// A seller-center language. Decides day/month order, month names and the words of badges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (month-first numeric dates only when the tag says `en-US`, see [`DateOrder::from_tag`]).
    #[default]
    En,
    /// Spanish.
    Es,
    /// German.
    De,
    /// French.
    Fr,
    /// Portuguese.
    Pt,
    /// Russian.
    Ru,
    /// Italian.
    It,
    /// Chinese.
    Zh,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 8] = [
        Lang::En,
        Lang::Es,
        Lang::De,
        Lang::Fr,
        Lang::Pt,
        Lang::Ru,
        Lang::It,
        Lang::Zh,
    ];

    /// The language of a tag such as `es-ES`, `zh_CN` or `DE`; `None` for other languages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Some(match primary.as_str() {
            "en" => Lang::En,
            "es" => Lang::Es,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "pt" => Lang::Pt,
            "ru" => Lang::Ru,
            "it" => Lang::It,
            "zh" => Lang::Zh,
            _ => return None,
        })
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Pt => "pt",
            Lang::Ru => "ru",
            Lang::It => "it",
            Lang::Zh => "zh",
        }
    }
}
