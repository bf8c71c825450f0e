package io.sygnify.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.sygnify.analysis.AnalysisStage;
import io.sygnify.analysis.ProgressListener;

/**
 * Where one analysis spends its time. Each mark (a stage starting, a report section ready) ends the phase before
 * it: {@code parsing:reading rows→ 3.10 s} is the time from the first "Reading rows" message to the next mark, {@code relationships→ 0.4 s}
 * the time from the relationships section to the next one, that is, the outlier analysis.
 */
final class PhaseTimer implements ProgressListener {

    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long last = start;
    private String current = "start";
    private String step;

    /** Parsing is split by its messages' first words: "parsing:reading rows", "parsing:checking column". */
    @Override
    public void onProgress(AnalysisStage stage, double fraction, String message) {
        String name = stage.name().toLowerCase(Locale.ROOT);
        if (stage == AnalysisStage.PARSING) {
            String[] words = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim().split(" +");
            name += ":" + String.join(" ", java.util.Arrays.copyOf(words, Math.min(2, words.length)));
        }
        if (!name.equals(step)) {
            step = name;
            mark(name);
        }
    }

    @Override
    public void onSection(String key, Object section) {
        mark(key);
    }

    /** Time from the previous mark until now is charged to the previous phase. */
    private void mark(String next) {
        long now = System.nanoTime();
        seconds.merge(current, (now - last) / 1e9, Double::sum);
        last = now;
        current = next;
    }

    String summary() {
        mark("end");
        StringBuilder line = new StringBuilder();
        seconds.forEach((phase, s) -> {
            if (s >= 0.005) {
                line.append(line.length() == 0 ? "" : " | ").append(String.format(Locale.ROOT, "%s→ %.2f s", phase, s));
            }
        });
        return line.toString();
    }
}
