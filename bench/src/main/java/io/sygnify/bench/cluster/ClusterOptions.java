package io.sygnify.bench.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One cluster benchmark run, parsed from {@code [--name=value ...]}.
 *
 * @param files        K: files uploaded and analysed in each phase
 * @param fileMegabytes approximate size of each generated CSV
 * @param phases       instance counts, one phase each, in order (1 and 2); the ratio is against the first
 * @param warmupPerInstance jobs per instance analysed before the clock starts (JIT, DuckDB extension load)
 * @param serverJar    the executable server jar
 * @param nginx        the nginx binary
 * @param nginxConf    the shared nginx configuration (deploy/nginx/sygnify.conf) the balancer is made from
 * @param workDir      CSVs, data directories, logs
 * @param pgUrl        JDBC URL of the PostgreSQL database (no query string); each phase gets a fresh schema in it
 * @param pgUser       PostgreSQL user (trust authentication: no password)
 * @param redisUrl     Redis of the event backbone; each phase gets a fresh key prefix
 * @param phaseTimeLimit bound of one phase, instance start-up included
 * @param serverArgs   extra {@code --name=value} settings for every instance
 * @param serverJvmArgs extra JVM flags for every instance (after -Xmx1g)
 */
record ClusterOptions(int files, int fileMegabytes, List<Integer> phases, int warmupPerInstance, Path serverJar,
                      Path nginx, Path nginxConf, Path workDir, String pgUrl, String pgUser, URI redisUrl,
                      Duration phaseTimeLimit, List<String> serverArgs, List<String> serverJvmArgs) {

    static final String USAGE = """
            usage: ClusterBenchmark [options]
              --files=K                 files uploaded per phase (12)
              --file-mb=MB              size of each generated CSV, approximately (10)
              --instances=LIST          instance count of each phase, comma-separated (1,2)
              --warmup=N                jobs per instance analysed before timing starts (10)
              --jar=PATH                server jar (server/target/sygnify.jar)
              --nginx=PATH              nginx binary (/usr/sbin/nginx)
              --nginx-conf=PATH         balancer configuration to fill in (deploy/nginx/sygnify.conf)
              --work-dir=PATH           CSVs, data dirs, logs (bench/target/cluster)
              --pg-url=URL              PostgreSQL database (jdbc:postgresql://127.0.0.1:5432/test)
              --pg-user=NAME            PostgreSQL user, trust authentication (postgres)
              --redis-url=URL           Redis (redis://127.0.0.1:6379)
              --time-limit=SECONDS      bound of each phase, start-up included (900)
              --server-arg=--name=value extra setting for every instance, repeatable
              --server-jvm-arg=FLAG     extra JVM flag for every instance, repeatable""";

    static ClusterOptions parse(String[] args) {
        int files = 12;
        int fileMegabytes = 10;
        List<Integer> phases = List.of(1, 2);
        int warmup = 10;
        Path jar = Path.of("server/target/sygnify.jar");
        Path nginx = Path.of("/usr/sbin/nginx");
        Path nginxConf = Path.of("deploy/nginx/sygnify.conf");
        Path workDir = Path.of("bench/target/cluster");
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        String pgUser = "postgres";
        String redisUrl = "redis://127.0.0.1:6379";
        int timeLimitSeconds = 900;
        List<String> serverArgs = new ArrayList<>();
        List<String> serverJvmArgs = new ArrayList<>();
        for (String arg : args) {
            require(!arg.equals("--help") && !arg.equals("-h"), USAGE);
            int eq = arg.indexOf('=');
            require(arg.startsWith("--") && eq > 2, "expected --name=value, got '" + arg + "'\n" + USAGE);
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "files" -> files = intOption(name, value, 1, 10_000);
                case "file-mb" -> fileMegabytes = intOption(name, value, 1, 2_000);
                case "instances" -> phases = phases(value);
                case "warmup" -> warmup = intOption(name, value, 0, 100);
                case "jar" -> jar = Path.of(value);
                case "nginx" -> nginx = Path.of(value);
                case "nginx-conf" -> nginxConf = Path.of(value);
                case "work-dir" -> workDir = Path.of(value);
                case "pg-url" -> pgUrl = value;
                case "pg-user" -> pgUser = value;
                case "redis-url" -> redisUrl = value;
                case "time-limit" -> timeLimitSeconds = intOption(name, value, 60, 86_400);
                case "server-arg" -> serverArgs.add(value);
                case "server-jvm-arg" -> serverJvmArgs.add(value);
                default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        require(Files.isRegularFile(jar), "server jar " + jar.toAbsolutePath()
                + " not found; build it with ./mvnw -q -DskipTests package");
        require(Files.isExecutable(nginx), "nginx not found at " + nginx + "; install it with: apt-get install -y nginx"
                + " (or pass --nginx=PATH)");
        require(Files.isRegularFile(nginxConf), "nginx configuration " + nginxConf.toAbsolutePath()
                + " not found; run from the repository root or pass --nginx-conf=PATH");
        require(pgUrl.startsWith("jdbc:postgresql://") && !pgUrl.contains("?"), "--pg-url must be a"
                + " jdbc:postgresql:// URL without a query string (the schema is added), got " + pgUrl);
        URI redis = URI.create(redisUrl);
        require("redis".equals(redis.getScheme()) && redis.getHost() != null,
                "--redis-url must look like redis://host:port, got " + redisUrl);
        return new ClusterOptions(files, fileMegabytes, phases, warmup, jar.toAbsolutePath(), nginx,
                nginxConf.toAbsolutePath(), workDir.toAbsolutePath(), pgUrl, pgUser, redis,
                Duration.ofSeconds(timeLimitSeconds), List.copyOf(serverArgs), List.copyOf(serverJvmArgs));
    }

    private static List<Integer> phases(String value) {
        List<Integer> phases = new ArrayList<>();
        for (String part : value.split(",")) {
            phases.add(intOption("instances", part.trim(), 1, 16));
        }
        require(!phases.isEmpty(), "--instances needs at least one count");
        return List.copyOf(phases);
    }

    private static int intOption(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.replace("_", ""));
            require(parsed >= min && parsed <= max, name + " must be between " + min + " and " + max
                    + " (got " + value + ")");
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer (got '" + value + "')");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
