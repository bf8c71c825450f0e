package io.sygnify.analysis.engine;

import io.sygnify.analysis.CancellationToken;
import io.sygnify.analysis.EngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analyses that share one configured temp directory (two workers, or two instances on one data directory) must
 * not touch each other's spill files: DuckDB deletes its temp directory when it closes.
 */
class SharedSpillDirectoryTest {

    private static final long ROWS = 3_000_000;

    @TempDir
    Path temp;

    @Test
    void twoSpillingSessionsKeepTheirOwnBlocksAndClosingOneLeavesTheOtherIntact() throws Exception {
        EngineSettings settings = new EngineSettings(1, "48MB", temp);
        CancellationToken token = new CancellationToken();
        try (DuckDbSession spilling = DuckDbSession.open(settings, token)) {
            DuckDbSession other = DuckDbSession.open(settings, token);
            assertThat(spilling.spillDirectory()).isNotEqualTo(other.spillDirectory());
            assertThat(spilling.spillDirectory().getParent()).isEqualTo(temp.toAbsolutePath());

            // About 150 MB of strings under a 48 MB limit: most of the table lives in spill files.
            spilling.execute("CREATE TABLE t AS SELECT i, md5(i::VARCHAR) AS h FROM range(" + ROWS + ") r(i)");
            assertThat(filesIn(temp)).as("the table spilled").isPositive();
            // The other spills too, under the same block ids, then closes, deleting its temp directory.
            other.execute("CREATE TABLE u AS SELECT i, md5((i + 1)::VARCHAR) AS h FROM range(" + ROWS + ") r(i)");
            other.close();

            assertThat(Files.exists(other.spillDirectory())).as("closed session's directory removed").isFalse();
            assertThat(spilling.queryLong("SELECT count(*) FROM t WHERE h = md5(i::VARCHAR)")).isEqualTo(ROWS);
        }
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).as("nothing left behind").isEmpty();
        }
    }

    private static long filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
