package io.sygnify.server.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.sygnify.server.api.ApiException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes a request body, as it arrives, to a file: every byte of every buffer, off the event loop, with a bounded
 * number of buffers in flight. The body must be as long as its {@code Content-Length} says and the file as long
 * as the bytes received, or the upload is refused: a short file is never taken for a complete one.
 */
final class UploadSpool {

    /** Buffers requested ahead of the writer: bounds the memory one upload holds. */
    private static final int IN_FLIGHT = 32;

    private UploadSpool() {
    }

    /**
     * @param contentLength the request's {@code Content-Length}, or -1 when it has none (chunked)
     * @param maxBytes      refuse with 413 once the body passes this size
     * @return the number of bytes written to {@code target}
     */
    static Mono<Long> write(Flux<DataBuffer> body, Path target, long contentLength, long maxBytes) {
        return Mono.using(() -> FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                channel -> {
                    long[] received = {0};
                    return body.publishOn(Schedulers.boundedElastic(), IN_FLIGHT)
                            .doOnNext(buffer -> {
                                try {
                                    received[0] += buffer.readableByteCount();
                                    if (received[0] > maxBytes) {
                                        throw UploadStorage.tooLarge(maxBytes);
                                    }
                                    writeAll(buffer, channel);
                                } finally {
                                    DataBufferUtils.release(buffer);
                                }
                            })
                            .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                            .then(Mono.fromCallable(() -> complete(channel, received[0], contentLength)));
                },
                UploadSpool::close, true);
    }

    private static void writeAll(DataBuffer buffer, FileChannel channel) {
        try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
            while (buffers.hasNext()) {
                ByteBuffer bytes = buffers.next();
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long complete(FileChannel channel, long received, long contentLength) throws IOException {
        if (contentLength >= 0 && received != contentLength) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "incomplete_upload", String.format(
                    "The upload stopped after %,d of the %,d bytes its Content-Length announced; nothing was kept.",
                    received, contentLength));
        }
        long written = channel.size();
        if (written != received) {
            throw new IllegalStateException("The upload spool holds " + written + " bytes of the " + received
                    + " received");
        }
        return written;
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the spool is deleted by the caller either way
        }
    }
}
