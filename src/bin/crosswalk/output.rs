//! How a subcommand ends: `Failure` and its exit status, and writing to standard output.

use serde::Serialize;
use std::io::{self, BufWriter, StdoutLock, Write};
use std::process::ExitCode;

/// Why a subcommand stopped. Usage errors never get here: clap reports them (`args`).
#[derive(Debug)]
pub enum Failure {
    /// An input is unreadable or is not what it should be: exit status 2.
    Input(String),
    /// Writing the output failed: exit status 1 (0 for a broken pipe).
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// The exit status of a subcommand's outcome, with its one-line message on standard error.
pub fn exit_status(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("crosswalk: {message}");
            ExitCode::from(2)
        }
        // `crosswalk ... | head`: the reader has what it wanted.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("crosswalk: writing the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Standard output, locked and buffered (a pretty-printed catalog is many small writes).
pub type Out = BufWriter<StdoutLock<'static>>;

/// Runs `render` on standard output and flushes it, so a write error is reported, not dropped.
pub fn to_stdout(render: impl FnOnce(&mut Out) -> io::Result<()>) -> Result<(), Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    render(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Pretty JSON and a final newline.
pub fn write_json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    // serde_json hands back the writer's own error, so a broken pipe stays a broken pipe.
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}
