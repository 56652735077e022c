//! Cell text: the blanks trimmed from every cell (NBSP and zero-width characters too), header
//! words normalised for matching, and cells quoted safely for a problem's message.

/// Whitespace, and the invisible characters spreadsheets leave in cells (BOM, zero-width).
pub(super) fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// Trims whitespace including NBSP and zero-width characters.
pub(super) fn clean(s: &str) -> &str {
    s.trim_matches(is_blank)
}

/// Lowercase with runs of whitespace collapsed to one space.
pub(super) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_blank).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// Quotes a cell for a message, shortened so one huge cell cannot flood the problem list.
/// Control characters (a line break or NUL inside a quoted cell) and bidirectional overrides are
/// escaped (`\n`, `\u{202e}`), so a message stays on one line and reads in its true order: the
/// command line prints it as its one-line reason, and a hostile cell must not reorder or split it.
pub(super) fn quote(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    for c in chars.by_ref().take(60) {
        let hidden = c.is_control()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2028}' | '\u{2029}' | '\u{2066}'..='\u{2069}');
        if hidden {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    format!("\"{out}\"")
}
