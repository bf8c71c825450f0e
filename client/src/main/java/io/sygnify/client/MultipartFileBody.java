package io.sygnify.client;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body with one file part, streamed from disk: the file is never held in memory,
 * and the body's length is known so the server can refuse an oversized upload from its headers.
 */
final class MultipartFileBody {

    private final String boundary = "sygnify-" + UUID.randomUUID();
    private final BodyPublisher publisher;

    MultipartFileBody(String field, Path file) throws FileNotFoundException {
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + quoted(fileName(file)) + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        this.publisher = BodyPublishers.concat(
                BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                BodyPublishers.ofFile(file),
                BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() {
        return publisher;
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? "upload.csv" : name.toString();
    }

    /** As browsers do (WHATWG HTML form encoding): quote and line breaks percent-encoded. */
    static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
