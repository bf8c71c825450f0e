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

class OrphanedFilesTest {

    private static final String JOB = "0d9c6a4e-4f0e-4a43-9f55-2b1b3c0e7a11";
    private static final String GONE = "7b2f1c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    private static final String RECENT = "c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5";

    @TempDir
    Path root;

    private final Instant now = Instant.now();
    private final Instant abandoned = now.minus(AbandonedSpools.ABANDONED_AFTER);

    @Test
    void deletesOnlyOldStoredUploadsThatNoJobRefersTo() throws Exception {
        Path jobs = file(JOB + ".csv", now.minus(Duration.ofDays(30)));
        Path orphan = file(GONE + ".csv", now.minus(Duration.ofHours(3)));
        Path recent = file(RECENT + ".csv", now.minus(Duration.ofMinutes(5)));
        Path notOurs = file("export.csv", now.minus(Duration.ofDays(30)));
        Path spool = file("incoming-1.part", now.minus(Duration.ofDays(30)));

        assertThat(OrphanedFiles.sweepUploads(root, abandoned, Set.of(JOB + ".csv"))).isEqualTo(1);

        assertThat(orphan).doesNotExist();
        assertThat(jobs).exists();
        assertThat(recent).exists();
        assertThat(notOurs).exists();
        assertThat(spool).exists();
    }

    @Test
    void deletesOnlyOldJobDirectoriesWhoseJobIsGone() throws Exception {
        Path live = directory(JOB, now.minus(Duration.ofDays(30)));
        Path deleted = directory(GONE, now.minus(Duration.ofHours(3)));
        Path recent = directory(RECENT, now.minus(Duration.ofMinutes(5)));
        Path notOurs = directory("backup", now.minus(Duration.ofDays(30)));

        assertThat(OrphanedFiles.sweepJobDirectories(root, abandoned, Set.of(JOB))).isEqualTo(1);

        assertThat(deleted).doesNotExist();
        assertThat(live.resolve("rows.parquet")).exists();
        assertThat(recent).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void aMissingDirectoryHasNothingToSweep() throws Exception {
        assertThat(OrphanedFiles.sweepUploads(root.resolve("never-created"), now, Set.of())).isZero();
        assertThat(OrphanedFiles.sweepJobDirectories(root.resolve("never-created"), now, Set.of())).isZero();
    }

    private Path file(String name, Instant lastModified) throws Exception {
        Path file = Files.writeString(root.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(lastModified));
        return file;
    }

    private Path directory(String name, Instant lastModified) throws Exception {
        Path directory = Files.createDirectories(root.resolve(name));
        Files.writeString(directory.resolve("rows.parquet"), "x");
        Files.setLastModifiedTime(directory, FileTime.from(lastModified));
        return directory;
    }
}
