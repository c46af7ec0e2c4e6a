//! The house has no circle of imports: in the engine (`src/`) and the Ofsted reader
//! (`crates/ofsted/src/`), no top-level module names (by a `crate::` path) a module that names it
//! back, directly or through others. The engine's layers run one way: the data (dates, inputs,
//! the ruleset data and its answers' shapes) under the decisions (`council`, `sponsor`), under
//! the module that loads and validates the ruleset file against what the decisions can do
//! (`load`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The top-level module a file belongs to (`src/a.rs` and `src/a/**` are `a`), or `None` for
/// the crate's root.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_string())
}

/// The first identifier of each path a `crate::` (or, in a top-level file, `super::`) names:
/// `crate::a::b`, `crate::{a::b, c}`.
fn named_modules(code: &str, top_level: bool, out: &mut BTreeSet<String>) {
    let prefixes: &[&str] = if top_level {
        &["crate::", "super::"]
    } else {
        &["crate::"]
    };
    for prefix in prefixes {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let before = rest[..at].chars().last();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                continue; // `$crate::`, `my_crate::`
            }
            if let Some(group) = rest.strip_prefix('{') {
                let (mut depth, mut start) = (0, 0);
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => {
                            out.insert(ident(&group[start..i]));
                            break;
                        }
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            out.insert(ident(&group[start..i]));
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
            } else {
                out.insert(ident(rest));
            }
        }
    }
}

fn ident(s: &str) -> String {
    s.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Which top-level modules each top-level module of the crate at `src` names. Comments are
/// left out (doc links name items, not imports).
fn imports(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(src, f)).collect();
    let mut graph = Graph::new();
    for f in &files {
        let Some(m) = module_of(src, f) else { continue };
        let top_level = f.parent() == Some(src) || f.ends_with(format!("{m}/mod.rs"));
        let code: String = std::fs::read_to_string(f)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut named = BTreeSet::new();
        named_modules(&code, top_level, &mut named);
        let edges = graph.entry(m.clone()).or_default();
        edges.extend(named.into_iter().filter(|n| modules.contains(n) && *n != m));
    }
    graph
}

/// Each circle as the path from a module back to itself (`a -> b -> a`), one per module on
/// one.
fn circles(graph: &Graph) -> Vec<String> {
    let mut found = Vec::new();
    for start in graph.keys() {
        // Breadth first, keeping how each module was reached, until `start` is reached again.
        let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start.as_str()]);
        let mut back = None;
        while let Some(m) = queue.pop_front() {
            for n in graph.get(m).into_iter().flatten() {
                if n == start {
                    back = Some(m);
                    break;
                }
                if !came_from.contains_key(n.as_str()) {
                    came_from.insert(n, m);
                    queue.push_back(n);
                }
            }
            if back.is_some() {
                break;
            }
        }
        if let Some(mut m) = back {
            let mut path = vec![start.as_str(), m];
            while m != start {
                m = came_from[m];
                path.push(m);
            }
            path.reverse();
            found.push(path.join(" -> "));
        }
    }
    found
}

fn assert_no_circle(crate_src: &str) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(crate_src);
    let graph = imports(&src);
    assert!(graph.len() > 3, "{crate_src}: found only {graph:?}");
    let found = circles(&graph);
    assert!(
        found.is_empty(),
        "{crate_src}: circles of imports:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_engine_has_no_circle_of_imports() {
    assert_no_circle("src");
}

#[test]
fn the_ofsted_reader_has_no_circle_of_imports() {
    assert_no_circle("crates/ofsted/src");
}

#[test]
fn a_circle_is_found_and_named() {
    let mut named = BTreeSet::new();
    named_modules(
        "use crate::{a::X, b::{Y, Z}};\nlet v = crate::c::f(); $crate::d::g(); super::e::h();",
        true,
        &mut named,
    );
    assert_eq!(
        named,
        BTreeSet::from(["a", "b", "c", "e"].map(String::from))
    );
    let graph: Graph = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
        .into_iter()
        .map(|(m, n)| (m.to_string(), BTreeSet::from([n.to_string()])))
        .collect();
    assert_eq!(
        circles(&graph),
        ["a -> b -> c -> a", "b -> c -> a -> b", "c -> a -> b -> c"]
    );
}
