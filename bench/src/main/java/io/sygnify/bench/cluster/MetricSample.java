package io.sygnify.bench.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance's Prometheus exposition at one moment, each sample summed over its labels, so that
 * {@code after.minus(before)} is what happened in between. A sample is also summed by each of its labels on its
 * own, under {@code name|label=value} (e.g. {@code sygnify_cluster_redis_messages_total|direction=out}).
 */
record MetricSample(Map<String, Double> values) {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static MetricSample parse(String exposition) {
        Map<String, Double> values = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            int nameEnd = brace > 0 && brace < space ? brace : space;
            // The value follows the labels; labels may contain spaces, so it is the first field after the '}'.
            int valueStart = brace > 0 && brace < space ? line.indexOf(' ', line.lastIndexOf('}')) : space;
            if (nameEnd <= 0 || valueStart < 0) {
                continue;
            }
            String[] rest = line.substring(valueStart).trim().split(" ");
            double value;
            try {
                value = Double.parseDouble(rest[0]);
            } catch (NumberFormatException e) {
                continue; // NaN and ±Inf parse; anything else is not a sample line
            }
            String name = line.substring(0, nameEnd);
            values.merge(name, value, Double::sum);
            if (nameEnd == brace) {
                Matcher label = LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
                while (label.find()) {
                    values.merge(name + "|" + label.group(1) + "=" + label.group(2), value, Double::sum);
                }
            }
        }
        return new MetricSample(values);
    }

    static MetricSample empty() {
        return new MetricSample(Map.of());
    }

    /** The sample's value, or empty when the instance does not export it. */
    OptionalDouble get(String name) {
        Double value = values.get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** What each sample of this one grew by since {@code earlier} (a counter missing then counts from 0). */
    MetricSample minus(MetricSample earlier) {
        Map<String, Double> delta = new HashMap<>();
        values.forEach((name, value) -> delta.put(name, value - earlier.values.getOrDefault(name, 0.0)));
        return new MetricSample(delta);
    }

    /** The sum of this sample over several instances. */
    MetricSample plus(MetricSample other) {
        Map<String, Double> sum = new HashMap<>(values);
        other.values.forEach((name, value) -> sum.merge(name, value, Double::sum));
        return new MetricSample(sum);
    }
}
