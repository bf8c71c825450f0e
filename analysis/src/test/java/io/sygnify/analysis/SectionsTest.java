package io.sygnify.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each report section reaches the listener as soon as it is ready, before the report is returned. */
class SectionsTest {

    @TempDir
    static Path dir;

    static final Map<String, Object> sections = new LinkedHashMap<>();
    static final List<Double> analyzing = new ArrayList<>();
    static AnalysisReport report;

    @BeforeAll
    static void analyze() throws Exception {
        StringBuilder csv = new StringBuilder("day,store,amount\n");
        for (int i = 0; i < 200; i++) {
            csv.append("2024-01-").append(String.format("%02d", 1 + i % 28)).append(',')
                    .append(i % 3 == 0 ? "north" : "south").append(',').append(10 + i % 17).append('\n');
        }
        Path file = Files.writeString(dir.resolve("sales.csv"), csv.toString());
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onProgress(AnalysisStage stage, double fraction, String message) {
                if (stage == AnalysisStage.ANALYZING) {
                    analyzing.add(fraction);
                }
            }

            @Override
            public void onSection(String key, Object section) {
                sections.put(key, section);
            }
        };
        report = new CsvAnalyzer(new EngineSettings(2, "512MB", dir.resolve("spill")))
                .analyze(file, listener, new CancellationToken());
    }

    @Test
    void everySectionIsSentOnceInTheOrderItIsReady() {
        assertThat(sections.keySet()).containsExactly("rejects", "columns", "dataset", "relationships", "outliers",
                "time_series", "segments", "kpis", "quality", "key_findings");
    }

    @Test
    void sentSectionsAreTheReportsOwn() {
        assertThat(sections.get("dataset")).isSameAs(report.dataset());
        assertThat(sections.get("columns")).isSameAs(report.columns());
        assertThat(sections.get("time_series")).isSameAs(report.timeSeries());
        assertThat(sections.get("key_findings")).isSameAs(report.keyFindings());
    }

    @Test
    void analyzingProgressCountsAnalysesDone() {
        assertThat(analyzing).startsWith(0.0).endsWith(1.0).isSorted().hasSizeGreaterThanOrEqualTo(7);
        assertThat(analyzing).contains(1.0 / 7, 2.0 / 7, 6.0 / 7);
    }
}
