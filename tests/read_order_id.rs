//! Order numbers in page text, and the digit runs that only look like them.

use deadline_guard::read::{find_order_ids, read_order_id, ReadErrorKind};

#[test]
fn order_ids_as_pages_show_them() {
    let cases: &[(&str, &str)] = &[
        ("8187654321098765", "8187654321098765"),
        ("Order ID: 8187654321098765", "8187654321098765"),
        ("Order ID: 8187654321098765 Copy", "8187654321098765"),
        ("Order ID: 8187654321098765Copy", "8187654321098765"),
        ("Order ID: 8187654321098765\nCopy", "8187654321098765"),
        ("订单号：8187654321098765复制", "8187654321098765"),
        ("订单号8187654321098765", "8187654321098765"),
        ("Nº de pedido: 3045678901234567 Copiar", "3045678901234567"),
        (
            "Bestellnummer 3045678901234567 kopieren",
            "3045678901234567",
        ),
        ("8187 6543 2109 8765", "8187654321098765"),
        ("Order 8187 6543 2109 876", "818765432109876"),
        ("300500490098888", "300500490098888"),
        ("1234567890123456789", "1234567890123456789"),
        ("８１８７６５４３２１０９８７６５", "8187654321098765"),
        (
            "https://csp.aliexpress.com/m_apps/order-manage/orderDetail?orderId=8187654321098765",
            "8187654321098765",
        ),
        (
            "https://www.aliexpress.com/p/order/detail.html?orderId=8187654321098765",
            "8187654321098765",
        ),
        ("(8187654321098765)", "8187654321098765"),
        ("Order ID?8187654321098765?", "8187654321098765"),
        (
            "/p/order/detail.html?orderId=8187654321098765",
            "8187654321098765",
        ),
        ("Qty 2 8187 6543 2109 8765", "8187654321098765"),
    ];
    for &(text, want) in cases {
        assert_eq!(
            read_order_id(text).unwrap_or_else(|e| panic!("{text:?}: {e}")),
            want,
            "{text:?}"
        );
    }
}

#[test]
fn numbers_that_only_look_like_ids_are_not_taken() {
    let cases = [
        // Product ids (16 digits starting with 1005), bare or in item links.
        "1005006123456789",
        "Product ID: 1005006123456789",
        "https://www.aliexpress.com/item/1005006123456789.html",
        // Other numbers inside URLs.
        "https://www.aliexpress.com/item/3256805012345678.html",
        "https://example.com/track?id=8187654321098765",
        // Phone numbers.
        "+34 612 345 678",
        "+8613800138000",
        "+86 138001380001234",
        "Tel: +34 612345678901234",
        // Tracking numbers and codes touching letters.
        "LP00612345678901234",
        "AEOO8187654321098765",
        "8187654321098765ABC",
        // Too short, too long, inside longer runs.
        "12345678901234",
        "12345678901234567890",
        "81876543210987651234567",
        // Amounts and other punctuation-bound numbers.
        "8187654321098765.50",
        "1.8187654321098765",
        // Groups that do not make a printed id.
        "8187 65 4321 098765",
        "2026-11-20 14:33:05",
        "",
        "garbage",
    ];
    for text in cases {
        assert!(
            find_order_ids(text).is_empty(),
            "{text:?}: {:?}",
            find_order_ids(text)
        );
        let err = read_order_id(text).expect_err(text);
        let want = if text.is_empty() {
            ReadErrorKind::Empty
        } else {
            ReadErrorKind::NotAnOrderId
        };
        assert_eq!(err.kind, want, "{text:?}");
    }
}

#[test]
fn several_ids() {
    let text = "8187654321098765 Copy | 3045678901234567 Copy | 8187654321098765";
    assert_eq!(
        find_order_ids(text),
        vec!["8187654321098765", "3045678901234567"]
    );
    let err = read_order_id(text).unwrap_err();
    assert_eq!(err.kind, ReadErrorKind::NotAnOrderId);
    assert!(err.detail.contains("more than one"));
    // The product id next to the order id is skipped; the order id stays.
    assert_eq!(
        read_order_id("Order 8187654321098765 — product 1005006123456789").unwrap(),
        "8187654321098765"
    );
}
