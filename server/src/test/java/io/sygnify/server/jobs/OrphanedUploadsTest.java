package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanedUploadsTest {

    private static final String JOBS_FILE = "0d9c6a4e-4f0e-4a43-9f55-2b1b3c0e7a11.csv";
    private static final String ORPHAN = "7b2f1c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f.csv";
    private static final String RECENT_ORPHAN = "c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5.csv";

    @TempDir
    Path uploads;

    @Test
    void deletesOnlyOldStoredUploadsThatNoJobRefersTo() throws Exception {
        Instant now = Instant.now();
        Path jobs = file(JOBS_FILE, now.minus(Duration.ofDays(30)));
        Path orphan = file(ORPHAN, now.minus(Duration.ofHours(3)));
        Path recent = file(RECENT_ORPHAN, now.minus(Duration.ofMinutes(5)));
        Path notOurs = file("export.csv", now.minus(Duration.ofDays(30)));
        Path spool = file("incoming-1.part", now.minus(Duration.ofDays(30)));

        assertThat(OrphanedUploads.sweep(uploads, now.minus(AbandonedSpools.ABANDONED_AFTER), Set.of(JOBS_FILE)))
                .isEqualTo(1);

        assertThat(orphan).doesNotExist();
        assertThat(jobs).exists();
        assertThat(recent).exists();
        assertThat(notOurs).exists();
        assertThat(spool).exists();
    }

    @Test
    void aMissingUploadsDirectoryHasNothingToSweep() throws Exception {
        assertThat(OrphanedUploads.sweep(uploads.resolve("never-created"), Instant.now(), Set.of())).isZero();
    }

    private Path file(String name, Instant lastModified) throws Exception {
        Path file = Files.writeString(uploads.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(lastModified));
        return file;
    }
}
