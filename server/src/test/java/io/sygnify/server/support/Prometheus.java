package io.sygnify.server.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from the Prometheus text format the server exports. */
public final class Prometheus {

    private Prometheus() {
    }

    /** The value of {@code series} (name plus labels exactly as exported, e.g. {@code a_total{outcome="x"}}). */
    public static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        if (!m.find()) {
            throw new AssertionError("Series " + series + " not exported");
        }
        return Double.parseDouble(m.group(1));
    }

    /** Whether any series of metric {@code name} is exported. */
    public static boolean exports(String scrape, String name) {
        return Pattern.compile("^" + Pattern.quote(name) + "(\\{| )", Pattern.MULTILINE).matcher(scrape).find();
    }
}
