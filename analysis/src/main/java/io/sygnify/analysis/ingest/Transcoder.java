package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.CancellationToken;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of a file that DuckDB can read: UTF-8 (its own UTF-16 reader is little-endian only and it has no
 * Windows-1252) with every line ending a {@code \n} (its parser stops on a file that mixes {@code \r\n} and
 * {@code \n}). Characters and line breaks map one to one, so lines and their numbers are those of the original;
 * the byte order mark is dropped. Bytes that mean nothing in the encoding become U+FFFD; a UTF-8 file is copied
 * byte for byte, so its invalid bytes stay for DuckDB to reject.
 */
public final class Transcoder implements AutoCloseable {

    private static final int CHECK_CANCEL_EVERY = 256;

    private final Path copy;
    private final boolean windowsBytesSeen;

    private Transcoder(Path copy, boolean windowsBytesSeen) {
        this.copy = copy;
        this.windowsBytesSeen = windowsBytesSeen;
    }

    /** Copies {@code file} into a new file in {@code tempDirectory}. */
    public static Transcoder toUtf8(Path file, TextEncoding encoding, int bomLength, Path tempDirectory,
                             CancellationToken cancel) throws IOException, AnalysisCancelledException {
        Files.createDirectories(tempDirectory);
        Path copy = Files.createTempFile(tempDirectory.toAbsolutePath(), "utf8-", ".csv");
        boolean[] windowsBytes = {false};
        try {
            if (encoding == TextEncoding.UTF_8) {
                copyBytes(file, copy, cancel);
            } else {
                copyChars(file, encoding, bomLength, copy, windowsBytes, cancel);
            }
        } catch (IOException | AnalysisCancelledException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new Transcoder(copy, windowsBytes[0]);
    }

    private static void copyBytes(Path file, Path copy, CancellationToken cancel)
            throws IOException, AnalysisCancelledException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(copy), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            boolean pendingCr = false;
            long chunks = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (pendingCr && b == '\n') {
                        pendingCr = false;
                        continue; // the \r already wrote the line break
                    }
                    pendingCr = b == '\r';
                    out.write(pendingCr ? '\n' : b);
                }
                checkCancel(++chunks, cancel);
            }
        }
    }

    private static void copyChars(Path file, TextEncoding encoding, int bomLength, Path copy, boolean[] windowsBytes,
                                  CancellationToken cancel) throws IOException, AnalysisCancelledException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream bytes = new WindowsByteWatcher(raw, windowsBytes);
             Reader in = new InputStreamReader(bytes, encoding.charset);
             Writer out = new OutputStreamWriter(Files.newOutputStream(copy), StandardCharsets.UTF_8)) {
            bytes.skipNBytes(bomLength);
            char[] buffer = new char[1 << 16];
            boolean pendingCr = false;
            long chunks = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                int kept = 0;
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (pendingCr && c == '\n') {
                        pendingCr = false;
                        continue;
                    }
                    pendingCr = c == '\r';
                    buffer[kept++] = pendingCr ? '\n' : c;
                }
                out.write(buffer, 0, kept);
                checkCancel(++chunks, cancel);
            }
        }
    }

    private static void checkCancel(long chunks, CancellationToken cancel) throws AnalysisCancelledException {
        if (chunks % CHECK_CANCEL_EVERY == 0 && cancel.isCancelled()) {
            throw new AnalysisCancelledException("The analysis was cancelled.");
        }
    }

    public Path path() {
        return copy;
    }

    /** Whether the original had bytes 0x80-0x9F, which only Windows-1252 (not Latin-1) gives meaning to. */
    public boolean windowsBytesSeen() {
        return windowsBytesSeen;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(copy);
    }

    /** Notes whether any byte 0x80-0x9F passes through. */
    private static final class WindowsByteWatcher extends java.io.FilterInputStream {
        private final boolean[] seen;

        WindowsByteWatcher(InputStream in, boolean[] seen) {
            super(in);
            this.seen = seen;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = off; i < off + n && !seen[0]; i++) {
                int value = b[i] & 0xFF;
                seen[0] = value >= 0x80 && value <= 0x9F;
            }
            return n;
        }
    }
}
