//! Physical lines, counted the one way the importer cites them: LF, CRLF and a lone CR each end
//! a line (old Mac Excel's "CSV (Macintosh)" export ends lines with CR only, and the csv reader
//! splits records there too).

/// The physical lines of a file as the importer counts them: one more than its line breaks.
///
/// Every line an [`SoaImport`](super::SoaImport) cites, for a row or a problem, is at most
/// `line_count` of the bytes it was imported from, so tests and fuzz targets check cited lines
/// against it. Counted on raw bytes, a UTF-16 file counts more breaks than it has (the CR and LF
/// of a CRLF are not adjacent bytes, and other characters may hold their bytes), which keeps
/// it an upper bound.
pub fn line_count(bytes: &[u8]) -> usize {
    1 + line_breaks(bytes, 0, bytes.len())
}

/// Line breaks in `bytes[from..to]`. A CR is a break unless an LF follows it, looking past `to`
/// if need be, so counting a file piece by piece gives the same total as counting it whole.
pub(super) fn line_breaks(bytes: &[u8], from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&i| match bytes[i] {
            b'\n' => true,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            _ => false,
        })
        .count()
}
