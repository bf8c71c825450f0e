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

class OrphanedJobDirectoriesTest {

    private static final String LIVE_JOB = "0d9c6a4e-4f0e-4a43-9f55-2b1b3c0e7a11";
    private static final String DELETED_JOB = "7b2f1c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    private static final String JUST_WRITTEN = "c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5";

    @TempDir
    Path root;

    @Test
    void deletesOnlyOldJobDirectoriesWhoseJobIsGone() throws Exception {
        Instant now = Instant.now();
        Path live = directory(LIVE_JOB, now.minus(Duration.ofDays(30)));
        Path deleted = directory(DELETED_JOB, now.minus(Duration.ofHours(3)));
        Path recent = directory(JUST_WRITTEN, now.minus(Duration.ofMinutes(5)));
        Path notOurs = directory("backup", now.minus(Duration.ofDays(30)));

        assertThat(OrphanedJobDirectories.sweep(root, now.minus(AbandonedSpools.ABANDONED_AFTER), Set.of(LIVE_JOB)))
                .isEqualTo(1);

        assertThat(deleted).doesNotExist();
        assertThat(live.resolve("rows.parquet")).exists();
        assertThat(recent).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void aMissingJobsDirectoryHasNothingToSweep() throws Exception {
        assertThat(OrphanedJobDirectories.sweep(root.resolve("never-created"), Instant.now(), Set.of())).isZero();
    }

    private Path directory(String name, Instant lastModified) throws Exception {
        Path directory = Files.createDirectories(root.resolve(name));
        Files.writeString(directory.resolve("rows.parquet"), "x");
        Files.setLastModifiedTime(directory, FileTime.from(lastModified));
        return directory;
    }
}
