package io.sygnify.analysis;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Chooses how to decode a file from its first bytes: a byte order mark wins; otherwise UTF-8 when the
 * sample is valid UTF-8, else ISO-8859-1 (with a warning). A NUL byte without a UTF-16 byte order mark
 * means the file is binary.
 */
final class EncodingDetector {

    /** The chosen encoding, how many bytes of byte order mark precede the text, and a note for the report. */
    record Detection(TextEncoding encoding, int bomLength, Optional<String> warning) {
    }

    private EncodingDetector() {
    }

    /**
     * @param sample    the first bytes of the file
     * @param wholeFile whether {@code sample} is the whole file (else a multi-byte character may be cut at its end)
     */
    static Detection detect(byte[] sample, boolean wholeFile) throws AnalysisException {
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            return new Detection(TextEncoding.UTF_8, 3, Optional.empty());
        }
        if (startsWith(sample, 0xFF, 0xFE)) {
            return new Detection(TextEncoding.UTF_16LE, 2, Optional.empty());
        }
        if (startsWith(sample, 0xFE, 0xFF)) {
            throw new AnalysisException(AnalysisException.UNSUPPORTED_ENCODING,
                    "The file is UTF-16 big-endian, which the engine cannot read. Save it as UTF-8 and upload it again.");
        }
        for (int offset = 0; offset < sample.length; offset++) {
            if (sample[offset] == 0) {
                long line = lineAt(sample, offset);
                throw new AnalysisException(AnalysisException.NOT_TEXT, String.format(
                        "The file is not text: byte 0x00 at line %d, byte offset %d. It looks like a binary file "
                                + "(a spreadsheet, archive or image); export it as CSV and upload that.",
                        line, offset), line);
            }
        }
        int invalidAt = firstInvalidUtf8(sample, wholeFile);
        if (invalidAt < 0) {
            return new Detection(TextEncoding.UTF_8, 0, Optional.empty());
        }
        return new Detection(TextEncoding.LATIN_1, 0, Optional.of(String.format(
                "The file is not valid UTF-8 (byte 0x%02X at line %d, byte offset %d), so it was read as ISO-8859-1 "
                        + "(Latin-1). If accented letters look wrong, save the file as UTF-8 and upload it again.",
                sample[invalidAt] & 0xFF, lineAt(sample, invalidAt), invalidAt)));
    }

    /** Offset of the first byte that is not valid UTF-8, or -1. */
    private static int firstInvalidUtf8(byte[] sample, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length);
        CoderResult result = decoder.decode(in, out, wholeFile);
        return result.isError() ? in.position() : -1;
    }

    static long lineAt(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
