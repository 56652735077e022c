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
