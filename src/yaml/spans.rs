//! Positions of a YAML document's nodes, from saphyr-parser's spanned events.
//!
//! serde_yaml reports where an error is but not where a value is; validation
//! after deserialising needs the latter (the line of row 3, of its `share`).
//! This builds a small tree of positions only, walked by key and index.

use saphyr_parser::{Event, Parser, Span};

/// 1-based line and column (in characters) in the whole file; 0 when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column in characters, 0 when unknown.
    pub column: usize,
}

/// Positions of the nodes of a document's first YAML document.
#[derive(Debug, Default)]
pub struct Spans {
    root: Option<Node>,
}

#[derive(Debug)]
struct Node {
    pos: Pos,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    /// A scalar (its text, to match mapping keys) or an alias (no text).
    Leaf(Option<String>),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug)]
struct Entry {
    /// The key's text when it is a scalar.
    key: Option<String>,
    key_pos: Pos,
    value: Node,
}

/// A collection being read; mappings hold the key awaiting its value.
enum Open {
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<Entry>, Option<Node>),
}

impl Spans {
    /// Reads positions from `src`; `lines_before` lines precede it in its file.
    /// A document the parser rejects has no positions (every lookup is unknown):
    /// callers parse with serde_yaml first and report its errors.
    pub fn parse(src: &str, lines_before: usize) -> Spans {
        let at = |span: Span| Pos {
            line: span.start.line() + lines_before,
            column: span.start.col() + 1,
        };
        // Built with an explicit stack, so nesting depth costs heap, not stack.
        let mut open: Vec<Open> = Vec::new();
        for event in Parser::new_from_str(src) {
            let Ok((event, span)) = event else {
                return Spans::default();
            };
            let done = match event {
                Event::Scalar(text, ..) => Node {
                    pos: at(span),
                    kind: Kind::Leaf(Some(text.into_owned())),
                },
                Event::Alias(_) => Node {
                    pos: at(span),
                    kind: Kind::Leaf(None),
                },
                Event::SequenceStart(..) => {
                    open.push(Open::Seq(at(span), Vec::new()));
                    continue;
                }
                Event::MappingStart(..) => {
                    open.push(Open::Map(at(span), Vec::new(), None));
                    continue;
                }
                Event::SequenceEnd | Event::MappingEnd => match open.pop() {
                    Some(Open::Seq(pos, items)) => Node {
                        pos,
                        kind: Kind::Seq(items),
                    },
                    Some(Open::Map(pos, entries, _)) => Node {
                        pos,
                        kind: Kind::Map(entries),
                    },
                    None => return Spans::default(),
                },
                Event::DocumentEnd | Event::StreamEnd => break,
                _ => continue,
            };
            match open.last_mut() {
                None => return Spans { root: Some(done) },
                Some(Open::Seq(_, items)) => items.push(done),
                Some(Open::Map(_, entries, pending)) => match pending.take() {
                    None => *pending = Some(done),
                    Some(key) => entries.push(Entry {
                        key: match key.kind {
                            Kind::Leaf(text) => text,
                            _ => None,
                        },
                        key_pos: key.pos,
                        value: done,
                    }),
                },
            }
        }
        Spans::default()
    }

    /// The document's root node.
    pub fn root(&self) -> At<'_> {
        At {
            node: self.root.as_ref(),
            key_pos: Pos::default(),
        }
    }
}

/// A node reached by [`At::get`] and [`At::index`]; missing nodes stay missing,
/// so a path can be walked to the end and its position is then unknown.
#[derive(Debug, Clone, Copy)]
pub struct At<'a> {
    node: Option<&'a Node>,
    key_pos: Pos,
}

impl<'a> At<'a> {
    /// The value under `key`, when this is a mapping with that key.
    pub fn get(self, key: &str) -> At<'a> {
        let entry = match self.node.map(|n| &n.kind) {
            Some(Kind::Map(entries)) => entries.iter().find(|e| e.key.as_deref() == Some(key)),
            _ => None,
        };
        At {
            node: entry.map(|e| &e.value),
            key_pos: entry.map_or(Pos::default(), |e| e.key_pos),
        }
    }

    /// Item `i` (0-based), when this is a sequence that long.
    pub fn index(self, i: usize) -> At<'a> {
        let node = match self.node.map(|n| &n.kind) {
            Some(Kind::Seq(items)) => items.get(i),
            _ => None,
        };
        At {
            node,
            key_pos: Pos::default(),
        }
    }

    /// Where the node starts (for a flow collection, its bracket).
    pub fn pos(self) -> Pos {
        self.node.map_or(Pos::default(), |n| n.pos)
    }

    /// Where the key of this value starts; a sequence item's own position.
    pub fn key_pos(self) -> Pos {
        match self.key_pos {
            Pos { line: 0, .. } => self.pos(),
            p => p,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }

    #[test]
    fn flow_and_block_items_have_their_positions() {
        let src = "title: x\ncolumns:\n  - { key: a, type: text }\n  - key: \"b\"\n    type: percent\nrows: [ { id: r1 },\n  { id: r2, b: 3 } ]\n";
        let s = Spans::parse(src, 0);
        let cols = s.root().get("columns");
        assert_eq!(cols.key_pos(), p(2, 1));
        assert_eq!(cols.index(0).pos(), p(3, 5));
        assert_eq!(cols.index(0).get("type").pos(), p(3, 21));
        assert_eq!(cols.index(1).pos(), p(4, 5));
        assert_eq!(cols.index(1).get("key").pos(), p(4, 10));
        assert_eq!(cols.index(1).get("type").key_pos(), p(5, 5));
        assert_eq!(s.root().get("rows").index(1).get("b").pos(), p(7, 16));
        assert_eq!(s.root().get("rows").index(1).get("b").key_pos(), p(7, 13));
    }

    #[test]
    fn missing_paths_and_broken_documents_are_unknown() {
        let s = Spans::parse("a: [1, 2]\n", 3);
        assert_eq!(s.root().get("a").index(1).pos(), p(4, 8));
        assert_eq!(s.root().get("a").index(2).pos(), Pos::default());
        assert_eq!(s.root().get("b").get("c").key_pos(), Pos::default());
        assert_eq!(s.root().index(0).pos(), Pos::default());
        let broken = Spans::parse("a: [\n", 0);
        assert_eq!(broken.root().get("a").pos(), Pos::default());
    }

    #[test]
    fn only_scalar_keys_match() {
        let s = Spans::parse("? [k]\n: 1\nk: 2\n", 0);
        assert_eq!(s.root().get("k").pos(), p(3, 4));
    }
}
