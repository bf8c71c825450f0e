package io.sygnify.client.cli;

import java.io.PrintStream;

import io.sygnify.client.JobEvent;

/**
 * One terminal line, redrawn in place with {@code \r}:
 * {@code [#####.....] 52% profiling — Profiling column 3 of 12}.
 */
final class ProgressBar {

    static final int WIDTH = 10;
    /** Longer lines wrap on narrow terminals, and a wrapped line can no longer be redrawn with {@code \r}. */
    static final int MAX_LINE = 100;

    private final PrintStream out;
    private int drawn;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    static String render(int progress, String stage, String message) {
        int percent = Math.max(0, Math.min(100, progress));
        int filled = percent * WIDTH / 100;
        StringBuilder line = new StringBuilder("[")
                .append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                .append(percent).append('%');
        if (stage != null && !stage.isBlank()) {
            line.append(' ').append(stage);
        }
        if (message != null && !message.isBlank()) {
            line.append(" — ").append(message.strip().replaceAll("\\s+", " "));
        }
        return line.length() <= MAX_LINE ? line.toString() : line.substring(0, MAX_LINE - 1) + "…";
    }

    void show(JobEvent event) {
        String line = render(event.progress(), event.stage(), event.message());
        // Spaces wipe what is left of a longer previous line.
        out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        out.flush();
        drawn = line.length();
    }

    /** Prints {@code text} on a line of its own; the bar continues below it. */
    void note(String text) {
        finish();
        out.println(text);
        out.flush();
    }

    /** Ends the bar's line so what follows starts on a fresh one. */
    void finish() {
        if (drawn > 0) {
            out.println();
            out.flush();
            drawn = 0;
        }
    }
}
