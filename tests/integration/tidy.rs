//! Tidy: machine-checked invariants of the source tree (see ARCHITECTURE.md).

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            // Build output and installed packages are not ours to check.
            if path
                .file_name()
                .is_some_and(|n| n == "node_modules" || n == "target" || n == "dist")
            {
                continue;
            }
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Invariant: the engine does not know the browser exists.
#[test]
fn engine_uses_no_browser_crates() {
    let mut files = vec![root().join("src/engine.rs")];
    rust_files(&root().join("src/engine"), &mut files);
    let forbidden = ["yew", "web_sys", "js_sys", "gloo", "wasm_bindgen"];
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("read source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in forbidden {
                let used = code.contains(&format!("{name}::"))
                    || code.contains(&format!("use {name}"))
                    || code.contains(&format!("extern crate {name}"));
                if used {
                    offences.push(format!("{}:{}: uses {name}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "browser crates in the engine:\n{}",
        offences.join("\n")
    );
}

/// Invariant: every Rust file says what it owns in its first line.
#[test]
fn every_rust_file_opens_with_a_module_doc_line() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", "fuzz"] {
        let d = root().join(dir);
        if d.is_dir() {
            rust_files(&d, &mut files);
        }
    }
    assert!(files.len() > 5, "found too few files: {files:?}");
    let missing: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = fs::read_to_string(f).expect("read source");
            !text.starts_with("//!")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a leading `//!` line:\n{}",
        missing.join("\n")
    );
}

/// Invariant: the project stands on its own files; nothing reads the shared reference folder.
#[test]
fn nothing_reads_the_shared_reference_folder() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let needle = ["..", "/shared"].concat();
    for f in files {
        let text = fs::read_to_string(&f).expect("read source");
        assert!(
            !text.contains(&needle),
            "{} refers to the shared folder",
            f.display()
        );
    }
}

/// Invariant: the web app's wasm carries no command-line code. clap is declared only under the
/// native-only target table of Cargo.toml (`cargo tree --target wasm32-unknown-unknown` then
/// lists no clap), and the CLI's modules are compiled only off wasm32.
#[test]
fn the_command_line_parser_stays_out_of_the_wasm() {
    let manifest = fs::read_to_string(root().join("Cargo.toml")).expect("read Cargo.toml");
    let mut table = "";
    let mut tables_with_clap = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            table = line;
        } else if line.starts_with("clap ") || line.starts_with("clap=") {
            tables_with_clap.push(table);
        }
    }
    assert_eq!(
        tables_with_clap,
        ["[target.'cfg(not(target_arch = \"wasm32\"))'.dependencies]"],
        "clap must be a native-only dependency"
    );
    let main = fs::read_to_string(root().join("src/bin/crosswalk/main.rs")).expect("read main.rs");
    for line in main.lines().filter(|l| l.starts_with("mod ")) {
        let before = main.split(line).next().unwrap_or_default();
        assert!(
            before
                .trim_end()
                .ends_with("#[cfg(not(target_arch = \"wasm32\"))]"),
            "`{line}` in src/bin/crosswalk/main.rs must be native only"
        );
    }
}

/// No file under `src/` may be longer than this: past it a file holds several things, and each
/// deserves a name (a front door and a folder of modules, as `src/engine/soa/` does).
const MAX_FILE_LINES: usize = 800;

/// Files longer than [`MAX_FILE_LINES`] when the rule came in, waiting to be split. The list
/// only shrinks: a file that fits must leave it, and no file may join it.
const LONG_FILES_TO_SPLIT: &[&str] = &["src/engine/plan.rs", "src/engine/scan.rs"];

