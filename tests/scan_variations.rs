//! Generated seller-center pages: ground-truth orders in every panel language, rendered in many
//! layouts (countdown with and without a label element, in the status cell, inside the state label,
//! in a column of its own, in the header row; class hashes and module names changed; column keys
//! and orders changed; every known wording of each status and label; decoys), read back by the
//! page pipeline. Each order must come back as the engine's verdict on its truth, or unreadable
//! with a reason — never another deadline. A sample of the same generator is written as HTML for
//! the browser test (tests/e2e/ext-variations.test.mjs).

mod variations;

use std::collections::BTreeSet;

use deadline_guard::core::{Policy, Risk};
use deadline_guard::scan::{lines, scan, PageSession, Patch, ScanSetup};
use variations::words::{Words, ALL};
use variations::{html, now, render, truths, Doc, Expect, Layout, Rng, Shown, Truth};

/// How the pages reach the pipeline: one snapshot, or the walkers' lines in chunks.
fn read_page(doc: &Doc, words: &Words, through_lines: bool) -> Vec<Patch> {
    let snapshot = doc.snapshot(words);
    if !through_lines {
        return scan(&snapshot, &Policy::default(), None, now())
            .unwrap()
            .patches;
    }
    let text = lines::write(&snapshot.nodes);
    let mut session = PageSession::new(&snapshot.lang, &snapshot.url, false);
    let half = &text.as_bytes()[..text.len() / 2];
    let cut = half.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    session.push_lines(&text[..cut]).unwrap();
    session.push_lines(&text[cut..]).unwrap();
    let (records, _, _) = session.discover();
    let setup = ScanSetup::new(
        &snapshot.lang,
        &snapshot.url,
        &Policy::default(),
        None,
        now(),
    )
    .unwrap();
    session
        .analyze(0..records, &setup)
        .into_iter()
        .map(|(patch, _)| patch)
        .collect()
}

/// What is wrong with the reading of one order, if anything.
fn misreading(truth: &Truth, layout: &Layout, patch: Option<&Patch>) -> Option<String> {
    let Some(patch) = patch else {
        return Some("no record found".into());
    };
    match truth.expect(layout) {
        Expect::Unreadable(named) => {
            let reason = patch.reason.as_deref().unwrap_or("");
            if patch.risk != Risk::Unreadable {
                return Some(format!(
                    "expected unreadable, got {:?} deadline {:?}",
                    patch.risk, patch.deadline
                ));
            }
            match named {
                Some(text) if !reason.contains(&text) => {
                    Some(format!("reason {reason:?} does not name {text:?}"))
                }
                _ => None,
            }
        }
        Expect::Verdict(v) => {
            let want = (
                v.status.map(|s| s.code().to_string()),
                v.deadline.map(deadline_guard::core::iso_time::utc_seconds),
                v.deadline_source,
                v.risk,
            );
            let got = (
                patch.status.clone(),
                patch.deadline.clone(),
                patch.deadline_source,
                patch.risk,
            );
            (want != got)
                .then(|| format!("expected {want:?}, got {got:?} (reason {:?})", patch.reason))
        }
    }
}

/// Every order of a page read back; the misreadings, described.
fn check(words: &Words, truths: &[Truth], layout: &Layout, doc: &Doc, lines: bool) -> Vec<String> {
    let patches = read_page(doc, words, lines);
    let mut out = Vec::new();
    if patches.len() != truths.len() {
        out.push(format!(
            "{} {layout:?}: {} records for {} orders",
            words.tag,
            patches.len(),
            truths.len()
        ));
    }
    for truth in truths {
        let patch = patches.iter().find(|p| p.order_id == truth.id);
        if let Some(why) = misreading(truth, layout, patch) {
            out.push(format!(
                "{} {layout:?} {:?} {:?} shown {:?} event {:?} ({}): {why}",
                words.tag, truth.kind, truth.label, truth.shown, truth.event, truth.event_label
            ));
        }
    }
    out
}

