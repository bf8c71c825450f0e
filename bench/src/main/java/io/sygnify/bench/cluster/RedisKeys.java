package io.sygnify.bench.cluster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The two things the benchmark asks of Redis itself: is it there, and delete a finished phase's keys. A few
 * lines of RESP over a socket instead of a client library that would bring its own Netty.
 */
final class RedisKeys implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RedisKeys(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects and checks with PING (and AUTH, when the URL has a password). */
    static RedisKeys connect(URI url) throws IOException {
        Socket socket = new Socket();
        int port = url.getPort() == -1 ? 6379 : url.getPort();
        try {
            socket.connect(new InetSocketAddress(url.getHost(), port), 3_000);
            socket.setSoTimeout(10_000);
        } catch (IOException e) {
            socket.close();
            throw new IOException("Redis is not reachable at " + url.getHost() + ":" + port + " (" + e.getMessage()
                    + "); see docs/cluster.md", e);
        }
        RedisKeys redis = new RedisKeys(socket);
        String userInfo = url.getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            String user = userInfo.substring(0, userInfo.indexOf(':'));
            String password = userInfo.substring(userInfo.indexOf(':') + 1);
            redis.command(user.isEmpty() ? List.of("AUTH", password) : List.of("AUTH", user, password));
        }
        redis.command(List.of("PING"));
        return redis;
    }

    /** Deletes every key starting with {@code prefix}; returns how many there were. */
    long deletePrefix(String prefix) throws IOException {
        long deleted = 0;
        String cursor = "0";
        do {
            List<?> reply = (List<?>) command(List.of("SCAN", cursor, "MATCH", glob(prefix) + "*", "COUNT", "500"));
            cursor = (String) reply.get(0);
            List<String> keys = new ArrayList<>();
            for (Object key : (List<?>) reply.get(1)) {
                keys.add((String) key);
            }
            if (!keys.isEmpty()) {
                List<String> del = new ArrayList<>(List.of("DEL"));
                del.addAll(keys);
                deleted += (Long) command(del);
            }
        } while (!cursor.equals("0"));
        return deleted;
    }

    private Object command(List<String> words) throws IOException {
        StringBuilder request = new StringBuilder("*").append(words.size()).append("\r\n");
        for (String word : words) {
            request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
                    .append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply(words.get(0));
    }

    private Object reply(String command) throws IOException {
        int type = in.read();
        String line = line();
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new IOException("Redis answered " + command + " with: " + line);
            case ':' -> Long.parseLong(line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] bytes = in.readNBytes(length + 2); // the value and its CRLF
                yield new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(reply(command));
                }
                yield items;
            }
            case -1 -> throw new IOException("Redis closed the connection during " + command);
            default -> throw new IOException("unexpected Redis reply type '" + (char) type + "' to " + command);
        };
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c == -1) {
                throw new IOException("Redis closed the connection mid-reply");
            }
            line.append((char) c);
        }
        in.read(); // '\n'
        return line.toString();
    }

    /** The prefix as a SCAN pattern: glob characters in it match only themselves. */
    private static String glob(String prefix) {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
