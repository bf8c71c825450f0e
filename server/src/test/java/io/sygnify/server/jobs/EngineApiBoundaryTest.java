package io.sygnify.server.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's feature packages are public to one another only because Java has no narrower scope for sibling
 * packages; the server and the benchmarks must call it through {@code io.sygnify.analysis} and its report records.
 */
class EngineApiBoundaryTest {

    private static final Pattern ENGINE_IMPORT =
            Pattern.compile("^import (?:static )?io\\.sygnify\\.analysis\\.([a-z]\\w*)\\.", Pattern.MULTILINE);

    @Test
    void serverAndBenchmarksUseOnlyTheEnginesApiAndReportPackages() throws IOException {
        List<Path> sources = javaFiles(Path.of("src/main/java"), Path.of("../bench/src/main/java"));
        assertThat(sources).as("sources found from %s", Path.of("").toAbsolutePath()).hasSizeGreaterThan(50);

        List<String> reachingInside = sources.stream()
                .flatMap(EngineApiBoundaryTest::engineImports)
                .filter(use -> !use.endsWith(" report"))
                .toList();

        assertThat(reachingInside).isEmpty();
    }

    private static List<Path> javaFiles(Path... roots) throws IOException {
        Stream<Path> all = Stream.empty();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                all = Stream.concat(all, files.filter(file -> file.toString().endsWith(".java")).toList().stream());
            }
        }
        return all.toList();
    }

    private static Stream<String> engineImports(Path file) {
        try {
            Matcher matcher = ENGINE_IMPORT.matcher(Files.readString(file));
            return matcher.results().map(match -> file + " imports from package " + match.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
