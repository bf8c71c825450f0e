package io.sygnify.server.jobs;

import java.nio.file.Path;
import java.util.List;

import io.sygnify.server.api.ApiException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads one multipart upload: the raw body is spooled to disk and checked against its length
 * ({@link UploadSpool}), its parts are found there ({@link MultipartBody}), and the part named {@code file} is
 * stored by {@link UploadStorage}; other parts are ignored. The spool is deleted whatever happens.
 */
final class MultipartUpload {

    static final String FILE_FIELD = "file";

    record UploadedFile(String clientName, UploadStorage.StoredUpload stored) {
    }

    /** Multipart boundaries and part headers around the file content. */
    private static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

    private final UploadStorage storage;
    private final long contentLength;
    private final String contentType;

    MultipartUpload(UploadStorage storage, long contentLength, String contentType) {
        this.storage = storage;
        this.contentLength = contentLength;
        this.contentType = contentType;
    }

    Mono<UploadedFile> fileFrom(Flux<DataBuffer> body) {
        long maxBody = storage.maxBytes() + MULTIPART_OVERHEAD_BYTES;
        if (contentLength > maxBody) {
            return Mono.error(UploadStorage.tooLarge(storage.maxBytes()));
        }
        String boundary;
        try {
            boundary = MultipartBody.boundaryOf(contentType);
        } catch (ApiException e) {
            return Mono.error(e);
        }
        return Mono.defer(() -> {
            Path spool = storage.newSpoolPath();
            return storage.ensureDirectory()
                    .then(UploadSpool.write(body, spool, contentLength, maxBody))
                    .then(Mono.fromCallable(() -> {
                        try {
                            return storeFilePart(spool, boundary);
                        } finally {
                            storage.delete(spool);
                        }
                    }).subscribeOn(Schedulers.boundedElastic()))
                    // refused or cut off while spooling
                    .doFinally(signal -> storage.delete(spool));
        });
    }

    private UploadedFile storeFilePart(Path spool, String boundary) throws java.io.IOException {
        List<MultipartBody.Part> files = MultipartBody.parse(spool, boundary).stream()
                .filter(part -> FILE_FIELD.equals(part.name()) && part.filename() != null)
                .toList();
        if (files.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "missing_file",
                    "The request has no file: send the CSV as multipart/form-data in a field named 'file'.");
        }
        if (files.size() > 1) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "too_many_files",
                    "Send one file per request (got " + files.size() + "); each file becomes its own job.");
        }
        MultipartBody.Part file = files.get(0);
        return new UploadedFile(file.filename(), storage.storeRange(spool, file.start(), file.end()));
    }
}
