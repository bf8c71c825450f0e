package io.sygnify.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The first 64 KiB of a file, checked before DuckDB sees it: empty files, binary files and the encoding
 * are decided here, where the messages can be precise.
 *
 * @param size     file size in bytes
 * @param encoding how to decode the file
 * @param text     the decoded sample, without byte order mark
 * @param complete whether {@code text} is the whole file
 * @param warnings notes for the report, e.g. that the file was read as Latin-1
 */
record FileHead(long size, TextEncoding encoding, String text, boolean complete, List<String> warnings) {

    static final int SAMPLE_BYTES = 64 * 1024;

    // git calls a file binary on one NUL byte; text without NULs but this dense in control characters is
    // still not a table DuckDB would read sensibly (random bytes have ~10 %, real text ~0 %)
    private static final double MAX_CONTROL_SHARE = 0.01;

    static FileHead read(Path file) throws AnalysisException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] sample = in.readNBytes(SAMPLE_BYTES);
            boolean complete = sample.length == size;
            EncodingDetector.Detection detection = EncodingDetector.detect(sample, complete);
            String text = new String(Arrays.copyOfRange(sample, detection.bomLength(), sample.length),
                    detection.encoding().charset);
            if (text.isBlank() && (complete || restIsBlank(in))) {
                throw new AnalysisException(AnalysisException.EMPTY_FILE,
                        "The file is empty: it has no header and no data rows.");
            }
            rejectControlCharacters(text);
            return new FileHead(size, detection.encoding(), text, complete, detection.warning().stream().toList());
        } catch (IOException e) {
            throw new AnalysisException(AnalysisException.UNREADABLE_FILE,
                    "The file cannot be read: " + e.getMessage(), null, e);
        }
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
}
