//! The snapshot as a tree: parents, subtree ends (pre-order makes every subtree contiguous) and the
//! few tags the decision looks at, kept in flat arrays built as the nodes arrive, so finding the
//! records of a 10,000-order page does not walk 400,000 heap-allocated nodes again.

use super::Node;

/// The tags the decision tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    Html,
    Body,
    Table,
    Tr,
    Td,
    Th,
    Other,
}

impl Tag {
    fn of(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "body" => Tag::Body,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            _ => Tag::Other,
        }
    }
}

/// The parent, subtree end and tag of every node.
#[derive(Debug, Default)]
pub(super) struct Shape {
    pub parent: Vec<Option<usize>>,
    pub end: Vec<usize>,
    pub tags: Vec<Tag>,
    /// Header cells carrying a Fusion column key.
    pub keyed_headers: Vec<usize>,
}

impl Shape {
    pub fn new(nodes: &[Node]) -> Shape {
        let mut shape = Shape::default();
        for node in nodes {
            shape.push(node);
        }
        shape.close();
        shape
    }

    /// Adds the next node (`close` must follow before the ends are read).
    pub fn push(&mut self, node: &Node) {
        let i = self.parent.len();
        // A parent must come before its child; anything else is a malformed snapshot: treat as a root.
        self.parent
            .push(usize::try_from(node.p).ok().filter(|&p| p < i));
        let tag = Tag::of(&node.t);
        if tag == Tag::Th && !node.k.is_empty() {
            self.keyed_headers.push(i);
        }
        self.tags.push(tag);
    }

    /// Computes every subtree's end.
    pub fn close(&mut self) {
        let n = self.parent.len();
        self.end.clear();
        self.end.extend(1..=n);
        for i in (0..n).rev() {
            if let Some(p) = self.parent[i] {
                self.end[p] = self.end[p].max(self.end[i]);
            }
        }
    }
}

/// The nodes with their shape.
#[derive(Clone, Copy)]
pub(super) struct Tree<'a> {
    pub nodes: &'a [Node],
    pub parent: &'a [Option<usize>],
    pub end: &'a [usize],
    tags: &'a [Tag],
}

impl<'a> Tree<'a> {
    pub fn new(nodes: &'a [Node], shape: &'a Shape) -> Tree<'a> {
        Tree {
            nodes,
            parent: &shape.parent,
            end: &shape.end,
            tags: &shape.tags,
        }
    }

    /// The text of a subtree, own texts joined by single spaces.
    pub fn text(&self, i: usize) -> String {
        let mut out = String::new();
        for node in &self.nodes[i..self.end[i]] {
            if !node.x.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&node.x);
            }
        }
        out
    }

    pub fn tag(&self, i: usize) -> Tag {
        self.tags[i]
    }

    pub fn ancestor_with_tag(&self, mut i: usize, tag: Tag) -> Option<usize> {
        while let Some(p) = self.parent[i] {
            if self.tag(p) == tag {
                return Some(p);
            }
            i = p;
        }
        None
    }

    /// The `td`/`th` children of a row.
    pub fn cells(&self, row: usize) -> Vec<usize> {
        (row + 1..self.end[row])
            .filter(|&c| self.parent[c] == Some(row) && matches!(self.tag(c), Tag::Td | Tag::Th))
            .collect()
    }
}
