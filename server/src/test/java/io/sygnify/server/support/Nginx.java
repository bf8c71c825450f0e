package io.sygnify.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Debian's nginx running the shipped {@code deploy/nginx/sygnify.conf}, with the instances and port filled in
 * between its BEGIN/END markers, in a prefix directory of its own.
 */
public final class Nginx implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getenv().getOrDefault("SYGNIFY_NGINX", "/usr/sbin/nginx"));

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static Nginx start(List<Integer> instancePorts) throws IOException, InterruptedException {
        int port = ClusterNode.freePort();
        Path prefix = Files.createTempDirectory("sygnify-nginx");
        Files.createDirectories(prefix.resolve("logs"));
        String site = Files.readString(Path.of("..", "deploy", "nginx", "sygnify.conf"));
        String servers = instancePorts.stream().map(p -> "    server 127.0.0.1:" + p + " max_fails=3 fail_timeout=10s;")
                .collect(Collectors.joining("\n"));
        site = site.replaceAll("(?s)# BEGIN instances.*?# END instances", "# BEGIN instances\n" + servers
                + "\n    # END instances").replace("listen 8000;", "listen 127.0.0.1:" + port + ";");
        String conf = "pid " + prefix.resolve("nginx.pid") + ";\nerror_log " + prefix.resolve("logs/error.log")
                + ";\nevents {}\nhttp {\n    access_log " + prefix.resolve("logs/access.log") + ";\n"
                + "    client_body_temp_path " + prefix.resolve("body") + ";\n    proxy_temp_path "
                + prefix.resolve("proxy") + ";\n" + site + "\n}\n";
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process process = new ProcessBuilder(BINARY.toString(), "-p", prefix.toString(), "-c", file.toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, port);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(prefix.resolve("logs/stdout.log")));
            }
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
