package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Chooses how to decode a file from its first bytes: a byte order mark wins; otherwise UTF-8 when the
 * sample is valid UTF-8, else Windows-1252 or ISO-8859-1 (with a warning). A NUL byte without a UTF-16 byte
 * order mark means the file is binary.
 */
public final class EncodingDetector {

    /**
     * The chosen encoding, how many bytes of byte order mark precede the text, whether the sample held only ASCII
     * (so a later non-UTF-8 byte says more about the file than the sample does), and, when the file was found not
     * to be UTF-8, where (e.g. {@code byte 0xE9 at line 2, byte offset 13}).
     */
    record Detection(TextEncoding encoding, int bomLength, boolean asciiOnly, Optional<String> notUtf8Evidence) {
    }

    private EncodingDetector() {
    }

    /**
     * @param sample    the first bytes of the file
     * @param wholeFile whether {@code sample} is the whole file (else a multi-byte character may be cut at its end)
     */
    static Detection detect(byte[] sample, boolean wholeFile) throws AnalysisException {
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            return new Detection(TextEncoding.UTF_8, 3, false, Optional.empty());
        }
        if (startsWith(sample, 0xFF, 0xFE)) {
            return new Detection(TextEncoding.UTF_16LE, 2, false, Optional.empty());
        }
        if (startsWith(sample, 0xFE, 0xFF)) {
            return new Detection(TextEncoding.UTF_16BE, 2, false, Optional.empty());
        }
        boolean ascii = true;
        for (int offset = 0; offset < sample.length; offset++) {
            if (sample[offset] == 0) {
                long line = lineAt(sample, offset);
                throw new AnalysisException(AnalysisException.NOT_TEXT, String.format(
                        "The file is not text: byte 0x00 at line %d, byte offset %d. It looks like a binary file "
                                + "(a spreadsheet, archive or image); export it as CSV and upload that.",
                        line, offset), line);
            }
            ascii &= sample[offset] > 0;
        }
        int invalidAt = firstInvalidUtf8(sample, wholeFile);
        if (invalidAt < 0) {
            return new Detection(TextEncoding.UTF_8, 0, ascii, Optional.empty());
        }
        int[] counts = utf8Counts(sample, wholeFile);
        if (counts[0] > counts[1]) {
            // mostly valid UTF-8 with a few broken bytes: UTF-8 it is, and the rows with broken bytes are rejected
            return new Detection(TextEncoding.UTF_8, 0, false, Optional.empty());
        }
        TextEncoding single = hasWindowsOnlyBytes(sample) ? TextEncoding.WINDOWS_1252 : TextEncoding.LATIN_1;
        return new Detection(single, 0, false, Optional.of(String.format("byte 0x%02X at line %d, byte offset %d",
                sample[invalidAt] & 0xFF, lineAt(sample, invalidAt), invalidAt)));
    }

    /** The report's warning for a file read in a single-byte encoding because it is not UTF-8. */
    public static String notUtf8Warning(String evidence, TextEncoding encoding) {
        String name = encoding == TextEncoding.LATIN_1 ? "ISO-8859-1 (Latin-1)" : encoding.label;
        return "The file is not valid UTF-8 (" + evidence + "), so it was read as " + name
                + ". If accented letters look wrong, save the file as UTF-8 and upload it again.";
    }

    /** Bytes 0x80-0x9F are control codes in ISO-8859-1 but letters and punctuation (€ ’ “) in Windows-1252. */
    static boolean hasWindowsOnlyBytes(byte[] bytes) {
        for (byte b : bytes) {
            int value = b & 0xFF;
            if (value >= 0x80 && value <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    /** Valid non-ASCII characters and malformed byte sequences in the sample, read as UTF-8. */
    private static int[] utf8Counts(byte[] sample, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length);
        int valid = 0;
        int invalid = 0;
        while (true) {
            int start = out.position();
            CoderResult result = decoder.decode(in, out, wholeFile);
            for (int i = start; i < out.position(); i++) {
                valid += out.get(i) >= 0x80 ? 1 : 0;
            }
            if (result.isError()) {
                invalid++;
                in.position(in.position() + result.length());
            } else {
                return new int[] {valid, invalid};
            }
        }
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
