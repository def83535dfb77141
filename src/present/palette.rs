//! How each risk looks wherever it is drawn: a colour for light and one for dark backgrounds (a
//! CSS `light-dark()` pair, each at 4.5:1 at least on white and on #121212–#2d2e30) and an icon,
//! so colour is never the only sign. The extension's and the widget's stylesheets are CSS in
//! JavaScript and in page.css; tests/lists_kept_once.rs holds every copy there to this table.

use crate::core::Risk;

/// A risk's colours and icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// The colour on a light background, `#rrggbb`.
    pub light: &'static str,
    /// The colour on a dark background, `#rrggbb`.
    pub dark: &'static str,
    /// The sign beside the risk's words and colour.
    pub icon: &'static str,
}

/// How `risk` looks; a new risk does not compile until it has a look.
pub fn look(risk: Risk) -> Look {
    let (light, dark, icon) = match risk {
        Risk::Overdue => ("#8c1d18", "#ff8a80", "✖"),
        Risk::Critical => ("#c5221f", "#fcad70", "▲"),
        Risk::Unreadable => ("#6d4c9f", "#d7aefb", "?"),
        Risk::Warning => ("#a35200", "#fdd663", "◆"),
        Risk::Ok => ("#137333", "#81c995", "●"),
        Risk::None => ("#5f6368", "#bdc1c6", "○"),
    };
    Look { light, dark, icon }
}
