//! `crosswalk`: the command-line front end to the same engine the web app runs.

fn main() {
    eprintln!("usage: crosswalk catalog --json | crosswalk assess --soa FILE [--json]");
    std::process::exit(2);
}