#[test]
fn ten_thousand_generated_orders_read_back_their_truth_or_unreadable() {
    let layouts = Layout::all();
    let mut rng = Rng::new(13);
    let mut failures = Vec::new();
    let (mut orders, mut pages, mut next_id) = (0, 0, 1u64);
    let mut labels_rendered = BTreeSet::new();
    let mut seen = BTreeSet::new();
    while orders < 10_240 {
        let layout = layouts[pages % layouts.len()];
        let words = &ALL[(pages + pages / layouts.len()) % ALL.len()];
        let truths = truths(words, 16, next_id, &mut rng);
        next_id += 16;
        let doc = render(words, &truths, &layout, &mut rng);
        failures.extend(check(words, &truths, &layout, &doc, pages % 4 == 0));
        for t in &truths {
            labels_rendered.insert(t.label.clone());
            labels_rendered.insert(t.event_label.clone());
            let shown = match &t.shown {
                Shown::Nothing => "nothing",
                Shown::Countdown { .. } => "countdown",
                Shown::Broken { .. } => "broken",
            };
            let kind = format!("{:?}", t.kind);
            seen.insert((words.tag.to_string(), kind.clone(), shown));
            seen.insert((format!("{:?}", layout.frame), kind, shown));
        }
        orders += truths.len();
        pages += 1;
    }
    assert!(
        failures.is_empty(),
        "{} of {orders} generated orders misread, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(25)].join("\n")
    );
    // The generator rendered every wording it knows, in every language and frame.
    for words in &ALL {
        let known = words
            .ship
            .iter()
            .chain(words.cancel)
            .chain(words.dispute)
            .chain(words.completed)
            .chain(words.unknown)
            .chain(words.cancel_time)
            .chain(words.dispute_time)
            .chain(words.event_time);
        for label in known {
            assert!(labels_rendered.contains(*label), "{label:?} never rendered");
        }
    }
    let frames = variations::FRAMES.map(|f| format!("{f:?}"));
    let tags = ALL.iter().map(|w| w.tag.to_string());
    for lang_or_frame in tags.chain(frames) {
        for kind in ["Ship", "Cancel", "Dispute"] {
            for shown in ["countdown", "broken", "nothing"] {
                assert!(
                    seen.contains(&(lang_or_frame.clone(), kind.to_string(), shown)),
                    "{lang_or_frame} {kind} {shown} never generated"
                );
            }
        }
    }
    assert!(layouts.len() >= 100, "{} layouts", layouts.len());
    eprintln!(
        "{orders} generated orders on {pages} pages in {} layouts",
        layouts.len()
    );
}

/// The pages the browser test serves: one per language, frames and places in turn.
fn browser_sample() -> Vec<(String, String, Vec<Truth>, Layout, Doc)> {
    let layouts = Layout::all();
    let mut rng = Rng::new(2026);
    ALL.iter()
        .enumerate()
        .map(|(i, words)| {
            let frame = variations::FRAMES[i % variations::FRAMES.len()];
            let fitting: Vec<&Layout> = layouts.iter().filter(|l| l.frame == frame).collect();
            let layout = *fitting[(i * 7 + 3) % fitting.len()];
            let truths = truths(words, 12, 9_000_000 + 100 * i as u64, &mut rng);
            let mut doc = render(words, &truths, &layout, &mut rng);
            for (truth, &top) in truths.iter().zip(&doc.tops.clone()) {
                doc.attrs[top] = expected_attributes(truth, &layout);
            }
            let name = words.tag[..2].to_string();
            let page = html(
                &doc,
                words,
                &format!("Generated orders ({name}, {layout:?})"),
            );
            (name, page, truths, layout, doc)
        })
        .collect()
}

/// The browser test's answers, as `data-expect-*` attributes.
fn expected_attributes(truth: &Truth, layout: &Layout) -> Vec<(String, String)> {
    let mut attrs = vec![("data-expect-order-id".to_string(), truth.id.clone())];
    match truth.expect(layout) {
        Expect::Unreadable(named) => {
            attrs.push(("data-expect-risk".into(), "unreadable".into()));
            if let Some(text) = named {
                attrs.push(("data-expect-reason".into(), text));
            }
        }
        Expect::Verdict(v) => {
            let risk = match v.risk {
                Risk::Unreadable => "unreadable",
                Risk::None => "none",
                _ => "clock",
            };
            attrs.push(("data-expect-risk".into(), risk.into()));
            if let Some(status) = v.status {
                attrs.push(("data-expect-status".into(), status.code().into()));
            }
            if let (Some(at), Some(source)) = (v.deadline, v.deadline_source) {
                let source = format!("{source:?}").to_lowercase();
                if source == "page" {
                    attrs.push((
                        "data-expect-left".into(),
                        (at - now()).num_seconds().to_string(),
                    ));
                } else {
                    attrs.push((
                        "data-expect-deadline".into(),
                        deadline_guard::core::iso_time::utc_seconds(at),
                    ));
                }
                attrs.push(("data-expect-source".into(), source));
            }
        }
    }
    attrs
}

#[test]
fn the_browser_sample_reads_back_natively_and_is_the_generators_output() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/variations");
    let write = std::env::var_os("DG_WRITE_VARIATIONS").is_some();
    for (name, page, truths, layout, doc) in browser_sample() {
        let words = ALL.iter().find(|w| w.tag.starts_with(&name)).unwrap();
        let failures = check(words, &truths, &layout, &doc, false);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        let path = dir.join(format!("{name}.html"));
        if write {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &page).unwrap();
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == page,
            "{} is not the generator's output: run DG_WRITE_VARIATIONS=1 cargo test --test scan_variations",
            path.display()
        );
    }
}
