//! A snapshot of a subtree: every element in document order with its tag, class, Fusion column
//! key and own text (elements with neither text nor child elements left out). The decision about
//! what is an order happens in Rust, on this snapshot.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node as DomNode};

use crate::scan::{Node, Snapshot};

/// Elements whose text is never order data, and the extension's own UI.
fn skipped(el: &Element) -> bool {
    matches!(
        el.local_name().as_str(),
        "script" | "style" | "noscript" | "template" | "svg" | "iframe" | "textarea" | "input"
    ) || el.has_attribute("data-dg-ui")
}

/// The snapshot of `root` and its elements, index for index (patches name elements by index).
pub fn snapshot(root: &Element, lang: &str, url: &str) -> (Snapshot, Vec<Element>) {
    let mut nodes = Vec::new();
    let mut elements = Vec::new();
    walk(root, -1, &mut nodes, &mut elements);
    (
        Snapshot {
            lang: lang.to_string(),
            url: url.to_string(),
            nodes,
        },
        elements,
    )
}

fn walk(el: &Element, parent: i64, nodes: &mut Vec<Node>, elements: &mut Vec<Element>) {
    if parent >= 0 && skipped(el) {
        return;
    }
    let index = nodes.len();
    nodes.push(Node {
        p: parent,
        t: el.local_name(),
        // Collapsed like the text: a field of the snapshot's lines never holds a tab or a line break.
        c: collapse(&el.get_attribute("class").unwrap_or_default()),
        k: collapse(&el.get_attribute("data-next-table-col").unwrap_or_default()),
        x: String::new(),
    });
    elements.push(el.clone());
    let mut own = String::new();
    let mut has_child_element = false;
    let mut child = el.first_child();
    while let Some(node) = child {
        match node.node_type() {
            DomNode::TEXT_NODE => {
                if let Some(text) = node.node_value() {
                    own.push_str(&text);
                    own.push(' ');
                }
            }
            DomNode::ELEMENT_NODE => {
                if let Some(child_el) = node.dyn_ref::<Element>() {
                    has_child_element |= !skipped(child_el);
                    walk(child_el, index as i64, nodes, elements);
                }
            }
            _ => {}
        }
        child = node.next_sibling();
    }
    let text = collapse(&own);
    // An element without text or child elements (an icon, a <col>) carries nothing to read; a
    // table cell stays, since plain tables are read by column position.
    if text.is_empty() && !has_child_element && parent >= 0 && !is_cell(el) {
        nodes.pop();
        elements.pop();
        return;
    }
    nodes[index].x = text;
}

fn is_cell(el: &Element) -> bool {
    matches!(el.local_name().as_str(), "td" | "th")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
