//! Bytes to text: the encoding (UTF-8 or UTF-16, with or without a byte order mark), the bytes
//! that had to be replaced, and the files that are no CSV export at all (workbooks, PDFs,
//! images, JSON, HTML, XML).

use super::cells::is_blank;
use super::lines::line_breaks;
use super::{Problem, ProblemKind, TextEncoding, SAVE_AS_CSV};
use std::borrow::Cow;

/// The decoded text and what decoding it took: the first stage's hand-over to the next.
pub(super) struct Decoded<'a> {
    /// The text, without a byte order mark; borrowed from the input when it was valid UTF-8.
    pub(super) text: Cow<'a, str>,
    /// The encoding it was read as.
    pub(super) encoding: TextEncoding,
    /// How many characters are U+FFFD standing for invalid bytes (0 when none had to be).
    pub(super) replaced: usize,
}

impl Decoded<'_> {
    /// Decodes `input`: a byte order mark decides, else UTF-16 is recognised by its NUL bytes,
    /// else the bytes are read as UTF-8.
    pub(super) fn new(input: &[u8]) -> Decoded<'_> {
        let (encoding, body) = if let Some(rest) = input.strip_prefix(b"\xEF\xBB\xBF") {
            (TextEncoding::Utf8Bom, rest)
        } else if let Some(rest) = input.strip_prefix(b"\xFF\xFE") {
            (TextEncoding::Utf16Le, rest)
        } else if let Some(rest) = input.strip_prefix(b"\xFE\xFF") {
            (TextEncoding::Utf16Be, rest)
        } else {
            match sniff_utf16(input) {
                Some(e @ (TextEncoding::Utf16Le | TextEncoding::Utf16Be)) => (e, input),
                _ => (TextEncoding::Utf8, input),
            }
        };
        // Only UTF-8 and UTF-16 are read, so the standard library decodes them; a
        // general-purpose decoder would ship every legacy encoding's tables to the browser for
        // nothing.
        let (encoding, text, had_errors) = match encoding {
            // Bytes that are not UTF-8 and hold no UTF-8 sequence at all are a legacy code page:
            // Excel's "CSV (Comma delimited)" on Windows writes Windows-1252, where é, ü and the
            // typographic dashes and quotes are single bytes.
            TextEncoding::Utf8
                if std::str::from_utf8(body).is_err() && looks_windows_1252(body) =>
            {
                (
                    TextEncoding::Windows1252,
                    Cow::Owned(windows_1252(body)),
                    false,
                )
            }
            TextEncoding::Utf8 | TextEncoding::Utf8Bom | TextEncoding::Windows1252 => {
                match String::from_utf8_lossy(body) {
                    Cow::Borrowed(s) => (encoding, Cow::Borrowed(s), false),
                    Cow::Owned(s) => (encoding, Cow::Owned(s), true),
                }
            }
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
                let (text, had_errors) = utf16(body, encoding == TextEncoding::Utf16Be);
                (encoding, Cow::Owned(text), had_errors)
            }
        };
        let replaced = if had_errors {
            text.chars().filter(|&c| c == '\u{FFFD}').count()
        } else {
            0
        };
        Decoded {
            text,
            encoding,
            replaced,
        }
    }

    /// Why the bytes are no CSV or text export (a workbook, an image, an empty file, JSON), as
    /// the not-an-SoA message; `None` for text worth reading as CSV.
    pub(super) fn not_an_export(&self, input: &[u8]) -> Option<String> {
        let looks_like =
            |what: &str| format!("this looks like {what}, not a CSV or text export; {SAVE_AS_CSV}");
        if let Some(what) = binary_signature(input) {
            return Some(looks_like(what));
        }
        if self.text.trim_matches(is_blank).is_empty() {
            return Some("the file is empty".to_string());
        }
        // JSON, HTML and XML are text too, and a JSON object keyed by ids (`"A.5.15": "No",`)
        // even parses as CSV cells holding ids, which would import every control as
        // implemented. Naming the format is the clearer answer.
        text_document_kind(&self.text).map(looks_like)
    }

    /// True when the text is probably not text at all (NULs, or many replaced bytes); it only
    /// words the not-an-SoA message.
    pub(super) fn looks_binary(&self) -> bool {
        self.text.contains('\0') || self.replaced * 20 > self.text.len().max(1)
    }

    /// The one problem reporting how the bytes were read when it was not plain UTF-8 or UTF-16:
    /// replaced bytes, at the line of the first replacement, or the legacy code page, at the
    /// line of the first letter it decided (so the user can check that line reads right).
    pub(super) fn replacement_problem(&self) -> Option<Problem> {
        if self.encoding == TextEncoding::Windows1252 {
            let first = self.text.find(|c: char| !c.is_ascii()).unwrap_or(0);
            let line_start = self.text[..first].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let sample: String = self.text[line_start..]
                .split(['\n', '\r'])
                .next()
                .unwrap_or_default()
                .chars()
                .take(60)
                .collect();
            return Some(Problem::at(
                1 + line_breaks(self.text.as_bytes(), 0, first),
                ProblemKind::Encoding,
                format!(
                    "the file is not UTF-8; it was read as Windows-1252 (what Excel's \"CSV (Comma delimited)\" writes on Windows): check that accented letters read right, as in \"{sample}\"; if they do not, save the file as \"CSV UTF-8\" and import it again"
                ),
            ));
        }
        if self.replaced == 0 {
            return None;
        }
        let first = self.text.find('\u{FFFD}').unwrap_or(0);
        Some(Problem::at(
            1 + line_breaks(self.text.as_bytes(), 0, first),
            ProblemKind::Encoding,
            format!(
                "the file is not valid {}; {} invalid byte sequence(s) were replaced with \u{FFFD}, starting here",
                encoding_name(self.encoding),
                self.replaced
            ),
        ))
    }
}

