//! Display-only text found beside the orders (buyer names, product titles): shown as text, never read
//! as data, and never interpreted as markup.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::read::csv::split_records;
use crate::read::json_text::number_text;
use crate::read::{read_order_id, CsvColumn, Field};

/// The display text of one order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct Extra {
    /// The buyer's name, as the source wrote it.
    pub buyer: Option<String>,
    /// The first product title, with "(+N)" when the order holds more products.
    pub product: Option<String>,
}

/// Display text by order id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extras(HashMap<String, Extra>);

const ID_KEYS: [&str; 3] = ["order_id", "orderId", "id"];
const BUYER_KEYS: [&str; 6] = [
    "buyer_signer_fullname",
    "buyerSignerFullname",
    "buyer_login_id",
    "buyerLoginId",
    "buyer",
    "buyerName",
];
const PRODUCT_KEYS: [&str; 5] = [
    "product_name",
    "productName",
    "product",
    "productTitle",
    "subject",
];

/// Nesting deeper than this is not an order response; stop rather than walk a hostile document.
const MAX_DEPTH: usize = 12;

impl Extras {
    /// The display text of `order_id`.
    pub fn get(&self, order_id: &str) -> Option<&Extra> {
        self.0.get(order_id.trim())
    }

    /// Records the `buyer` and `product` strings of a documented widget order object.
    pub fn insert_from(&mut self, order_id: &str, object: &Map<String, Value>) {
        let extra = Extra {
            buyer: first_text(object, &BUYER_KEYS),
            product: first_text(object, &PRODUCT_KEYS),
        };
        if extra != Extra::default() {
            self.0.insert(order_id.trim().to_string(), extra);
        }
    }

    /// Records the text of an order read from a CSV row.
    pub fn insert(&mut self, order_id: &str, extra: Extra) {
        if extra != Extra::default() {
            self.0.insert(order_id.trim().to_string(), extra);
        }
    }
}

/// Finds every order object in an Open Platform response (list or detail) and its buyer and products.
pub(crate) fn from_json(value: &Value) -> Extras {
    let mut extras = Extras::default();
    walk(value, 0, &mut extras);
    extras
}

fn walk(value: &Value, depth: usize, extras: &mut Extras) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| walk(v, depth + 1, extras)),
        Value::Object(map) => match order_id(map) {
            Some(id) => {
                let mut products = Vec::new();
                collect_products(value, 0, &mut products);
                let product = products.first().map(|first| match products.len() {
                    1 => first.clone(),
                    n => format!("{first} (+{})", n - 1),
                });
                extras.insert(
                    &id,
                    Extra {
                        buyer: first_text(map, &BUYER_KEYS),
                        product,
                    },
                );
            }
            None => map.values().for_each(|v| walk(v, depth + 1, extras)),
        },
        _ => {}
    }
}

fn order_id(map: &Map<String, Value>) -> Option<String> {
    ID_KEYS.iter().find_map(|key| match map.get(*key)? {
        Value::String(s)
            if !s.trim().is_empty() && s.trim().chars().all(|c| c.is_ascii_digit()) =>
        {
            Some(s.trim().to_string())
        }
        Value::Number(n) => Some(number_text(n)),
        _ => None,
    })
}

