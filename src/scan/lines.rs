//! The snapshot's wire format: one line per element, `parent \t tag \t class \t column \t text`.
//!
//! A 1,000-order page has some 40,000 elements. As JSON objects they cost the page a
//! `JSON.stringify` and the wasm a parse that allocates per field; as lines the page builds one
//! string and the wasm splits it. The page side collapses white space in every field, so no
//! field holds a tab or a line break.

use super::Node;
use crate::read::json_text::quoted;

/// Appends the elements of `text` to `nodes`. An error names the first bad line.
pub fn parse_into(text: &str, nodes: &mut Vec<Node>) -> Result<(), String> {
    for (n, line) in text.split('\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let mut fields = line.splitn(5, '\t');
        let (Some(p), Some(t), Some(c), Some(k), Some(x)) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            return Err(format!("snapshot line {} has fewer than 5 fields", n + 1));
        };
        let Ok(p) = p.parse::<i64>() else {
            return Err(format!("snapshot line {}: bad parent {}", n + 1, quoted(p)));
        };
        nodes.push(Node {
            p,
            t: t.to_string(),
            c: c.to_string(),
            k: k.to_string(),
            x: x.to_string(),
        });
    }
    Ok(())
}

/// The lines of `nodes` (the page side's format, for checking that both sides agree).
pub fn write(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes {
        out.push_str(&node.p.to_string());
        for field in [&node.t, &node.c, &node.k, &node.x] {
            out.push('\t');
            out.push_str(field);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(p: i64, t: &str, c: &str, k: &str, x: &str) -> Node {
        Node::new(p, t, c, k, x)
    }

    #[test]
    fn lines_round_trip() {
        let nodes = vec![
            node(-1, "body", "", "", ""),
            node(0, "td", "a b", "orderInfo", "Order ID: 8100000000000001"),
            node(1, "span", "", "", "剩余 1 天 <img src=x>"),
        ];
        let mut back = Vec::new();
        parse_into(&write(&nodes), &mut back).unwrap();
        assert_eq!(back, nodes);
    }

    #[test]
    fn bad_lines_are_named() {
        let mut nodes = Vec::new();
        assert_eq!(
            parse_into("-1\tbody\t\t\t\n0\tdiv", &mut nodes),
            Err("snapshot line 2 has fewer than 5 fields".into())
        );
        assert_eq!(
            parse_into("x\tbody\t\t\t", &mut Vec::new()),
            Err("snapshot line 1: bad parent \"x\"".into())
        );
    }
}