/// Invariant: no source file is longer than 800 lines.
#[test]
fn no_source_file_is_over_800_lines() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut sizes: Vec<(usize, String)> = files
        .iter()
        .map(|f| {
            let text = fs::read_to_string(f).expect("read source");
            (text.lines().count(), relative(f))
        })
        .collect();
    sizes.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let over: Vec<String> = sizes
        .iter()
        .filter(|(n, path)| *n > MAX_FILE_LINES && !LONG_FILES_TO_SPLIT.contains(&path.as_str()))
        .map(|(n, path)| format!("{path}: {n} lines"))
        .collect();
    assert!(
        over.is_empty(),
        "files over {MAX_FILE_LINES} lines, the biggest first (split each into a front door and a \
         folder of modules, as src/engine/soa/ is):\n{}",
        over.join("\n")
    );
    let done: Vec<&str> = LONG_FILES_TO_SPLIT
        .iter()
        .copied()
        .filter(|path| !sizes.iter().any(|(n, p)| p == path && *n > MAX_FILE_LINES))
        .collect();
    assert!(
        done.is_empty(),
        "these files fit in {MAX_FILE_LINES} lines now (or are gone): take them off \
         LONG_FILES_TO_SPLIT: {done:?}"
    );
}

/// A path relative to the crate root, with `/` separators on every platform.
fn relative(path: &Path) -> String {
    let rel = path.strip_prefix(root()).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Invariant: no engine module imports one that imports it back. Two modules that need each
/// other are one module, or two with a third underneath holding what both need.
#[test]
fn engine_modules_import_no_cycle() {
    let mut paths = vec![root().join("src/engine.rs")];
    rust_files(&root().join("src/engine"), &mut paths);
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let text = fs::read_to_string(p).expect("read source");
            (relative(p), text)
        })
        .collect();
    let graph = module_graph(&files);
    // The graph is read, not empty: today `evaluate` imports `assess` and `score`, and `score`
    // imports `assess` (but not the other way).
    assert!(graph.edge("evaluate", "assess") && graph.edge("evaluate", "score"));
    assert!(graph.edge("score", "assess") && graph.edge("soa", "ids"));
    let cycles = graph.cycles();
    assert!(
        cycles.is_empty(),
        "engine modules that import each other (move what both need into a module below them):\n{}",
        cycles.join("\n")
    );
}

/// The cycle check on a made-up engine: `super::` in a submodule is its parent module, braces
/// and `crate::engine::` paths count, comments and strings do not.
#[test]
fn the_module_graph_resolves_paths_like_the_compiler() {
    let file = |path: &str, text: &str| (path.to_string(), text.to_string());
    let files = [
        file("src/engine.rs", "mod a;\nmod b;\nmod c;\npub use a::Thing;\n"),
        file(
            "src/engine/a.rs",
            "//! a\nuse super::{b::{self, X}, c::Y};\n// use super::c::Z;\nconst S: &str = \"super::c\";\n",
        ),
        file("src/engine/b.rs", "//! b\nmod inner;\nuse inner::Q;\n"),
        file(
            "src/engine/b/inner.rs",
            "//! b's room\nuse super::Q;\nfn f() -> crate::engine::c::Z { super::super::c::z() }\n",
        ),
        file("src/engine/c.rs", "//! c\nfn g() { let _ = crate::engine::Thing; }\n"),
    ];
    let graph = module_graph(&files);
    assert!(graph.edge("a", "b") && graph.edge("a", "c") && graph.edge("b", "c"));
    assert!(!graph.edge("b", "b") && !graph.edge("c", "b"));
    assert_eq!(
        graph.cycles(),
        vec![
            "a -> c (src/engine/a.rs:2) -> a (src/engine/c.rs:2, through the front door's re-export)"
        ]
    );
}

/// Engine modules (`assess`, `soa`, ...) and which imports which, with the first place each
/// import is written.
struct ModuleGraph {
    edges: std::collections::BTreeMap<(String, String), String>,
}

impl ModuleGraph {
    fn edge(&self, from: &str, to: &str) -> bool {
        self.edges.contains_key(&(from.to_string(), to.to_string()))
    }

