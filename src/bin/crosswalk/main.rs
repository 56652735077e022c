//! `crosswalk`: the command-line front end to the same engine the web app runs.
//!
//! `args` declares the command line (clap's derive API; `crosswalk --help` is the reference),
//! and each subcommand is one module that reads its inputs, calls the engine and renders text or
//! JSON. `main` only parses, dispatches and turns the outcome into an exit status:
//!
//! - 0: done, also when whoever reads the output stops early (a broken pipe is not an error);
//! - 1: the output could not be written;
//! - 2: bad usage (one line on standard error, as most Unix tools do), or an input that cannot
//!   be read or is not what it should be (one line naming the file and the reason).
//!
//! The command line is native only: clap is not a dependency of the wasm32 build, where this
//! binary is an empty stub so that `cargo clippy --target wasm32-unknown-unknown --bins` still
//! checks the crate's other binary.

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod assess;
#[cfg(not(target_arch = "wasm32"))]
mod catalog;
#[cfg(not(target_arch = "wasm32"))]
mod export;
#[cfg(not(target_arch = "wasm32"))]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod scan;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser as _;
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match args::Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        Err(e) => return args::usage_failure(&e, &argv[1..]),
    };
    let result = match &cli.command {
        args::Command::Catalog(a) => catalog::run(a),
        args::Command::Assess(a) => assess::run(a),
        args::Command::Export(a) => export::run(a),
        args::Command::Scan(a) => scan::run(a),
    };
    output::exit_status(result)
}

/// The command line is not a wasm program; the web app's entry is `src/main.rs`.
#[cfg(target_arch = "wasm32")]
fn main() {}
