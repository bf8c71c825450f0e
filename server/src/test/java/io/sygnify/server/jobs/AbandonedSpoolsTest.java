package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbandonedSpoolsTest {

    @TempDir
    Path uploads;

    @Test
    void deletesOnlySpoolsUntouchedSinceTheCutOff() throws Exception {
        Instant now = Instant.now();
        Path old = file("incoming-a.part", now.minus(Duration.ofHours(3)));
        Path recent = file("incoming-b.part", now.minus(Duration.ofMinutes(5)));
        Path storedUpload = file("3f6c.csv", now.minus(Duration.ofDays(30)));
        Path unrelated = file("incoming-notes.txt", now.minus(Duration.ofDays(30)));

        assertThat(AbandonedSpools.sweep(uploads, now.minus(AbandonedSpools.ABANDONED_AFTER))).isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(storedUpload).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void aMissingUploadsDirectoryHasNothingToSweep() throws Exception {
        assertThat(AbandonedSpools.sweep(uploads.resolve("never-created"), Instant.now())).isZero();
    }

    private Path file(String name, Instant lastModified) throws Exception {
        Path file = Files.writeString(uploads.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(lastModified));
        return file;
    }
}
