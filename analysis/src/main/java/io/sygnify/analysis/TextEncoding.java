package io.sygnify.analysis;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The encodings the engine reads, with the name DuckDB's {@code read_csv(encoding=...)} knows them by. */
enum TextEncoding {
    UTF_8("UTF-8", StandardCharsets.UTF_8, "utf-8"),
    // DuckDB's 'utf-16' is little-endian only; big-endian files are refused by EncodingDetector
    UTF_16LE("UTF-16LE", StandardCharsets.UTF_16LE, "utf-16"),
    LATIN_1("ISO-8859-1", StandardCharsets.ISO_8859_1, "latin-1");

    /** Name shown in {@link DatasetSummary#encoding()}. */
    final String label;
    final Charset charset;
    final String duckDbName;

    TextEncoding(String label, Charset charset, String duckDbName) {
        this.label = label;
        this.charset = charset;
        this.duckDbName = duckDbName;
    }
}
