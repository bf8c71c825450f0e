package io.sygnify.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.sygnify.client.JobEvent;
import io.sygnify.client.JobEventType;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersFilledCellsPercentStageAndMessage() {
        assertThat(ProgressBar.render(52, "profiling", "Profiling column 3 of 12"))
                .isEqualTo("[#####.....] 52% profiling — Profiling column 3 of 12");
    }

    @Test
    void emptyAndFullBars() {
        assertThat(ProgressBar.render(0, "queued", null)).isEqualTo("[..........] 0% queued");
        assertThat(ProgressBar.render(100, "insights_ready", "")).isEqualTo("[##########] 100% insights_ready");
    }

    @Test
    void outOfRangeProgressIsClamped() {
        assertThat(ProgressBar.render(140, "x", null)).startsWith("[##########] 100%");
        assertThat(ProgressBar.render(-3, "x", null)).startsWith("[..........] 0%");
    }

    @Test
    void longMessagesAreCutSoTheLineNeverWraps() {
        String line = ProgressBar.render(10, "parsing", "x".repeat(500));
        assertThat(line).hasSize(ProgressBar.MAX_LINE).endsWith("…");
    }

    @Test
    void redrawsInPlaceAndWipesTheRestOfALongerPreviousLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.show(event(10, "parsing", "Reading rows 1-1000"));
        bar.show(event(20, "parsing", "Done"));
        bar.finish();
        String first = "[#.........] 10% parsing — Reading rows 1-1000";
        String second = "[##........] 20% parsing — Done";
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\r" + first + "\r" + second
                + " ".repeat(first.length() - second.length()) + System.lineSeparator());
    }

    private static JobEvent event(int progress, String stage, String message) {
        return new JobEvent(JobEventType.UPDATE, "j", 1, stage, progress, message, 0, null, null);
    }
}
