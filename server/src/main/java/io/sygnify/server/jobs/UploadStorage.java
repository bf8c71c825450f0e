package io.sygnify.server.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import io.sygnify.server.api.ApiException;
import io.sygnify.server.config.SygnifyProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps uploads under generated names in the uploads directory (never the client's file name), refusing what
 * can be refused at upload time: too large, empty, not text.
 */
@Component
public class UploadStorage {

    private static final int SNIFF_BYTES = 8192;

    private final SygnifyProperties properties;

    UploadStorage(SygnifyProperties properties) {
        this.properties = properties;
    }

    public record StoredUpload(String storedName, Path path, long sizeBytes) {
    }

    public long maxBytes() {
        return properties.upload().maxSize().toBytes();
    }

    /** Where one request's raw body is spooled before its file part is stored; see {@link AbandonedSpools}. */
    Path newSpoolPath() {
        return properties.uploadsDir().resolve(AbandonedSpools.PREFIX + UUID.randomUUID() + AbandonedSpools.SUFFIX);
    }

    Mono<Path> ensureDirectory() {
        return Mono.fromCallable(() -> Files.createDirectories(properties.uploadsDir()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Stores bytes {@code start} to {@code end} of {@code source} as a new upload with a generated name, after the
     * checks that can be made at upload time. Blocking.
     */
    StoredUpload storeRange(Path source, long start, long end) throws IOException {
        long maxBytes = maxBytes();
        if (end - start > maxBytes) {
            throw tooLarge(maxBytes);
        }
        String storedName = UUID.randomUUID() + ".csv";
        Path target = properties.uploadsDir().resolve(storedName);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < end - start) {
                long moved = in.transferTo(start + done, end - start - done, out);
                if (moved <= 0) {
                    throw new IOException("The upload spool ended early at byte " + (start + done));
                }
                done += moved;
            }
            return checkContent(new StoredUpload(storedName, target, out.size()));
        } catch (IOException | RuntimeException e) {
            delete(target);
            throw e;
        }
    }

    /** What can be known at upload time is answered at upload time. */
    private static StoredUpload checkContent(StoredUpload upload) throws IOException {
        if (upload.sizeBytes() == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "empty_file", "The uploaded file is empty (0 bytes).");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(upload.path())) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        int nul = indexOfNul(head);
        if (nul >= 0 && !startsWithUtf16Bom(head)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not_text", "The uploaded file is not a text "
                    + "file: it contains a NUL byte at offset " + nul + " (line " + lineOf(head, nul)
                    + "). Upload a CSV file.");
        }
        return upload;
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithUtf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    public void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: an orphan upload wastes disk but loses nothing
        }
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "file_too_large",
                "The file is larger than the upload limit of " + ByteSizes.human(maxBytes) + ".");
    }
}
