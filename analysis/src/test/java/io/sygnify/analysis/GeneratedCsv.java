package io.sygnify.analysis;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A CSV a test writes line by line into its own directory, analysed as the server would (two threads). */
public final class GeneratedCsv {

    private GeneratedCsv() {
    }

    public static AnalysisReport analyze(Path dir, String name, Consumer<PrintWriter> content) throws Exception {
        Path file = dir.resolve(name);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            content.accept(out);
        }
        EngineSettings settings = new EngineSettings(2, "512MB", dir.resolve("spill"));
        return new CsvAnalyzer(settings).analyze(file, ProgressListener.NONE, new CancellationToken());
    }
}