/// Decodes an SoA file's bytes as the importer does (UTF-8 with or without BOM, UTF-16 with or
/// without BOM, Windows-1252), for front ends that keep the text rather than the bytes. Returns the text
/// (without a BOM), the encoding it was read as, and how many characters had to be replaced.
pub fn decode_text(input: &[u8]) -> (String, TextEncoding, usize) {
    let Decoded {
        text,
        encoding,
        replaced,
    } = Decoded::new(input);
    (text.into_owned(), encoding, replaced)
}

/// Whether bytes that are not UTF-8 read as Windows-1252 text: no well-formed multi-byte
/// UTF-8 sequence (then the file is damaged UTF-8, not a legacy code page), no control bytes
/// other than tab and line breaks (then it is garbage in any code page), and most high bytes
/// read as what Windows-1252 text holds: punctuation and symbols (dashes, quotes, °, §), or
/// letters inside words (`für`, `accès`). A lone `Ã(` or `ÿ,` is damaged UTF-8.
fn looks_windows_1252(body: &[u8]) -> bool {
    let has_utf8_sequence = body.utf8_chunks().any(|c| !c.valid().is_ascii());
    let has_controls = body
        .iter()
        .any(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F);
    if has_utf8_sequence || has_controls {
        return false;
    }
    let letter = |b: Option<&u8>| {
        b.is_some_and(|&b| b.is_ascii_alphabetic() || (b >= 0xC0 && b != 0xD7 && b != 0xF7))
    };
    let (mut high, mut plausible) = (0_usize, 0_usize);
    for (i, &b) in body.iter().enumerate() {
        if b < 0x80 {
            continue;
        }
        high += 1;
        let fits = match b {
            // The five bytes Windows-1252 leaves undefined.
            0x81 | 0x8D | 0x8F | 0x90 | 0x9D => false,
            0x80..=0xBF | 0xD7 | 0xF7 => true,
            _ => letter(i.checked_sub(1).and_then(|j| body.get(j))) || letter(body.get(i + 1)),
        };
        plausible += usize::from(fits);
    }
    plausible * 2 > high
}

/// Windows-1252 to text. Bytes 0x80-0x9F are the code page's punctuation and letters; the five
/// it leaves undefined map to the C1 controls of the same value, as the WHATWG Encoding
/// Standard does; every other byte is the Latin-1 character of the same value.
fn windows_1252(body: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    body.iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// UTF-16 code units to text, unpaired surrogates and an odd last byte replaced by U+FFFD; the
/// flag says whether anything was.
fn utf16(body: &[u8], big_endian: bool) -> (String, bool) {
    let units = body.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let odd_byte = body.len() % 2 == 1;
    if odd_byte {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let had_errors = odd_byte || text.contains(char::REPLACEMENT_CHARACTER);
    (text, had_errors)
}

/// UTF-16 without a byte order mark: ASCII-heavy text has a NUL in every other byte.
fn sniff_utf16(input: &[u8]) -> Option<TextEncoding> {
    let sample = &input[..input.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let nul_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let nul_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // At least 30% NULs on one side and almost none on the other: text, not binary.
    if nul_odd * 10 >= pairs * 3 && nul_even * 20 < pairs {
        Some(TextEncoding::Utf16Le)
    } else if nul_even * 10 >= pairs * 3 && nul_odd * 20 < pairs {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Binary formats people pick by mistake, recognised by their first bytes.
fn binary_signature(input: &[u8]) -> Option<&'static str> {
    if input.starts_with(b"PK\x03\x04") {
        Some("an Excel workbook (.xlsx) or another zip file")
    } else if input.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some("a legacy Excel workbook (.xls)")
    } else if input.starts_with(b"%PDF") {
        Some("a PDF document")
    } else if input.starts_with(b"\x89PNG\r\n\x1a\n")
        || input.starts_with(b"\xFF\xD8\xFF")
        || input.starts_with(b"GIF8")
    {
        // Screenshots of the SoA get picked by mistake often enough to name them.
        Some("an image (PNG, JPEG or GIF)")
    } else {
        None
    }
}

/// Text formats that are not CSV, recognised by their opening (and, for JSON, by parsing).
fn text_document_kind(text: &str) -> Option<&'static str> {
    let start = text.trim_start_matches(is_blank);
    let head: String = start
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<?xml") {
        Some("an XML document (perhaps an Excel \"XML Spreadsheet\")")
    } else if head.starts_with("<!doctype html") || head.starts_with("<html") {
        Some("an HTML page")
    } else if (start.starts_with('{') || start.starts_with('['))
        && serde_json::from_str::<serde::de::IgnoredAny>(text.trim_matches(is_blank)).is_ok()
    {
        // Only a document that parses as a whole: a CSV title row such as `[Draft] SoA` is not.
        Some("a JSON document")
    } else {
        None
    }
}

fn encoding_name(e: TextEncoding) -> &'static str {
    match e {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => "UTF-8",
        TextEncoding::Utf16Le => "UTF-16LE",
        TextEncoding::Utf16Be => "UTF-16BE",
        TextEncoding::Windows1252 => "Windows-1252",
    }
}
