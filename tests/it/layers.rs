//! The crate's modules form no circles: a stage never calls back into a module
//! that depends on it. Read from the source, so a new `use` that closes a
//! circle fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use crate::support::repo;

/// `crate::name` and `super::name` references of each module, outside tests and
/// comments, grouped by `depth` path segments (`render`, or `render::listing`).
fn graph(depth: usize) -> BTreeMap<String, BTreeSet<String>> {
    let src = repo().join("src");
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Some(stem) = rel.strip_suffix(".rs") else {
            continue;
        };
        let path: Vec<&str> = stem.split('/').filter(|s| *s != "mod").collect();
        if path == ["lib"] || path == ["main"] {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
        let code: String = code
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        files.insert(path.join("::"), code);
    }
    let group = |m: &str| m.split("::").take(depth).collect::<Vec<_>>().join("::");
    let known: BTreeSet<String> = files.keys().map(|k| group(k)).collect();
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in &files {
        let me = group(module);
        let parent: Vec<&str> = module.split("::").collect();
        let mut refs = BTreeSet::new();
        for (prefix, base) in [
            ("crate::", Vec::new()),
            ("super::", parent[..parent.len().saturating_sub(1)].to_vec()),
        ] {
            for (i, _) in code.match_indices(prefix) {
                let rest = &code[i + prefix.len()..];
                let names: Vec<&str> = rest
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                    .next()
                    .unwrap_or("")
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .collect();
                let mut full: Vec<&str> = base.clone();
                full.extend(names);
                let target = group(&full.join("::"));
                if prefix == "super::" && parent.len() < 2 {
                    continue;
                }
                refs.insert(target);
            }
        }
        let entry = g.entry(me.clone()).or_default();
        entry.extend(refs.into_iter().filter(|t| *t != me && known.contains(t)));
    }
    g
}

/// A circle of modules, if there is one.
fn find_circle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // Iterative depth-first search with colours (0 new, 1 on the path, 2 done).
    let mut colour: BTreeMap<&str, u8> = BTreeMap::new();
    for start in g.keys() {
        if colour.get(start.as_str()).copied().unwrap_or(0) != 0 {
            continue;
        }
        let mut path: Vec<(&str, Vec<&str>)> =
            vec![(start, g[start].iter().map(String::as_str).collect())];
        colour.insert(start, 1);
        while let Some((node, next)) = path.last_mut() {
            let node = *node;
            match next.pop() {
                Some(n) => match colour.get(n).copied().unwrap_or(0) {
                    0 => {
                        colour.insert(n, 1);
                        let succ = g
                            .get(n)
                            .map(|s| s.iter().map(String::as_str).collect())
                            .unwrap_or_default();
                        path.push((n, succ));
                    }
                    1 => {
                        let from = path.iter().position(|(m, _)| *m == n).unwrap_or(0);
                        let mut circle: Vec<String> =
                            path[from..].iter().map(|(m, _)| m.to_string()).collect();
                        circle.push(n.to_string());
                        return Some(circle);
                    }
                    _ => {}
                },
                None => {
                    colour.insert(node, 2);
                    path.pop();
                }
            }
        }
    }
    None
}

#[test]
fn modules_form_no_circles() {
    for depth in [1, 2] {
        let g = graph(depth);
        assert!(g.len() > 10, "modules found: {:?}", g.keys());
        assert_eq!(find_circle(&g), None, "a circle of modules (depth {depth})");
    }
}

#[test]
fn the_circle_finder_finds_circles() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    let circle = find_circle(&g).unwrap();
    assert_eq!(circle.first(), circle.last());
    assert_eq!(circle.len(), 4, "{circle:?}");
}

#[test]
fn the_graph_sees_the_pipeline() {
    let g = graph(1);
    assert!(g["render"].contains("resolve"), "{:?}", g["render"]);
    assert!(!g["resolve"].contains("render"), "{:?}", g["resolve"]);
    assert!(
        g["script"].is_empty(),
        "script is a leaf: {:?}",
        g["script"]
    );
}
