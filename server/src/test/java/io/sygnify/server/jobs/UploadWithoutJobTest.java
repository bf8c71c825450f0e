package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.sygnify.server.accounts.Role;
import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.api.ApiException;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An upload that was stored but got no job (the server began to stop in between) is deleted, not left behind. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@Timeout(60)
class UploadWithoutJobTest {

    private static final Path DATA = TempDataDir.create("no-job");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
    }

    @Autowired
    UploadStorage storage;
    @Autowired
    JobService jobs;
    @Autowired
    JobWorkerPool workers;

    @Test
    void anUploadStoredAsTheServerStopsIsDeleted() throws Exception {
        Path body = Files.writeString(DATA.resolve("body.csv"), Csv.sales(5));
        Files.createDirectories(storage.newSpoolPath().getParent());
        UploadStorage.StoredUpload upload = storage.storeRange(body, 0, Files.size(body));
        assertThat(upload.path()).exists();
        workers.stop();

        Viewer viewer = new Viewer("nobody", "nobody", Role.ANALYST, "test", Instant.now().plusSeconds(60));
        assertThatThrownBy(() -> jobs.create(viewer, "sales.csv", upload))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(upload.path()).doesNotExist();
    }
}
