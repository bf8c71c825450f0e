package io.sygnify.server.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sygnify.server.api.ApiException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;

/**
 * The parts of a {@code multipart/form-data} body (RFC 7578) that has been spooled to a file: each part's name and
 * file name, and where its content lies in the file. Content is never read into memory, only scanned for the
 * delimiter, so a 1 GB file part costs one pass over the file.
 *
 * <p>Why not Spring's streaming multipart reader: a 75 MB upload read with it once reached the disk 8 KiB short,
 * silently (docs/architecture.md, "Uploads"). Spooling the raw body first lets {@link UploadSpool} check it byte
 * for byte against {@code Content-Length}, so a loss anywhere below is refused rather than analysed, and this
 * parser has no buffers to lose.
 */
final class MultipartBody {

    /**
     * @param name     the form field ({@code Content-Disposition} {@code name})
     * @param filename the client's file name, or null for a plain field
     * @param start    offset of the first content byte in the spooled file
     * @param end      offset just past the last content byte
     */
    record Part(String name, String filename, long start, long end) {

        long size() {
            return end - start;
        }
    }

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_PARTS = 100;
    private static final int BLOCK = 1 << 20;
    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final FileChannel channel;
    private final long size;
    private final byte[] delimiter;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK);

    private MultipartBody(FileChannel channel, String boundary) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    }

    /** The boundary parameter of a {@code multipart/form-data} content type, or a 400 naming what is wrong. */
    static String boundaryOf(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("boundary")) {
                    String boundary = pair[1].trim();
                    if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
                        boundary = boundary.substring(1, boundary.length() - 1);
                    }
                    if (!boundary.isEmpty() && boundary.length() <= 70) {
                        return boundary;
                    }
                }
            }
        }
        throw malformed("the Content-Type has no valid boundary parameter (RFC 2046: 1 to 70 characters)");
    }

    static List<Part> parse(Path file, String boundary) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new MultipartBody(channel, boundary).parts();
        }
    }

    private List<Part> parts() throws IOException {
        // The first delimiter may open the body without the CRLF that precedes the others.
        long position = startsWith(0, delimiter, 2) ? delimiter.length - 2 : afterDelimiter(0);
        if (position < 0) {
            throw malformed("the boundary given in the Content-Type never occurs in the body");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(position, "--".getBytes(StandardCharsets.US_ASCII), 0)) {
                return parts;
            }
            long lineEnd = find(new byte[] {'\r', '\n'}, position, position + 256);
            if (lineEnd < 0) {
                throw malformed("a boundary line is not followed by a line break");
            }
            long headersFrom = lineEnd;
            long headersEnd = find(HEADERS_END, headersFrom, headersFrom + MAX_HEADER_BYTES);
            if (headersEnd < 0) {
                throw malformed("the headers of part " + (parts.size() + 1) + " do not end within "
                        + MAX_HEADER_BYTES / 1024 + " KB");
            }
            String headers = text(headersFrom + 2, headersEnd);
            long contentStart = headersEnd + HEADERS_END.length;
            long contentEnd = find(delimiter, contentStart, size);
            if (contentEnd < 0) {
                throw malformed("the body ends inside part " + (parts.size() + 1)
                        + " (the closing boundary is missing: was the upload cut short?)");
            }
            parts.add(part(headers, contentStart, contentEnd));
            if (parts.size() > MAX_PARTS) {
                throw malformed("it has more than " + MAX_PARTS + " parts");
            }
            position = contentEnd + delimiter.length;
        }
    }

    private static Part part(String headers, long start, long end) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
                ContentDisposition disposition;
                try {
                    disposition = ContentDisposition.parse(line.substring(colon + 1).trim());
                } catch (IllegalArgumentException e) {
                    throw malformed("a part's Content-Disposition cannot be read: " + e.getMessage());
                }
                return new Part(disposition.getName(), disposition.getFilename(), start, end);
            }
        }
        return new Part(null, null, start, end);
    }

    /** Offset just past the first delimiter at or after {@code from}, or -1. */
    private long afterDelimiter(long from) throws IOException {
        long at = find(delimiter, from, size);
        return at < 0 ? -1 : at + delimiter.length;
    }

    /** Whether the file holds {@code pattern} (from its index {@code skip} on) at {@code position}. */
    private boolean startsWith(long position, byte[] pattern, int skip) throws IOException {
        int length = pattern.length - skip;
        if (position + length > size) {
            return false;
        }
        ByteBuffer bytes = read(position, length);
        for (int i = 0; i < length; i++) {
            if (bytes.get(i) != pattern[skip + i]) {
                return false;
            }
        }
        return true;
    }

    /** Offset of the first {@code pattern} that starts at or after {@code from} and ends by {@code limit}; or -1. */
    private long find(byte[] pattern, long from, long limit) throws IOException {
        long end = Math.min(limit, size);
        long start = Math.max(0, from);
        while (start + pattern.length <= end) {
            int length = (int) Math.min(BLOCK, end - start);
            ByteBuffer bytes = read(start, length);
            byte[] array = bytes.array();
            int last = length - pattern.length;
            for (int i = 0; i <= last; i++) {
                if (array[i] == pattern[0] && matches(array, i, pattern)) {
                    return start + i;
                }
            }
            if (start + length >= end) {
                return -1;
            }
            // the next block overlaps this one by less than a pattern, so a match across the seam is found there
            start += length - pattern.length + 1;
        }
        return -1;
    }

    private static boolean matches(byte[] array, int at, byte[] pattern) {
        for (int j = 1; j < pattern.length; j++) {
            if (array[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    private ByteBuffer read(long position, int length) throws IOException {
        block.clear().limit(length);
        while (block.hasRemaining()) {
            if (channel.read(block, position + block.position()) < 0) {
                throw new IOException("The spooled body ended at " + (position + block.position()) + " bytes");
            }
        }
        return block.flip();
    }

    private String text(long from, long to) throws IOException {
        if (to <= from) {
            return "";
        }
        ByteBuffer bytes = read(from, (int) (to - from));
        return new String(bytes.array(), 0, bytes.limit(), StandardCharsets.UTF_8);
    }

    private static ApiException malformed(String why) {
        return new ApiException(HttpStatus.BAD_REQUEST, "malformed_multipart",
                "The upload is not a well-formed multipart/form-data body: " + why + ".");
    }
}
