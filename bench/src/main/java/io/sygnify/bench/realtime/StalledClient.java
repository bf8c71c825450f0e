package io.sygnify.bench.realtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client that stalls: a raw socket with a tiny receive buffer that does the WebSocket handshake, subscribes to
 * a job and then never reads, so everything the server sends piles up in the kernel and then in the server's
 * outbound queue for that connection. {@link #drain} reads what arrived afterwards and tells how it ended.
 */
final class StalledClient implements AutoCloseable {

    static final int RECEIVE_BUFFER_BYTES = 4 * 1024;
    private static final int DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

    private final Socket socket;

    private StalledClient(Socket socket) {
        this.socket = socket;
    }

    static StalledClient open(int port) throws IOException {
        Socket socket = new Socket();
        // Set before connecting, so the window the server sees is small from the first segment.
        socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Authorization: " + BenchAccount.AUTHORIZATION + "\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        String status = readResponseHead(socket.getInputStream());
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("WebSocket handshake refused: " + status);
        }
        skipFrame(socket.getInputStream()); // the welcome: from now on the server reads what we send
        return new StalledClient(socket);
    }

    /** Reads one unmasked server frame and drops it. */
    private static void skipFrame(InputStream in) throws IOException {
        java.io.DataInputStream data = new java.io.DataInputStream(in);
        data.readUnsignedByte();
        int length = data.readUnsignedByte() & 0x7f;
        long size = length == 126 ? data.readUnsignedShort() : length == 127 ? data.readLong() : length;
        data.skipNBytes(size);
    }

    int localPort() {
        return socket.getLocalPort();
    }

    void subscribe(String jobId) throws IOException {
        byte[] payload = ("{\"type\":\"subscribe_job\",\"job_id\":\"" + jobId + "\",\"last_seq\":0}")
                .getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(maskedTextFrame(payload));
        out.flush();
    }

    enum Ending { CLOSED_BY_SERVER, CONNECTION_RESET, EOF_WITHOUT_CLOSE, STILL_OPEN }

    /**
     * @param closeCode the code of the server's close frame, or -1
     * @param textFrames job events and answers that were still waiting in the socket
     */
    record Outcome(Ending ending, int closeCode, int textFrames, long bytes) {
    }

    /** Reads whatever waits (bounded in bytes and time) and reports how the connection ended. */
    Outcome drain() {
        FrameScanner frames = new FrameScanner();
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            socket.setSoTimeout(500);
            InputStream in = socket.getInputStream();
            long until = System.nanoTime() + 5_000_000_000L;
            while (bytes < DRAIN_LIMIT_BYTES && System.nanoTime() < until) {
                int read = in.read(buffer);
                if (read < 0) {
                    return frames.outcome(frames.closeCode >= 0 ? Ending.CLOSED_BY_SERVER : Ending.EOF_WITHOUT_CLOSE,
                            bytes);
                }
                bytes += read;
                frames.feed(buffer, read);
            }
            return frames.outcome(Ending.STILL_OPEN, bytes);
        } catch (SocketTimeoutException e) {
            return frames.outcome(frames.closeCode >= 0 ? Ending.CLOSED_BY_SERVER : Ending.STILL_OPEN, bytes);
        } catch (SocketException e) {
            return frames.outcome(Ending.CONNECTION_RESET, bytes);
        } catch (IOException e) {
            return frames.outcome(Ending.CONNECTION_RESET, bytes);
        }
    }

    /** How a group of stalled clients ended, and what was still waiting in their sockets. */
    record Summary(Map<String, Long> endings, long textFrames, long bytes) {
    }

    /** Drains every client in parallel (each bounded in bytes and time) and adds up how they ended. */
    static Summary drainAll(List<StalledClient> clients) throws InterruptedException {
        Map<String, Long> endings = new TreeMap<>();
        long frames = 0;
        long bytes = 0;
        if (clients.isEmpty()) {
            return new Summary(endings, 0, 0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            clients.forEach(c -> outcomes.add(pool.submit(c::drain)));
            for (Future<Outcome> future : outcomes) {
                try {
                    Outcome outcome = future.get(30, TimeUnit.SECONDS);
                    String code = outcome.closeCode() >= 0 ? " " + outcome.closeCode() : "";
                    endings.merge(outcome.ending() + code, 1L, Long::sum);
                    frames += outcome.textFrames();
                    bytes += outcome.bytes();
                } catch (ExecutionException | TimeoutException e) {
                    endings.merge("NOT_DRAINED " + e.getClass().getSimpleName(), 1L, Long::sum);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(endings, frames, bytes);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private static String readResponseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake after: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 8192) {
                throw new IOException("handshake response head longer than 8 KB");
            }
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        return text.substring(0, text.indexOf('\r'));
    }

    private static byte[] maskedTextFrame(byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("subscribe message longer than 125 bytes: " + payload.length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81; // FIN + text
        frame[1] = (byte) (0x80 | payload.length); // masked, as RFC 6455 requires of clients
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    /** Walks the server's (unmasked) frames as bytes arrive, counting text frames and catching the close code. */
    private static final class FrameScanner {
        private final byte[] header = new byte[10];
        private int headerLength;
        private long payloadLeft;
        private int opcode;
        private int closeBytesSeen;
        private int closeCode = -1;
        private int textFrames;

        void feed(byte[] buffer, int length) {
            int i = 0;
            while (i < length) {
                if (payloadLeft > 0) {
                    int take = (int) Math.min(payloadLeft, length - i);
                    if (opcode == 0x8) {
                        for (int k = 0; k < take && closeBytesSeen < 2; k++, closeBytesSeen++) {
                            int b = buffer[i + k] & 0xff;
                            closeCode = closeBytesSeen == 0 ? b << 8 : closeCode | b;
                        }
                    }
                    payloadLeft -= take;
                    i += take;
                    continue;
                }
                header[headerLength++] = buffer[i++];
                if (headerLength < 2) {
                    continue;
                }
                int lengthCode = header[1] & 0x7f;
                int needed = lengthCode == 126 ? 4 : lengthCode == 127 ? 10 : 2;
                if (headerLength < needed) {
                    continue;
                }
                opcode = header[0] & 0x0f;
                payloadLeft = lengthCode < 126 ? lengthCode : lengthCode == 126
                        ? ((header[2] & 0xffL) << 8) | (header[3] & 0xffL)
                        : java.nio.ByteBuffer.wrap(header, 2, 8).getLong();
                headerLength = 0;
                if (opcode == 0x1) {
                    textFrames++;
                } else if (opcode == 0x8) {
                    closeBytesSeen = 0;
                    closeCode = payloadLeft >= 2 ? 0 : 1005;
                }
            }
        }

        Outcome outcome(Ending ending, long bytes) {
            return new Outcome(ending, closeCode, textFrames, bytes);
        }
    }
}
