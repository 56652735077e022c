//! The corpus files compiled in, so the browser tests (which have no file system) run the same
//! inputs as the native ones; a native test checks this list against the manifest and the disk.

/// Every SoA file of `soa/expected.csv`, with its bytes.
pub const SOA_FILES: &[(&str, &[u8])] = &[
    ("all_excluded.csv", include_bytes!("soa/all_excluded.csv")),
    (
        "all_statuses_unknown.csv",
        include_bytes!("soa/all_statuses_unknown.csv"),
    ),
    ("bare_ids.txt", include_bytes!("soa/bare_ids.txt")),
    ("bidi_override.csv", include_bytes!("soa/bidi_override.csv")),
    (
        "binary_garbage.bin",
        include_bytes!("soa/binary_garbage.bin"),
    ),
    ("bom_only.csv", include_bytes!("soa/bom_only.csv")),
    (
        "clause_headings_only.csv",
        include_bytes!("soa/clause_headings_only.csv"),
    ),
    ("cr_only.csv", include_bytes!("soa/cr_only.csv")),
    ("duplicate_ids.csv", include_bytes!("soa/duplicate_ids.csv")),
    ("empty.csv", include_bytes!("soa/empty.csv")),
    ("formulas.csv", include_bytes!("soa/formulas.csv")),
    ("header_only.csv", include_bytes!("soa/header_only.csv")),
    (
        "header_repeated.csv",
        include_bytes!("soa/header_repeated.csv"),
    ),
    (
        "header_without_id_column.csv",
        include_bytes!("soa/header_without_id_column.csv"),
    ),
    ("html_script.csv", include_bytes!("soa/html_script.csv")),
    ("html_table.html", include_bytes!("soa/html_table.html")),
    (
        "ids_beyond_column_256.csv",
        include_bytes!("soa/ids_beyond_column_256.csv"),
    ),
    (
        "ids_wrong_shapes.csv",
        include_bytes!("soa/ids_wrong_shapes.csv"),
    ),
    ("json_array.json", include_bytes!("soa/json_array.json")),
    ("json_object.json", include_bytes!("soa/json_object.json")),
    (
        "latin1_windows1252.csv",
        include_bytes!("soa/latin1_windows1252.csv"),
    ),
    ("legacy_xls.xls", include_bytes!("soa/legacy_xls.xls")),
    (
        "mixed_editions.csv",
        include_bytes!("soa/mixed_editions.csv"),
    ),
    (
        "nbsp_zero_width.csv",
        include_bytes!("soa/nbsp_zero_width.csv"),
    ),
    (
        "newline_in_id_cell.csv",
        include_bytes!("soa/newline_in_id_cell.csv"),
    ),
    (
        "no_line_breaks.csv",
        include_bytes!("soa/no_line_breaks.csv"),
    ),
    ("nul_in_fields.csv", include_bytes!("soa/nul_in_fields.csv")),
    (
        "odd_headers_free_text.csv",
        include_bytes!("soa/odd_headers_free_text.csv"),
    ),
    (
        "only_delimiters.csv",
        include_bytes!("soa/only_delimiters.csv"),
    ),
    (
        "partial_14_rows.csv",
        include_bytes!("soa/partial_14_rows.csv"),
    ),
    ("pdf_signature.pdf", include_bytes!("soa/pdf_signature.pdf")),
    ("png_header.png", include_bytes!("soa/png_header.png")),
    ("prose.txt", include_bytes!("soa/prose.txt")),
    (
        "row_300_columns.csv",
        include_bytes!("soa/row_300_columns.csv"),
    ),
    (
        "row_only_delimiters.csv",
        include_bytes!("soa/row_only_delimiters.csv"),
    ),
    (
        "semicolon_decimal_commas.csv",
        include_bytes!("soa/semicolon_decimal_commas.csv"),
    ),
    (
        "sep_hint_comma.csv",
        include_bytes!("soa/sep_hint_comma.csv"),
    ),
    ("statuses_only.csv", include_bytes!("soa/statuses_only.csv")),
    (
        "tab_quoted_tabs.tsv",
        include_bytes!("soa/tab_quoted_tabs.tsv"),
    ),
    (
        "trailing_garbage.csv",
        include_bytes!("soa/trailing_garbage.csv"),
    ),
    (
        "unbalanced_quote_mid.csv",
        include_bytes!("soa/unbalanced_quote_mid.csv"),
    ),
    (
        "unbalanced_quote_start.csv",
        include_bytes!("soa/unbalanced_quote_start.csv"),
    ),
    (
        "unknown_ids_only.csv",
        include_bytes!("soa/unknown_ids_only.csv"),
    ),
    ("utf16be_bom.txt", include_bytes!("soa/utf16be_bom.txt")),
    (
        "utf16le_no_bom.txt",
        include_bytes!("soa/utf16le_no_bom.txt"),
    ),
    (
        "utf16le_odd_length.txt",
        include_bytes!("soa/utf16le_odd_length.txt"),
    ),
    (
        "utf8_invalid_bytes.csv",
        include_bytes!("soa/utf8_invalid_bytes.csv"),
    ),
    (
        "xlsx_signature.xlsx",
        include_bytes!("soa/xlsx_signature.xlsx"),
    ),
    (
        "xml_spreadsheet.xml",
        include_bytes!("soa/xml_spreadsheet.xml"),
    ),
];

