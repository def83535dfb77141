//! One folded copy of the message: the disguises people use to slip a banned word past a filter,
//! undone, with every folded character pointing back at its bytes in the original.

use crate::core::lowercase::lowercase_char;

/// A character after folding, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FoldedChar {
    /// Lower-case ASCII for every Latin look-alike; other characters lower-cased.
    pub c: char,
    /// Byte range of the original character.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The original was an upper-case letter (`We Chat` is a brand, `we chat` is English).
    pub upper: bool,
}

/// The whole message folded. Invisible characters are dropped, so they join what they split.
pub(crate) struct Folded {
    pub chars: Vec<FoldedChar>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut chars = Vec::with_capacity(text.len());
        for (start, original) in text.char_indices() {
            if is_invisible(original) {
                continue;
            }
            let end = start + original.len_utf8();
            let (c, upper) = fold_char(original);
            chars.push(FoldedChar {
                c,
                start,
                end,
                upper,
            });
        }
        Folded { chars }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|f| f.c)
    }

    /// Is the folded character at `i` a letter or digit (false outside the text)?
    pub fn is_word_char(&self, i: usize) -> bool {
        self.at(i).is_some_and(char::is_alphanumeric)
    }

    /// Byte range in the original of folded characters `from..to`.
    pub fn byte_range(&self, from: usize, to: usize) -> (usize, usize) {
        (self.chars[from].start, self.chars[to - 1].end)
    }
}

/// Zero-width characters, soft hyphens, joiners, combining marks and variation selectors:
/// nothing a reader sees, everything a naive filter trips on.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{E0000}'..='\u{E007F}')
}

/// The folded form of one visible character, and whether it was upper case.
fn fold_char(c: char) -> (char, bool) {
    let c = widen_down(c);
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), c.is_ascii_uppercase());
    }
    if c.is_whitespace() {
        return (' ', false);
    }
    let upper = c.is_uppercase();
    if let Some(latin) = styled_latin(c) {
        return (latin, latin_upper(c));
    }
    let lower = lowercase_char(c);
    (look_alike(lower).unwrap_or(lower), upper)
}

/// Full-width forms (`ＷｈａｔｓＡｐｐ`, `＠`, `．`) to ASCII.
fn widen_down(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Mathematical bold/italic/script… letters (𝐖𝐡𝐚𝐭𝐬𝐀𝐩𝐩) and circled letters (Ⓦ, ⓦ).
fn styled_latin(c: char) -> Option<char> {
    let cp = c as u32;
    let index = match cp {
        0x1D400..=0x1D6A3 => (cp - 0x1D400) % 52,
        0x24B6..=0x24CF => cp - 0x24B6,
        0x24D0..=0x24E9 => cp - 0x24D0 + 26,
        _ => return None,
    };
    char::from_u32(u32::from(b'a') + index % 26)
}

fn latin_upper(c: char) -> bool {
    let cp = c as u32;
    match cp {
        0x1D400..=0x1D6A3 => (cp - 0x1D400) % 52 < 26,
        0x24B6..=0x24CF => true,
        _ => false,
    }
}

/// Lower-case letters that look Latin: Cyrillic and Greek homoglyphs, and Latin letters with
/// diacritics (`Whatsápp` still names the app).
fn look_alike(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' => 'a',
        'в' => 'b',
        'е' | 'ё' | 'є' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'і' | 'ї' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        'ӏ' => 'l',
        // Greek
        'α' => 'a',
        'β' => 'b',
        'ε' => 'e',
        'η' => 'n',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'χ' => 'x',
        'ω' => 'w',
        // Latin with diacritics
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        Folded::new(text).chars.iter().map(|f| f.c).collect()
    }

    #[test]
    fn undoes_the_usual_disguises() {
        assert_eq!(folded("ＷｈａｔｓＡｐｐ"), "whatsapp");
        assert_eq!(folded("Whats\u{200B}App"), "whatsapp");
        assert_eq!(folded("Whаtsаpp"), "whatsapp"); // Cyrillic а
        assert_eq!(folded("𝐖𝐡𝐚𝐭𝐬𝐀𝐩𝐩"), "whatsapp");
        assert_eq!(folded("Ⓦⓗⓐⓣⓢⓐⓟⓟ"), "whatsapp");
        assert_eq!(folded("Whatsápp"), "whatsapp");
        assert_eq!(folded("a\u{00A0}b"), "a b");
    }

    #[test]
    fn keeps_the_original_byte_ranges() {
        let text = "é\u{200B}ｗ";
        let f = Folded::new(text);
        assert_eq!(f.len(), 2);
        assert_eq!(f.byte_range(0, 2), (0, text.len()));
        assert_eq!(&text[f.chars[1].start..f.chars[1].end], "ｗ");
        assert!(f.chars[1].c == 'w' && !f.chars[1].upper);
    }
}
