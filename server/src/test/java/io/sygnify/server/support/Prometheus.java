package io.sygnify.server.support;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples from the Prometheus text format the server exports. */
public final class Prometheus {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$",
            Pattern.MULTILINE);

    private Prometheus() {
    }

    /**
     * The value of the series of metric {@code name} whose labels include every one of {@code labels}
     * (each written as exported, e.g. {@code outcome="error"}).
     */
    public static double value(String scrape, String name, String... labels) {
        Matcher m = SAMPLE.matcher(scrape);
        while (m.find()) {
            String labelText = m.group(2) == null ? "" : m.group(2);
            if (m.group(1).equals(name) && Arrays.stream(labels).allMatch(labelText::contains)) {
                return Double.parseDouble(m.group(3));
            }
        }
        throw new AssertionError("Series " + name + Arrays.toString(labels) + " not exported");
    }

    /** Whether any series of metric {@code name} is exported. */
    public static boolean exports(String scrape, String name) {
        return Pattern.compile("^" + Pattern.quote(name) + "(\\{| )", Pattern.MULTILINE).matcher(scrape).find();
    }
}
