//! src/dom in headless Chromium: the snapshot of a real DOM, and patches applied back onto it.
#![cfg(target_arch = "wasm32")]

use chrono::{DateTime, Utc};
use deadline_guard::core::Policy;
use deadline_guard::dom;
use deadline_guard::scan::scan;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> DateTime<Utc> {
    "2026-11-20T20:00:00Z".parse().unwrap()
}

/// A container appended to the body (the runner reads its results from the body: never replace it).
fn container(html: &str) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    div.set_inner_html(html);
    document.body().unwrap().append_child(&div).unwrap();
    div
}

const PLAIN: &str = r#"<table><thead><tr><th>Order No.</th><th>Payment time</th><th>Status</th></tr></thead><tbody>
<tr id="a"><td>8123456789012345</td><td>2026-11-18 10:00:00</td><td>Awaiting shipment</td></tr>
<tr id="b"><td>8123456789012346</td><td>2026-11-14 10:00:00</td><td>Awaiting shipment <img src="x" onerror="window.__pwned=1"></td></tr>
<tr id="c"><td>8123456789012347</td><td></td><td>&lt;script&gt;window.__pwned=2&lt;/script&gt;</td></tr>
</tbody></table><script>window.__pwned = 3</script>"#;

#[wasm_bindgen_test]
fn snapshot_lists_elements_in_document_order_with_their_own_text() {
    let root = container(PLAIN);
    let (snapshot, elements) = dom::snapshot(&root, "en", "https://csp.aliexpress.com/");
    assert_eq!(snapshot.nodes.len(), elements.len());
    assert_eq!(snapshot.nodes[0].t, "div");
    assert_eq!(snapshot.nodes[0].p, -1);
    let th = snapshot.nodes.iter().position(|n| n.t == "th").unwrap();
    assert_eq!(snapshot.nodes[th].x, "Order No.");
    // Scripts are not page data; an image has neither text nor child elements: nothing to read.
    assert!(snapshot.nodes.iter().all(|n| n.t != "script"));
    assert!(snapshot.nodes.iter().all(|n| n.t != "img"));
    // Table cells stay, empty or not: plain tables are read by column position.
    let tds = snapshot.nodes.iter().filter(|n| n.t == "td").count();
    assert_eq!(tds, 9);
    let escaped = snapshot
        .nodes
        .iter()
        .find(|n| n.x.starts_with("<script>"))
        .unwrap();
    assert_eq!(escaped.t, "td");
    for (i, node) in snapshot.nodes.iter().enumerate().skip(1) {
        assert!((node.p as usize) < i, "parents come first");
        assert_eq!(elements[i].local_name(), node.t);
    }
    root.remove();
}

#[wasm_bindgen_test]
fn patches_land_on_the_rows_and_badges_in_shadow_roots() {
    let root = container(PLAIN);
    let (snapshot, elements) = dom::snapshot(&root, "en", "https://csp.aliexpress.com/");
    let result = scan(&snapshot, &Policy::default(), None, now()).unwrap();
    assert_eq!(dom::apply(&elements, &result.patches).unwrap(), 3);
    let row = |id: &str| root.query_selector(&format!("#{id}")).unwrap().unwrap();
    let a = row("a");
    assert_eq!(
        a.get_attribute("data-dg-order-id").as_deref(),
        Some("8123456789012345")
    );
    assert_eq!(
        a.get_attribute("data-dg-status").as_deref(),
        Some("WAIT_SELLER_SEND_GOODS")
    );
    assert_eq!(
        a.get_attribute("data-dg-deadline").as_deref(),
        Some("2026-11-25T18:00:00Z")
    );
    assert_eq!(
        a.get_attribute("data-dg-deadline-kind").as_deref(),
        Some("ship")
    );
    assert_eq!(
        a.get_attribute("data-dg-deadline-source").as_deref(),
        Some("computed")
    );
    assert_eq!(a.get_attribute("data-dg-risk").as_deref(), Some("ok"));
    assert_eq!(a.get_attribute("data-dg-reason"), None);
    assert_eq!(
        row("b").get_attribute("data-dg-risk").as_deref(),
        Some("critical")
    );
    let c = row("c");
    assert_eq!(
        c.get_attribute("data-dg-risk").as_deref(),
        Some("unreadable")
    );
    assert!(c.get_attribute("data-dg-reason").is_some());

    let badge = a.query_selector("[data-dg-ui=badge]").unwrap().unwrap();
    let text = badge.shadow_root().unwrap().last_element_child().unwrap();
    assert!(text.text_content().unwrap().starts_with("Ship within 4 d"));
    // The badge is inside the status cell and adds no text to the page's own.
    assert_eq!(badge.parent_element().unwrap().local_name(), "td");
    assert!(!a.text_content().unwrap().contains("Ship within"));

    // Applying again updates in place: one badge per row.
    dom::apply(&elements, &result.patches).unwrap();
    assert_eq!(
        a.query_selector_all("[data-dg-ui=badge]").unwrap().length(),
        1
    );
    // A second snapshot skips the extension's own UI.
    let (again, _) = dom::snapshot(&root, "en", "");
    assert_eq!(again.nodes.len(), snapshot.nodes.len());

    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(
        pwned.is_undefined() || pwned.as_f64() == Some(1.0),
        "no page text ran as script"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn scan_element_annotates_in_place_and_reports_in_json() {
    let root = container(PLAIN);
    let json = deadline_guard::api::scan::scan_element(
        &root,
        "{\"lang\":\"es\"}",
        now().timestamp_millis() as f64,
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["summary"]["counts"]["total"], 3);
    assert_eq!(value["lang"], "es");
    let b = root.query_selector("#b").unwrap().unwrap();
    let badge = b.query_selector("[data-dg-ui=badge]").unwrap().unwrap();
    let span = badge.shadow_root().unwrap().last_element_child().unwrap();
    assert!(span.text_content().unwrap().starts_with("Enviar en"));
    assert!(span
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .title()
        .contains("calculado"));
    root.remove();
}

#[wasm_bindgen_test]
fn bad_input_comes_back_as_an_error_not_a_throw() {
    let root = container("<p>no orders here</p>");
    let json = deadline_guard::api::scan::scan_element(&root, "{not json", 0.0);
    assert!(json.contains("\"error\""));
    let json = deadline_guard::api::scan::scan_element(&root, "{}", 1.8e12);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["summary"]["recognised"], false);
    root.remove();
}
