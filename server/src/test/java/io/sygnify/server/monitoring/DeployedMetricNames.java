package io.sygnify.server.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The metric names that deploy/prometheus/*.yml and deploy/grafana/*.json refer to. */
final class DeployedMetricNames {

    private static final Pattern NAME = Pattern.compile("\\b((?:sygnify|jvm|process|system|http_server)_[a-z0-9_]+)");

    private DeployedMetricNames() {
    }

    static List<String> read(Path deployDir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(deployDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".json"))
                    .filter(f -> f.toString().contains("prometheus") || f.toString().contains("grafana")).toList()) {
                Matcher m = NAME.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return List.copyOf(names);
    }
}
