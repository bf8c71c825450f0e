package io.sygnify.analysis.ingest;

import io.sygnify.analysis.report.DatasetSummary;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The encodings the engine reads. DuckDB reads only UTF-8 here: a file in any other encoding is first
 * transcoded to a UTF-8 copy by {@link Transcoder}, line for line, so line numbers stay those of the original.
 */
public enum TextEncoding {
    UTF_8("UTF-8", StandardCharsets.UTF_8),
    UTF_16LE("UTF-16LE", StandardCharsets.UTF_16LE),
    UTF_16BE("UTF-16BE", StandardCharsets.UTF_16BE),
    // Windows-1252 is Latin-1 plus printable characters (€ ’ “ …) where Latin-1 has C1 control codes 0x80-0x9F,
    // so both are decoded as Windows-1252 and named after what the bytes show
    WINDOWS_1252("windows-1252", Charset.forName("windows-1252")),
    LATIN_1("ISO-8859-1", Charset.forName("windows-1252"));

    /** Name shown in {@link DatasetSummary#encoding()}. */
    public final String label;
    public final Charset charset;

    TextEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }
}
