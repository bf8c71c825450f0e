package io.sygnify.server.jobs;

import java.util.ArrayList;
import java.util.List;

import io.sygnify.server.api.ApiException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads one multipart upload as a stream of part events: the part named {@code file} goes straight to
 * {@link UploadStorage}; any other part is drained and ignored.
 */
final class MultipartUpload {

    static final String FILE_FIELD = "file";

    record UploadedFile(String clientName, UploadStorage.StoredUpload stored) {
    }

    private final UploadStorage storage;
    private final long contentLength;

    MultipartUpload(UploadStorage storage, long contentLength) {
        this.storage = storage;
        this.contentLength = contentLength;
    }

    Mono<UploadedFile> fileFrom(Flux<PartEvent> parts) {
        if (contentLength > 0 && contentLength > storage.maxBytes() + MULTIPART_OVERHEAD_BYTES) {
            return Mono.error(UploadStorage.tooLarge(storage.maxBytes()));
        }
        List<UploadedFile> files = new ArrayList<>();
        return parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    PartEvent head = first.get();
                    if (head instanceof FilePartEvent filePart && FILE_FIELD.equals(head.name())) {
                        return storage.store(events.map(PartEvent::content))
                                .map(stored -> new UploadedFile(filePart.filename(), stored));
                    }
                    return events.doOnNext(e -> DataBufferUtils.release(e.content())).then(Mono.empty());
                }))
                .doOnNext(files::add)
                .then(Mono.defer(() -> single(files)))
                .onErrorResume(e -> {
                    files.forEach(f -> storage.delete(f.stored().path()));
                    return Mono.error(e);
                });
    }

    private Mono<UploadedFile> single(List<UploadedFile> files) {
        if (files.isEmpty()) {
            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "missing_file",
                    "The request has no file: send the CSV as multipart/form-data in a field named 'file'."));
        }
        if (files.size() > 1) {
            files.forEach(f -> storage.delete(f.stored().path()));
            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "too_many_files",
                    "Send one file per request (got " + files.size() + "); each file becomes its own job."));
        }
        return Mono.just(files.get(0));
    }

    /** Multipart boundaries and part headers around the file content. */
    private static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;
}
