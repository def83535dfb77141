//! What the guard looks for: the banned words and the sentence-length limit are the user's settings.

use serde::{Deserialize, Serialize};

/// The guard's settings; field names are the camelCase options of the extension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct GuardSettings {
    /// Words the platform refuses, matched whole, case-insensitively and through disguises.
    pub banned_words: Vec<String>,
    /// Flag phone numbers.
    pub phone_numbers: bool,
    /// Flag e-mail addresses.
    pub emails: bool,
    /// Flag links to sites other than `allowed_link_domains`.
    pub links: bool,
    /// Site names whose links are fine, matched as `name.<any tld>` and its subdomains.
    pub allowed_link_domains: Vec<String>,
    /// A sentence with more words than this is flagged as too long to translate well; 0 turns it off.
    pub max_sentence_words: u32,
}

impl Default for GuardSettings {
    fn default() -> Self {
        GuardSettings {
            banned_words: ["WhatsApp", "Telegram", "WeChat", "Viber", "Skype"]
                .map(String::from)
                .to_vec(),
            phone_numbers: true,
            emails: true,
            links: true,
            allowed_link_domains: vec!["aliexpress".to_string()],
            // Machine translation degrades visibly past about twenty words a sentence.
            max_sentence_words: 20,
        }
    }
}

/// One bad setting: which field (camelCase) and why, for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsError {
    /// The camelCase field name, e.g. `bannedWords`.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl GuardSettings {
    /// Every problem with these settings; empty when they are usable.
    pub fn validate(&self) -> Vec<SettingsError> {
        let mut errors = Vec::new();
        for word in &self.banned_words {
            if !word.chars().any(char::is_alphanumeric) {
                errors.push(SettingsError {
                    field: "bannedWords".into(),
                    message: format!("“{word}” has no letters or digits to look for"),
                });
            } else if word.chars().count() > 64 {
                errors.push(SettingsError {
                    field: "bannedWords".into(),
                    message: format!("“{word}” is longer than 64 characters"),
                });
            }
        }
        if self.banned_words.len() > 200 {
            errors.push(SettingsError {
                field: "bannedWords".into(),
                message: "at most 200 banned words".into(),
            });
        }
        for domain in &self.allowed_link_domains {
            if domain.trim().is_empty() || domain.contains(char::is_whitespace) {
                errors.push(SettingsError {
                    field: "allowedLinkDomains".into(),
                    message: format!("“{domain}” is not a site name"),
                });
            }
        }
        if self.max_sentence_words > 500 {
            errors.push(SettingsError {
                field: "maxSentenceWords".into(),
                message: "must be between 0 (off) and 500 words".into(),
            });
        }
        errors
    }
}
