package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestAccounts;
import io.sygnify.server.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What reaches the disk is exactly what was sent. A 75 MB upload once arrived 8 KiB short and was analysed as if
 * complete; uploads are now spooled and checked (UploadSpool, MultipartBody).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(180)
class UploadIntegrityTest {

    private static final Path DATA = TempDataDir.create("upload-integrity");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.jobs.workers", () -> "1");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void largeUploadsAreStoredByteForByte() throws IOException {
        Path source = Csv.largeSales(DATA, 500_000);
        byte[] content = Files.readAllBytes(source);
        TestHttp http = new TestHttp(port);
        for (int i = 0; i < 3; i++) {
            List<Path> before = uploads();
            TestHttp.Response response = http.upload("file", "large.csv", content);
            assertThat(response.status()).as("upload %d: %s", i, response).isEqualTo(202);
            List<Path> added = uploads().stream().filter(p -> !before.contains(p)).toList();
            assertThat(added).as("upload %d", i).hasSize(1);
            assertThat(Files.mismatch(source, added.get(0))).as("first differing byte of upload %d", i).isEqualTo(-1);
            http.post("/api/jobs/" + response.json().path("job_id").asString() + "/cancel");
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsRefusedAndNothingIsKept() throws Exception {
        String boundary = "----sygnify-short";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
                + "a,b\n1,2\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        List<Path> before = uploads();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/jobs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestAccounts.ADMIN_TOKEN + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: " + (body.length + 1000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            socket.shutdownOutput();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            // The server may answer 400 or just close: either way no job and no stored file.
            if (!answer.isEmpty()) {
                assertThat(answer).startsWith("HTTP/1.1 400").contains("incomplete_upload");
            }
        }
        // the spool is deleted once the server has seen the connection end: allow it a moment
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!uploads().equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(uploads()).isEqualTo(before);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException e) {
            return new byte[0];
        }
    }

    private static List<Path> uploads() throws IOException {
        Path dir = DATA.resolve("uploads");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
