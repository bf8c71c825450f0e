package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.sygnify.server.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multipart bodies written to real files, parsed back: each part's bytes come out exactly as they went in. */
class MultipartBodyTest {

    private static final String BOUNDARY = "----sygnify-test-boundary";

    @TempDir
    Path dir;

    @Test
    void findsEachPartsNameFileNameAndExactBytes() throws IOException {
        byte[] csv = "a,b\r\n1,--x\r\n\r\n--not-the-boundary\r\n".getBytes(StandardCharsets.UTF_8);
        Path body = write(part("note", null, "hello".getBytes(StandardCharsets.UTF_8)),
                part("file", "sales.csv", csv), end());

        List<MultipartBody.Part> parts = MultipartBody.parse(body, BOUNDARY);

        assertThat(parts).extracting(MultipartBody.Part::name).containsExactly("note", "file");
        assertThat(parts.get(0).filename()).isNull();
        assertThat(parts.get(1).filename()).isEqualTo("sales.csv");
        assertThat(bytes(body, parts.get(0))).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes(body, parts.get(1))).isEqualTo(csv);
    }

    @Test
    void aDelimiterAcrossTheScannersBlockSeamIsFound() throws IOException {
        // the scanner reads 1 MiB blocks: put the delimiter across the first seam, at every offset of its length
        for (int shift = 0; shift < 30; shift++) {
            byte[] head = part("file", "big.csv", new byte[0]);
            byte[] content = new byte[(1 << 20) - head.length - shift];
            Arrays.fill(content, (byte) 'x');
            Path body = write(part("file", "big.csv", content), end());

            List<MultipartBody.Part> parts = MultipartBody.parse(body, BOUNDARY);

            assertThat(parts).hasSize(1);
            assertThat(parts.get(0).size()).as("shift %d", shift).isEqualTo(content.length);
        }
    }

    @Test
    void aPreambleAnEmptyFileAndAQuotedUtf8FileNameAreRead() throws IOException {
        byte[] preamble = "This is a preamble.\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] header = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename*=UTF-8''caf%C3%A9.csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        Path body = write(preamble, header, "\r\n".getBytes(StandardCharsets.UTF_8), end());

        List<MultipartBody.Part> parts = MultipartBody.parse(body, MultipartBody.boundaryOf(
                "multipart/form-data; boundary=\"" + BOUNDARY + "\""));

        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.filename()).isEqualTo("café.csv");
            assertThat(part.size()).isZero();
        });
    }

    @Test
    void aBodyCutShortIsRefusedSayingSo() throws IOException {
        Path body = write(part("file", "sales.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> MultipartBody.parse(body, BOUNDARY))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("malformed_multipart"))
                .hasMessageContaining("closing boundary is missing");
    }

    @Test
    void aBodyWithoutTheBoundaryAndAContentTypeWithoutOneAreRefused() throws IOException {
        Path body = write("just some bytes".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> MultipartBody.parse(body, BOUNDARY)).hasMessageContaining("never occurs");
        assertThatThrownBy(() -> MultipartBody.boundaryOf("multipart/form-data"))
                .hasMessageContaining("no valid boundary");
    }

    private static byte[] part(String name, String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] end() {
        return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private Path write(byte[]... pieces) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        Path file = Files.createTempFile(dir, "body-", ".bin");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] bytes(Path body, MultipartBody.Part part) throws IOException {
        return Arrays.copyOfRange(Files.readAllBytes(body), (int) part.start(), (int) part.end());
    }
}
