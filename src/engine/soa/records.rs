//! Text to CSV records, each with the physical line it starts on: the delimiter (forced, Excel's
//! `sep=` line, or sniffed), the cap on records, and the quote that opens a cell and never
//! closes.

use super::known::KnownIds;
use super::lines::line_breaks;
use super::{Delimiter, Problem, ProblemKind, MAX_RECORDS};
use std::collections::HashMap;

/// How many records the delimiter sniffer parses per candidate.
const SNIFF_RECORDS: usize = 200;

/// One CSV record and the 1-based line where it starts.
pub(super) struct Record {
    pub(super) line: usize,
    /// Byte offset in the decoded text where the record starts.
    pub(super) start: usize,
    pub(super) fields: csv::StringRecord,
}

/// Every record read (up to [`MAX_RECORDS`]), in file order: the second stage's hand-over.
pub(super) struct Records {
    pub(super) all: Vec<Record>,
    /// The line of a quote that opens a cell and is never closed, if there is one.
    pub(super) unclosed_quote: Option<usize>,
}

impl Records {
    /// Reads `text` as CSV. Trouble (an unreadable rest, too many records, a quote never
    /// closed) becomes a problem; what was read before it is kept.
    pub(super) fn read(text: &str, delimiter: Delimiter, problems: &mut Vec<Problem>) -> Records {
        let all = read_records(text, delimiter.byte(), problems);
        // A stray quote at the start of a cell makes the csv reader take the rest of the file
        // as that one cell, so every later row would vanish without a word. Say where it
        // opened. (At the cap the last record is not the file's last, so there is no telling.)
        let unclosed_quote = if all.len() < MAX_RECORDS {
            all.last()
                .and_then(|last| unclosed_quote(text, last, delimiter.byte()))
        } else {
            None
        };
        if let Some(line) = unclosed_quote {
            problems.push(Problem::at(
                line,
                ProblemKind::Encoding,
                "a quoted cell opens here and its quote (\") is never closed, so the rest of the file was read as this one cell and no later row was imported".to_string(),
            ));
        }
        Records {
            all,
            unclosed_quote,
        }
    }

    /// The records below the header row (all of them when there is none).
    pub(super) fn below(&self, header: Option<usize>) -> &[Record] {
        &self.all[header.map_or(0, |h| h + 1)..]
    }

    /// The number of cells in the widest record.
    pub(super) fn widest(&self) -> usize {
        self.all.iter().map(|r| r.fields.len()).max().unwrap_or(0)
    }
}

impl Delimiter {
    /// The delimiter to read with: the caller's, else the one an Excel `sep=` first line names,
    /// else the one that finds the most rows holding a known control id.
    pub(super) fn choose(forced: Option<Delimiter>, text: &str, known: &KnownIds) -> Delimiter {
        forced
            .or_else(|| sep_hint(text))
            .unwrap_or_else(|| sniff_delimiter(text, known))
    }
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Reads up to [`MAX_RECORDS`] records, each with the line it starts on.
fn read_records(text: &str, delimiter: u8, problems: &mut Vec<Problem>) -> Vec<Record> {
    let mut rdr = reader(text, delimiter);
    let bytes = text.as_bytes();
    // The csv reader's position for a record is where it started reading, which may be before
    // skipped blank lines or the LF of a CRLF, so the real start is found by skipping those and
    // the line is counted incrementally from the previous record (linear overall).
    let (mut counted_to, mut line) = (0usize, 1usize);
    let mut out = Vec::new();
    // One growing buffer is read into and each record cloned at its exact size, which allocates
    // far less than growing a fresh record per row.
    let mut fields = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut fields) {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => {
                problems.push(Problem::at(
                    line.max(1),
                    ProblemKind::Encoding,
                    format!("the rest of the file could not be read: {err}"),
                ));
                break;
            }
        }
        let mut start = fields
            .position()
            .map_or(counted_to, |p| {
                usize::try_from(p.byte()).unwrap_or(usize::MAX)
            })
            .clamp(counted_to, bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        line += line_breaks(bytes, counted_to, start);
        counted_to = start;
        if out.len() == MAX_RECORDS {
            problems.push(Problem::at(
                line,
                ProblemKind::TooLarge,
                format!(
                    "the file has more than {MAX_RECORDS} rows; only the first {MAX_RECORDS} were read"
                ),
            ));
            break;
        }
        out.push(Record {
            line,
            start,
            fields: fields.clone(),
        });
    }
    out
}

/// The line of a quote that opens a cell and is never closed. The csv reader then takes the rest
/// of the file as that one cell, so only the last record can hold one and only it is scanned,
/// with the reader's rules: a quote opens a cell only at the cell's start, `""` inside a quoted
/// cell is a literal quote, and after the closing quote the cell may go on unquoted.
fn unclosed_quote(text: &str, last: &Record, delimiter: u8) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum State {
        CellStart,
        Unquoted,
        Quoted { opened_at: usize },
        QuoteInQuoted { opened_at: usize },
    }
    let bytes = text.as_bytes();
    let ends_cell = |b: u8| b == delimiter || b == b'\n' || b == b'\r';
    let mut state = State::CellStart;
    for (i, &b) in bytes.iter().enumerate().skip(last.start) {
        state = match state {
            State::CellStart if b == b'"' => State::Quoted { opened_at: i },
            State::CellStart | State::Unquoted if ends_cell(b) => State::CellStart,
            State::CellStart | State::Unquoted => State::Unquoted,
            State::Quoted { opened_at } if b == b'"' => State::QuoteInQuoted { opened_at },
            State::Quoted { .. } => state,
            State::QuoteInQuoted { opened_at } if b == b'"' => State::Quoted { opened_at },
            State::QuoteInQuoted { .. } if ends_cell(b) => State::CellStart,
            State::QuoteInQuoted { .. } => State::Unquoted,
        };
    }
    match state {
        State::Quoted { opened_at } => Some(last.line + line_breaks(bytes, last.start, opened_at)),
        _ => None,
    }
}

/// Excel honours a first line `sep=;` naming the delimiter.
fn sep_hint(text: &str) -> Option<Delimiter> {
    let first = text.lines().next()?.trim_end_matches('\r');
    match first.to_ascii_lowercase().as_str() {
        "sep=," => Some(Delimiter::Comma),
        "sep=;" => Some(Delimiter::Semicolon),
        "sep=\t" => Some(Delimiter::Tab),
        _ => None,
    }
}

/// Each candidate parses the first records; the most rows holding a known id wins, ties going
/// to the most consistent multi-column parse, then to the order of [`Delimiter::ALL`].
fn sniff_delimiter(text: &str, known: &KnownIds) -> Delimiter {
    let mut best = (Delimiter::Comma, (0usize, 0usize));
    for delimiter in Delimiter::ALL {
        let mut rdr = reader(text, delimiter.byte());
        let mut id_rows = 0;
        let mut widths: HashMap<usize, usize> = HashMap::new();
        let mut rec = csv::StringRecord::new();
        for _ in 0..SNIFF_RECORDS {
            match rdr.read_record(&mut rec) {
                Ok(true) => {}
                _ => break,
            }
            if rec.len() > 1 {
                *widths.entry(rec.len()).or_default() += 1;
            }
            if known.in_record(&rec) {
                id_rows += 1;
            }
        }
        let consistent = widths.values().copied().max().unwrap_or(0);
        let score = (id_rows, consistent);
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}