    /// One cycle per tangle of modules, written `a -> b (where) -> a (where)`.
    fn cycles(&self) -> Vec<String> {
        use std::collections::{BTreeMap, BTreeSet, VecDeque};
        let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (from, to) in self.edges.keys() {
            next.entry(from).or_default().push(to);
        }
        let reach = |start: &str| -> BTreeSet<&str> {
            let mut seen = BTreeSet::new();
            let mut todo = vec![start];
            while let Some(m) = todo.pop() {
                for &n in next.get(m).map_or(&[][..], Vec::as_slice) {
                    if seen.insert(n) {
                        todo.push(n);
                    }
                }
            }
            seen
        };
        let mut reported: BTreeSet<&str> = BTreeSet::new();
        let mut out = Vec::new();
        for &start in next.keys() {
            if reported.contains(start) || !reach(start).contains(start) {
                continue;
            }
            // The shortest way back to `start`, found breadth first.
            let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
            let mut queue = VecDeque::from([start]);
            'search: while let Some(m) = queue.pop_front() {
                for &n in next.get(m).map_or(&[][..], Vec::as_slice) {
                    if n == start {
                        came_from.insert(start, m);
                        break 'search;
                    }
                    if !came_from.contains_key(n) {
                        came_from.insert(n, m);
                        queue.push_back(n);
                    }
                }
            }
            let mut ring = vec![start];
            let mut at = came_from[start];
            while at != start {
                ring.push(at);
                at = came_from[at];
            }
            ring.reverse();
            ring.rotate_right(1);
            let mut text = start.to_string();
            for (i, from) in ring.iter().enumerate() {
                let to = ring[(i + 1) % ring.len()];
                let place = &self.edges[&(from.to_string(), to.to_string())];
                text.push_str(&format!(" -> {to} ({place})"));
            }
            // The rest of the tangle (everything `start` reaches that reaches it back) is
            // reported with this one cycle: breaking it may be all it takes.
            reported.extend(
                reach(start)
                    .into_iter()
                    .filter(|&n| reach(n).contains(start)),
            );
            out.push(text);
        }
        out
    }
}

/// Builds the graph from `(path, text)` pairs of `src/engine.rs` and the files below
/// `src/engine/`. Every path that starts with `super`, `self` or `crate` counts, in `use` trees
/// and in code, and so does a `use` of a submodule the file declares; a path into the front door
/// (`crate::engine::Catalog`) counts as one into the module the front door re-exports it from.
fn module_graph(files: &[(String, String)]) -> ModuleGraph {
    use std::collections::BTreeMap;
    let module_of = |path: &str| -> Vec<String> {
        let rel = path.trim_start_matches("src/").trim_end_matches(".rs");
        let rel = rel.trim_end_matches("/mod");
        rel.split('/').map(str::to_string).collect()
    };
    let engine_modules: Vec<String> = files
        .iter()
        .map(|(p, _)| module_of(p))
        .filter(|m| m.len() == 2)
        .map(|m| m[1].clone())
        .collect();
    // The front door's re-exports: item name -> the module it comes from.
    let mut reexports: BTreeMap<String, String> = BTreeMap::new();
    for (path, text) in files {
        if module_of(path).len() == 1 {
            for (full, _) in paths_in(text) {
                if full.len() >= 2 && engine_modules.contains(&full[0]) {
                    reexports.insert(full[full.len() - 1].clone(), full[0].clone());
                }
            }
        }
    }
    let mut edges = BTreeMap::new();
    for (path, text) in files {
        let module = module_of(path);
        if module.len() < 2 {
            continue; // the front door imports everything by design
        }
        let children = declared_modules(text);
        for (full, line) in paths_in(text) {
            let absolute: Vec<String> = match full[0].as_str() {
                "crate" => full[1..].to_vec(),
                "self" => module.iter().chain(&full[1..]).cloned().collect(),
                "super" => {
                    let ups = full.iter().take_while(|s| *s == "super").count();
                    let base = &module[..module.len().saturating_sub(ups)];
                    base.iter().chain(&full[ups..]).cloned().collect()
                }
                first if children.iter().any(|c| c == first) => {
                    module.iter().chain(&full).cloned().collect()
                }
                _ => continue, // std, serde, csv, ...
            };
            if absolute.len() < 2 || absolute[0] != "engine" {
                continue;
            }
            let (target, through) = if engine_modules.contains(&absolute[1]) {
                (absolute[1].clone(), "")
            } else if let Some(m) = reexports.get(&absolute[1]) {
                (m.clone(), ", through the front door's re-export")
            } else {
                continue;
            };
            if target != module[1] {
                edges
                    .entry((module[1].clone(), target))
                    .or_insert_with(|| format!("{path}:{line}{through}"));
            }
        }
    }
    ModuleGraph { edges }
}

