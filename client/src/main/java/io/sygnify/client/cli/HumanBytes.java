package io.sygnify.client.cli;

import java.util.Locale;

/** Byte counts as people read them: {@code 512 B}, {@code 1.5 KB}, {@code 61.2 MB} (1 KB = 1024 B). */
final class HumanBytes {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private HumanBytes() {
    }

    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
