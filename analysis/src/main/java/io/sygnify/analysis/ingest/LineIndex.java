package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.CancellationToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Physical lines of a file, as a person sees them in an editor: a line ends at {@code \n}, {@code \r\n} or a lone
 * {@code \r}. DuckDB reports rows by record number and byte offset; this turns offsets into line numbers.
 */
final class LineIndex {

    private static final int BUFFER = 1 << 20;

    private LineIndex() {
    }

    /**
     * The 1-based line on which each byte offset lies, reading the file once up to the largest offset.
     *
     * @param sortedOffsets byte offsets in ascending order
     */
    static long[] linesAt(Path file, long[] sortedOffsets, CancellationToken cancel)
            throws IOException, AnalysisCancelledException {
        long[] lines = new long[sortedOffsets.length];
        if (sortedOffsets.length == 0) {
            return lines;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            long position = 0;
            long line = 1;
            int next = 0;
            boolean previousCr = false;
            int read;
            while (next < sortedOffsets.length && (read = in.read(buffer)) > 0) {
                if (cancel.isCancelled()) {
                    throw new AnalysisCancelledException("The analysis was cancelled.");
                }
                for (int i = 0; i < read && next < sortedOffsets.length; i++, position++) {
                    while (next < sortedOffsets.length && sortedOffsets[next] <= position) {
                        lines[next++] = line;
                    }
                    byte b = buffer[i];
                    if (b == '\n') {
                        line += previousCr ? 0 : 1;
                    } else if (b == '\r') {
                        line++;
                    }
                    previousCr = b == '\r';
                }
            }
            while (next < sortedOffsets.length) {
                lines[next++] = line;
            }
        }
        return lines;
    }

    /** Byte offset just past the line break that ends the line containing {@code offset}, or the file size. */
    static long nextLineStart(Path file, long offset) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            byte[] buffer = new byte[64 * 1024];
            long position = offset;
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++, position++) {
                    if (buffer[i] == '\n') {
                        return position + 1;
                    }
                    if (buffer[i] == '\r') {
                        boolean crlf = i + 1 < read ? buffer[i + 1] == '\n' : in.read() == '\n';
                        return position + (crlf ? 2 : 1);
                    }
                }
            }
            return position;
        }
    }

    /** The text of the line starting at {@code offset}, at most {@code maxBytes} bytes of it, as UTF-8. */
    static String lineText(Path file, long offset, int maxBytes) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            byte[] buffer = new byte[maxBytes];
            int length = Math.max(0, in.read(buffer));
            int end = 0;
            while (end < length && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            return new String(buffer, 0, end, StandardCharsets.UTF_8);
        }
    }
}