/// Saved states that must be refused, with a phrase the refusal must contain.
pub const BAD_STATES: &[(&str, &[u8], &str)] = &[
    (
        "truncated.json",
        include_bytes!("state/truncated.json"),
        "not valid JSON (line 1",
    ),
    (
        "future_version.json",
        include_bytes!("state/future_version.json"),
        "has version 4; this app reads versions 1 to 3",
    ),
    (
        "version_zero.json",
        include_bytes!("state/version_zero.json"),
        "has version 0",
    ),
    (
        "no_version.json",
        include_bytes!("state/no_version.json"),
        "has no version",
    ),
    (
        "version_string.json",
        include_bytes!("state/version_string.json"),
        "version is \"1\", not a whole number",
    ),
    (
        "version_overflow.json",
        include_bytes!("state/version_overflow.json"),
        "not valid JSON",
    ),
    (
        "wrong_type_bool.json",
        include_bytes!("state/wrong_type_bool.json"),
        "expected fields: invalid type: string \"yes\", expected a boolean",
    ),
    (
        "huge_number.json",
        include_bytes!("state/huge_number.json"),
        "expected fields: invalid type: floating point",
    ),
    (
        "negative_count.json",
        include_bytes!("state/negative_count.json"),
        "expected fields: invalid value: integer `-5`",
    ),
    (
        "bad_status.json",
        include_bytes!("state/bad_status.json"),
        "`maybe` is not an answer",
    ),
    (
        "bad_view.json",
        include_bytes!("state/bad_view.json"),
        "unknown variant `sideways`",
    ),
    (
        "bad_solicitation.json",
        include_bytes!("state/bad_solicitation.json"),
        "`L9-moon` is not a CMMC level requirement",
    ),
    (
        "bad_assumption.json",
        include_bytes!("state/bad_assumption.json"),
        "expected fields: invalid type: string \"cheap\"",
    ),
    (
        "unknown_field.json",
        include_bytes!("state/unknown_field.json"),
        "unknown field `surprise`",
    ),
    (
        "array.json",
        include_bytes!("state/array.json"),
        "not an object",
    ),
    ("empty.json", include_bytes!("state/empty.json"), "is empty"),
    (
        "bad_objective_id.json",
        include_bytes!("state/bad_objective_id.json"),
        "\"3.1.1[A]\" is not an assessment objective id",
    ),
    (
        "bad_objective_answer.json",
        include_bytes!("state/bad_objective_answer.json"),
        "unknown variant `partial`, expected one of `met`, `not-met`, `not-applicable`",
    ),
    (
        "bad_poam_date.json",
        include_bytes!("state/bad_poam_date.json"),
        "expected fields:",
    ),
    (
        "prose.json",
        include_bytes!("state/prose.json"),
        "not valid JSON",
    ),
    (
        "binary.json",
        include_bytes!("state/binary.json"),
        "not valid JSON",
    ),
];
