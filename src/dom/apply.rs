//! Writing patches onto the page: the `data-dg-*` attributes and a badge in a shadow root.
//!
//! Page text never goes through `innerHTML`: the badge's words are set as text content.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use crate::scan::Patch;

/// The badge's look, inside its shadow root so the page's CSS cannot reach it nor it the page.
const BADGE_CSS: &str = ":host{all:initial;display:inline-block;margin:2px 4px;vertical-align:middle}\
span{font:600 12px/1.4 system-ui,sans-serif;padding:1px 6px;border-radius:9px;color:#fff;background:#5f6368;white-space:nowrap}\
span[data-risk=overdue]{background:#b3261e}span[data-risk=critical]{background:#d93025}\
span[data-risk=warning]{background:#e37400}span[data-risk=ok]{background:#188038}\
span[data-risk=unreadable]{background:#6d4c9f}";

/// Sets an attribute, or removes it when there is no value.
fn set(el: &Element, name: &str, value: Option<&str>) -> Result<(), JsValue> {
    match value {
        Some(v) => {
            if el.get_attribute(name).as_deref() != Some(v) {
                el.set_attribute(name, v)?;
            }
            Ok(())
        }
        None => el.remove_attribute(name),
    }
}

fn token<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

/// Applies each patch to its element; returns how many records were written.
pub fn apply(elements: &[Element], patches: &[Patch]) -> Result<usize, JsValue> {
    let mut written = 0;
    for patch in patches {
        let (Some(el), Some(anchor)) = (elements.get(patch.node), elements.get(patch.badge.anchor))
        else {
            continue;
        };
        set(el, "data-dg-order-id", Some(&patch.order_id))?;
        set(el, "data-dg-status", patch.status.as_deref())?;
        set(el, "data-dg-deadline", patch.deadline.as_deref())?;
        set(
            el,
            "data-dg-deadline-kind",
            patch.deadline_kind.and_then(|k| token(&k)).as_deref(),
        )?;
        set(
            el,
            "data-dg-deadline-source",
            patch.deadline_source.and_then(|s| token(&s)).as_deref(),
        )?;
        set(el, "data-dg-risk", token(&patch.risk).as_deref())?;
        set(el, "data-dg-reason", patch.reason.as_deref())?;
        badge(anchor, patch)?;
        written += 1;
    }
    Ok(written)
}

/// Table parts cannot hold a badge beside them, so it goes inside; other anchors get it after.
fn badge(anchor: &Element, patch: &Patch) -> Result<(), JsValue> {
    let inside = matches!(
        anchor.local_name().as_str(),
        "td" | "th" | "tr" | "table" | "tbody"
    );
    let existing = if inside {
        anchor.last_element_child()
    } else {
        anchor.next_element_sibling()
    }
    .filter(|e| e.get_attribute("data-dg-ui").as_deref() == Some("badge"));
    let host = match existing {
        Some(host) => host,
        None => {
            let document = anchor
                .owner_document()
                .ok_or_else(|| JsValue::from_str("no document"))?;
            let host = document.create_element("span")?;
            host.set_attribute("data-dg-ui", "badge")?;
            let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
            let style = document.create_element("style")?;
            style.set_text_content(Some(BADGE_CSS));
            shadow.append_child(&style)?;
            let text = document.create_element("span")?;
            shadow.append_child(&text)?;
            if inside {
                anchor.append_child(&host)?;
            } else {
                anchor.after_with_node_1(&host)?;
            }
            host
        }
    };
    let span = host
        .shadow_root()
        .and_then(|s| s.last_element_child())
        .ok_or_else(|| JsValue::from_str("badge without its shadow root"))?;
    span.set_text_content(Some(&patch.badge.text));
    span.set_attribute("data-risk", &token(&patch.risk).unwrap_or_default())?;
    let mut title = patch.badge.source_text.clone().unwrap_or_default();
    for hint in &patch.badge.hints {
        title.push('\n');
        title.push_str(hint);
    }
    span.unchecked_ref::<web_sys::HtmlElement>()
        .set_title(title.trim());
    Ok(())
}
