package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first 64 KiB of a file, checked before DuckDB sees it: empty files, binary files and the encoding
 * are decided here, where the messages can be precise.
 *
 * @param size     file size in bytes
 * @param encoding how to decode the file
 * @param text     the decoded sample, without byte order mark
 * @param complete whether {@code text} is the whole file
 * @param bomLength bytes of byte order mark before the text
 * @param asciiOnly whether the sample holds only ASCII bytes
 * @param notUtf8Evidence where the sample stops being UTF-8, when it does
 */
public record FileHead(long size, TextEncoding encoding, String text, boolean complete, int bomLength, boolean asciiOnly,
                Optional<String> notUtf8Evidence) {

    static final int SAMPLE_BYTES = 64 * 1024;
    // a sample should hold a few whole lines: very wide files (10,000 columns) get a larger one
    private static final int SAMPLE_LINES = 10;
    private static final int MAX_SAMPLE_BYTES = 8 * 1024 * 1024;

    // git calls a file binary on one NUL byte; text without NULs but this dense in control characters is
    // still not a table DuckDB would read sensibly (random bytes have ~10 %, real text ~0 %)
    private static final double MAX_CONTROL_SHARE = 0.01;

    public static FileHead read(Path file) throws AnalysisException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] sample = sample(in);
            boolean complete = sample.length == size;
            return read(sample, complete, size, EncodingDetector.detect(sample, complete), in);
        } catch (IOException e) {
            throw new AnalysisException(AnalysisException.UNREADABLE_FILE,
                    "The file cannot be read: " + e.getMessage(), null, e);
        }
    }

    /** The same file read again in a given single-byte encoding, after UTF-8 turned out wrong beyond the sample. */
    public static FileHead readAs(Path file, TextEncoding encoding, String evidence) throws AnalysisException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] sample = sample(in);
            return read(sample, sample.length == size, size,
                    new EncodingDetector.Detection(encoding, 0, false, Optional.of(evidence)), in);
        } catch (IOException e) {
            throw new AnalysisException(AnalysisException.UNREADABLE_FILE,
                    "The file cannot be read: " + e.getMessage(), null, e);
        }
    }

    /** The first 64 KiB, or more (up to 8 MiB) until it holds {@value #SAMPLE_LINES} line breaks. */
    private static byte[] sample(InputStream in) throws IOException {
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        while (sample.length < MAX_SAMPLE_BYTES && lineBreaks(sample) < SAMPLE_LINES) {
            byte[] more = in.readNBytes(sample.length);
            if (more.length == 0) {
                break;
            }
            byte[] joined = Arrays.copyOf(sample, sample.length + more.length);
            System.arraycopy(more, 0, joined, sample.length, more.length);
            sample = joined;
        }
        return sample;
    }

    private static int lineBreaks(byte[] bytes) {
        int count = 0;
        for (byte b : bytes) {
            count += b == '\n' ? 1 : 0;
        }
        return count;
    }

    private static FileHead read(byte[] sample, boolean complete, long size, EncodingDetector.Detection detection,
                                 InputStream in) throws AnalysisException, IOException {
        String text = new String(Arrays.copyOfRange(sample, detection.bomLength(), sample.length),
                detection.encoding().charset);
        if (text.isBlank() && (complete || restIsBlank(in))) {
            throw new AnalysisException(AnalysisException.EMPTY_FILE,
                    "The file is empty: it has no header and no data rows.");
        }
        rejectControlCharacters(text);
        return new FileHead(size, detection.encoding(), text, complete, detection.bomLength(),
                detection.asciiOnly(), detection.notUtf8Evidence());
    }

    private static boolean restIsBlank(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static void rejectControlCharacters(String text) throws AnalysisException {
        int count = 0;
        int first = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
                count++;
                first = first < 0 ? i : first;
            }
        }
        if (count > text.length() * MAX_CONTROL_SHARE) {
            long line = text.substring(0, first).chars().filter(c -> c == '\n').count() + 1;
            throw new AnalysisException(AnalysisException.NOT_TEXT, String.format(
                    "The file is not text: %d of its first %,d characters are control characters "
                            + "(the first, 0x%02X, at line %d).",
                    count, text.length(), (int) text.charAt(first), line), line);
        }
    }

    /** {@code LF}, {@code CRLF}, {@code CR} or {@code mixed}, from the sample; {@code LF} when it has no line break. */
    public String lineEnding() {
        int lf = 0;
        int crlf = 0;
        int cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                boolean pair = i + 1 < text.length() && text.charAt(i + 1) == '\n';
                crlf += pair ? 1 : 0;
                cr += pair ? 0 : 1;
                i += pair ? 1 : 0;
            } else if (c == '\n') {
                lf++;
            }
        }
        int kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
        if (kinds > 1) {
            return "mixed";
        }
        return crlf > 0 ? "CRLF" : cr > 0 ? "CR" : "LF";
    }
}
