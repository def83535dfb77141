//! `PageScan`: the content script's scan of a big page in steps, each short enough to keep the
//! page responsive — push the snapshot lines in chunks, discover the records, analyse them in
//! slices. Every answer is a JSON string; nothing throws into the page.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::scan::{error_json, instant, valid_settings};
use crate::read::Lang;
use crate::scan::{self, PageSession, Patch, ScanSetup, UiWords};

/// One page scan held in the wasm between the content script's steps.
#[wasm_bindgen]
pub struct PageScan {
    session: PageSession,
    setup: Result<ScanSetup, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Discovery {
    records: usize,
    context: Vec<usize>,
    lang: Lang,
    ui: UiWords,
    /// Why no order list was recognised (when `records` is 0).
    why: Option<String>,
}

#[derive(Serialize)]
struct Slice<'a> {
    patches: &'a [Patch],
}

#[wasm_bindgen]
impl PageScan {
    /// A scan of the page whose language is `lang` and address `url`, with the scan options
    /// (`{policy, lang}` JSON) at `nowMs`. Bad options surface at `discover`.
    #[wasm_bindgen(constructor)]
    pub fn new(lang: &str, url: &str, options_json: &str, now_ms: f64) -> PageScan {
        let setup = match instant(now_ms) {
            None => Err(error_json("bad time")),
            Some(now) => valid_settings(options_json).map(|(valid, lang_override)| {
                ScanSetup::with_valid(valid, lang, url, lang_override.as_deref(), now)
            }),
        };
        PageScan {
            session: PageSession::new(lang, url, false),
            setup,
        }
    }

    /// Adds snapshot lines; `""` when they were read, else `{"error"}`.
    pub fn push(&mut self, lines: &str) -> String {
        #[cfg(feature = "test-trap")]
        super::instance::trap_if_asked();
        match self.session.push_lines(lines) {
            Ok(_) => String::new(),
            Err(e) => error_json(format!("bad snapshot: {e}")),
        }
    }

    /// Finds the records: `{records, context, lang, ui, why}` or `{"error"}`.
    pub fn discover(&mut self) -> String {
        let setup = match &self.setup {
            Ok(setup) => setup,
            Err(json) => return json.clone(),
        };
        let (records, ids_seen, context) = self.session.discover();
        let lang = setup.lang;
        serde_json::to_string(&Discovery {
            records,
            context,
            lang,
            ui: scan::ui_words(lang),
            why: (records == 0).then(|| scan::why_no_list(lang, ids_seen)),
        })
        .unwrap_or_else(error_json)
    }

    /// The patches of records `from..to` (after `discover`): `{patches}` or `{"error"}`.
    pub fn analyze(&self, from: usize, to: usize) -> String {
        let setup = match &self.setup {
            Ok(setup) => setup,
            Err(json) => return json.clone(),
        };
        let patches: Vec<Patch> = self
            .session
            .analyze(from..to, setup)
            .into_iter()
            .map(|(patch, _)| patch)
            .collect();
        serde_json::to_string(&Slice { patches: &patches }).unwrap_or_else(error_json)
    }

    /// Frees up to `most` of the snapshot's nodes (the scan answers no more patches after this);
    /// true once all are freed. `free()` after that is quick.
    pub fn release(&mut self, most: usize) -> bool {
        self.session.release(most)
    }
}
