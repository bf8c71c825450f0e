package io.sygnify.server.client;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real WebSocket server on a real socket that does one scripted thing after the handshake: stay silent, or
 * close with a given code. For client behaviour the Sygnify server cannot be made to show on demand.
 */
final class ScriptedWebSocketServer implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final Integer closeCode;
    private final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private ScriptedWebSocketServer(Integer closeCode) throws IOException {
        this.server = new ServerSocket(0);
        this.closeCode = closeCode;
        Thread acceptor = new Thread(this::acceptAll, "scripted-ws-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Completes every handshake, sends its {@code welcome}, then never another byte. */
    static ScriptedWebSocketServer silent() throws IOException {
        return new ScriptedWebSocketServer(null);
    }

    /** Completes every handshake, then closes with {@code code}. */
    static ScriptedWebSocketServer closingWith(int code) throws IOException {
        return new ScriptedWebSocketServer(code);
    }

    String url() {
        return "http://localhost:" + server.getLocalPort();
    }

    /** The {@code Authorization} header of each handshake, in order ("" when absent). */
    List<String> handshakes() {
        return List.copyOf(authorizationHeaders);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                handshake(socket);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handshake(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        String key = null;
        String authorization = "";
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).strip();
            } else if (lower.startsWith("authorization:")) {
                authorization = line.substring(line.indexOf(':') + 1).strip();
            }
        }
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        authorizationHeaders.add(authorization);
        if (closeCode != null) {
            out.write(closeFrame(closeCode, "scripted close"));
        } else {
            out.write(textFrame("{\"type\":\"welcome\",\"protocol_version\":\"1.6\",\"username\":\"scripted\","
                    + "\"heartbeat_interval_seconds\":30}"));
        }
        out.flush();
    }

    /** An unmasked text frame under 126 bytes. */
    private static byte[] textFrame(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(bytes.length);
        frame.writeBytes(bytes);
        return frame.toByteArray();
    }

    /** An unmasked close frame (RFC 6455 §5.5.1): FIN + opcode 8, length, 2-byte code, reason. */
    private static byte[] closeFrame(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x88);
        frame.write(2 + text.length);
        frame.write(code >> 8);
        frame.write(code & 0xff);
        frame.writeBytes(text);
        return frame.toByteArray();
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
