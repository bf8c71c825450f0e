package io.sygnify.server.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bare RFC 6455 client on a plain socket, for behaviour real libraries hide: it never answers pings and reads
 * only when told to, so it can play a silent or a stalled client.
 */
public final class RawWebSocket implements AutoCloseable {

    public record Frame(int opcode, byte[] payload) {
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private Frame welcome;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** @param receiveBuffer socket receive buffer in bytes (small values make a stalled client fill up fast) */
    public static RawWebSocket connect(int port, String path, int receiveBuffer) {
        return connectAs(port, path, TestAccounts.ADMIN_TOKEN, receiveBuffer);
    }

    /** As {@link #connect}, signed in with {@code token}. */
    public static RawWebSocket connectAs(int port, String path, String token, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(receiveBuffer);
            socket.connect(new java.net.InetSocketAddress("localhost", port), 5000);
            RawWebSocket ws = new RawWebSocket(socket);
            ws.handshake(path, port, token);
            // Like every client, sends nothing before the server's welcome (docs/protocol.md, "Connecting").
            ws.welcome = ws.read(5000);
            if (ws.welcome == null || ws.welcome.opcode() != 0x1 || !ws.welcome.text().contains("\"welcome\"")) {
                throw new IOException("Expected the welcome first, got " + ws.welcome);
            }
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handshake(String path, int port, String token) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String headers = readHeaders(in);
        if (!headers.startsWith("HTTP/1.1 101")) {
            throw new IOException("Handshake refused: " + headers);
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("Connection closed during handshake");
            }
            buffer.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0 ? b == '\r' : b == '\n') ? matched + 1 : 0;
        }
        return buffer.toString(StandardCharsets.US_ASCII);
    }

    /** The server's first frame, read by {@link #connect} before it returned. */
    public Frame welcome() {
        return welcome;
    }

    public void sendText(String text) {
        sendText(text, 1);
    }

    /** Sends {@code text} {@code times} times in one write, as a client that does not wait between messages. */
    public void sendText(String text, int times) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        try {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            for (int n = 0; n < times; n++) {
                frames.write(0x81);
                if (payload.length < 126) {
                    frames.write(0x80 | payload.length);
                } else {
                    frames.write(0x80 | 126);
                    frames.write(payload.length >> 8);
                    frames.write(payload.length & 0xFF);
                }
                byte[] mask = new byte[4];
                ThreadLocalRandom.current().nextBytes(mask);
                frames.write(mask);
                for (int i = 0; i < payload.length; i++) {
                    frames.write(payload[i] ^ mask[i % 4]);
                }
            }
            out.write(frames.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame, or null when nothing arrives within {@code timeoutMillis}. */
    public Frame read(int timeoutMillis) {
        try {
            socket.setSoTimeout(timeoutMillis);
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            return new Frame(first & 0x0F, payload);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int framesRead;
    private String endedBy = "still open";

    /** Reads until a close frame arrives; returns it, or null at end of stream or after {@code timeoutMillis}. */
    public Frame readUntilClose(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Frame frame;
            try {
                frame = read(1000);
            } catch (UncheckedIOException e) {
                endedBy = e.getCause().toString();
                return null;
            }
            if (frame != null) {
                framesRead++;
            }
            if (frame != null && frame.opcode() == 0x8) {
                return frame;
            }
        }
        endedBy = "timeout";
        return null;
    }

    /** What {@link #readUntilClose} saw, for failure messages. */
    public String readSummary() {
        return framesRead + " frames read, ended by " + endedBy;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