fn collect_products(value: &Value, depth: usize, out: &mut Vec<String>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|v| collect_products(v, depth + 1, out)),
        Value::Object(map) => {
            if let Some(name) = first_text(map, &PRODUCT_KEYS) {
                out.push(name);
            }
            for (key, child) in map {
                if !PRODUCT_KEYS.contains(&key.as_str()) {
                    collect_products(child, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

fn first_text(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| match map.get(*key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    })
}

/// Finds the buyer and product columns the CSV reader recognised, and their text for each order id.
/// Rows of one order (one line per product) give the first product and a count of the others.
pub(crate) fn from_csv(text: &str, columns: &[CsvColumn]) -> Extras {
    let mut extras = Extras::default();
    let position = |field: Field| columns.iter().position(|c| c.field == Some(field));
    let Some(id_at) = position(Field::OrderId) else {
        return extras;
    };
    let (buyer_at, product_at) = (position(Field::Buyer), position(Field::Product));
    if buyer_at.is_none() && product_at.is_none() {
        return extras;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The delimiter whose header row splits into the columns the reader saw.
    let Some(records) = [b',', b';', b'\t'].into_iter().find_map(|delimiter| {
        let records = split_records(text, delimiter);
        let width = records.first().map_or(0, |(_, header)| header.len());
        (width == columns.len()).then_some(records)
    }) else {
        return extras;
    };
    let mut products: HashMap<String, Vec<String>> = HashMap::new();
    let mut buyers: HashMap<String, String> = HashMap::new();
    for (_, record) in records.iter().skip(1) {
        let Some(id) = record.get(id_at).and_then(|cell| read_order_id(cell).ok()) else {
            continue;
        };
        let cell = |at: Option<usize>| {
            at.and_then(|i| record.get(i))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        if let Some(buyer) = cell(buyer_at) {
            buyers.entry(id.clone()).or_insert(buyer);
        }
        if let Some(product) = cell(product_at) {
            products.entry(id).or_default().push(product);
        }
    }
    let ids: Vec<String> = buyers.keys().chain(products.keys()).cloned().collect();
    for id in ids {
        let product = products.get(&id).and_then(|list| {
            list.first().map(|first| match list.len() {
                1 => first.clone(),
                n => format!("{first} (+{})", n - 1),
            })
        });
        extras.insert(
            &id,
            Extra {
                buyer: buyers.get(&id).cloned(),
                product,
            },
        );
    }
    extras
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_buyer_and_products_in_a_list_response() {
        let response = json!({"aliexpress_solution_order_get_response": {"result": {"target_list": {"order_dto": [
            {"order_id": "8180000000000001", "buyer_signer_fullname": "Ana <b>", "product_list": {"order_product_dto": [
                {"product_name": "Lamp"}, {"product_name": "Cable"}]}},
            {"orderId": 8180000000000002u64, "buyerLoginId": "bob"}
        ]}}}});
        let extras = from_json(&response);
        let first = extras.get("8180000000000001").unwrap();
        assert_eq!(first.buyer.as_deref(), Some("Ana <b>"));
        assert_eq!(first.product.as_deref(), Some("Lamp (+1)"));
        assert_eq!(
            extras.get("8180000000000002").unwrap().buyer.as_deref(),
            Some("bob")
        );
    }

    #[test]
    fn finds_buyer_and_products_in_csv_columns_with_either_delimiter() {
        use crate::read::{read_csv_orders, CsvOptions};
        use chrono::TimeZone;
        let at = chrono::Utc
            .with_ymd_and_hms(2026, 11, 20, 18, 0, 0)
            .unwrap();
        for text in [
            "Order ID,Status,Buyer,Product\n8190000000000001,Awaiting shipment,\"<b>Ana</b>\",Lamp\n8190000000000001,Awaiting shipment,,Cable\n",
            "\u{feff}Order ID;Status;Buyer;Product\n8190000000000001;Awaiting shipment;<b>Ana</b>;Lamp\n8190000000000001;Awaiting shipment;;Cable\n",
        ] {
            let reading = read_csv_orders(text, &CsvOptions::new(at, chrono_tz::America::Los_Angeles));
            let extras = from_csv(text, &reading.columns);
            let extra = extras.get("8190000000000001").expect("the order's text");
            assert_eq!(extra.buyer.as_deref(), Some("<b>Ana</b>"));
            assert_eq!(extra.product.as_deref(), Some("Lamp (+1)"));
        }
    }

    #[test]
    fn deep_documents_stop_without_overflow() {
        let mut value = json!({"order_id": "1", "product_name": "x"});
        for _ in 0..200 {
            value = json!({ "a": value });
        }
        assert!(from_json(&value).get("1").is_none());
    }
}