/// The submodules a file declares (`mod records;`).
fn declared_modules(text: &str) -> Vec<String> {
    let tokens = tokens(text);
    tokens
        .windows(3)
        .filter(|w| w[0].0 == "mod" && w[2].0 == ";")
        .map(|w| w[1].0.clone())
        .collect()
}

/// Every path in the code with the line it is on: each leaf of a `use` tree, written out in
/// full (`use super::{a::X, b}` gives `super::a::X` and `super::b`), and each path in code that
/// starts with `super`, `self` or `crate`.
fn paths_in(text: &str) -> Vec<(Vec<String>, usize)> {
    let tokens = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (word, line) = (&tokens[i].0, tokens[i].1);
        if word == "use" {
            let mut leaves = Vec::new();
            i = use_tree(&tokens, i + 1, &[], &mut leaves);
            out.extend(leaves.into_iter().map(|p| (p, line)));
        } else if matches!(word.as_str(), "super" | "self" | "crate")
            && tokens.get(i + 1).is_some_and(|t| t.0 == "::")
            && (i == 0 || tokens[i - 1].0 != "::")
        {
            let mut path = vec![word.clone()];
            i += 1;
            while tokens.get(i).is_some_and(|t| t.0 == "::")
                && tokens.get(i + 1).is_some_and(|t| is_ident(&t.0))
            {
                path.push(tokens[i + 1].0.clone());
                i += 2;
            }
            out.push((path, line));
        } else {
            i += 1;
        }
    }
    out
}

/// Reads one `use` tree from `tokens[i]`, pushing each leaf path (after `prefix`); returns the
/// index after the tree.
fn use_tree(
    tokens: &[(String, usize)],
    mut i: usize,
    prefix: &[String],
    out: &mut Vec<Vec<String>>,
) -> usize {
    let mut path = prefix.to_vec();
    loop {
        match tokens.get(i).map(|t| t.0.as_str()) {
            Some("{") => {
                i += 1;
                while tokens.get(i).is_some_and(|t| t.0 != "}") {
                    i = use_tree(tokens, i, &path, out);
                    if tokens.get(i).is_some_and(|t| t.0 == ",") {
                        i += 1;
                    }
                }
                return i + 1;
            }
            Some("self") if !path.is_empty() => {
                out.push(path);
                return i + 1;
            }
            Some("*") => {
                out.push(path);
                return i + 1;
            }
            Some(w) if is_ident(w) => {
                path.push(w.to_string());
                i += 1;
                if tokens.get(i).is_some_and(|t| t.0 == "::") {
                    i += 1;
                    continue;
                }
                if tokens.get(i).is_some_and(|t| t.0 == "as") {
                    i += 2;
                }
                out.push(path);
                return i;
            }
            _ => return i + 1,
        }
    }
}

fn is_ident(word: &str) -> bool {
    word.starts_with(|c: char| c.is_alphabetic() || c == '_')
}

/// The code's words and punctuation with their lines, comments and string and character
/// literals left out.
fn tokens(text: &str) -> Vec<(String, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if c == '"' || (c == 'r' && matches!(next, Some('"' | '#'))) {
            // A string: `"..."` with escapes, or raw `r#"..."#`.
            let hashes = if c == 'r' {
                i += 1;
                let n = chars[i..].iter().take_while(|&&h| h == '#').count();
                i += n;
                n
            } else {
                0
            };
            i += 1;
            while i < chars.len() {
                if chars[i] == '\\' && hashes == 0 {
                    i += 1;
                } else if chars[i] == '"' && chars[i + 1..].iter().take(hashes).all(|&h| h == '#') {
                    i += 1 + hashes;
                    break;
                }
                line += usize::from(chars.get(i) == Some(&'\n'));
                i += 1;
            }
        } else if c == '\'' {
            // A character literal (`'x'`, `'\n'`) is skipped; a lifetime (`'a`) is not one.
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((chars[start..i].iter().collect(), line));
        } else if c == ':' && next == Some(':') {
            out.push(("::".to_string(), line));
            i += 2;
        } else {
            out.push((c.to_string(), line));
            i += 1;
        }
    }
    out
}
