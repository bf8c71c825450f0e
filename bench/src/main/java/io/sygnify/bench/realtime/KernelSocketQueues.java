package io.sygnify.bench.realtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Bytes the kernel holds for a set of loopback connections, from {@code /proc/net/tcp} and {@code tcp6}: the
 * server side's send queue plus the client side's receive queue. Tells whether a stalled client's backlog waits
 * in socket buffers (kernel memory) or in the server's JVM.
 */
final class KernelSocketQueues {

    private KernelSocketQueues() {
    }

    /** The same for every connection to {@code serverPort}. */
    static long[] measureAll(int serverPort) throws IOException {
        return measure(serverPort, null);
    }

    /**
     * @param serverPort  the server's listening port
     * @param clientPorts local ports of the client sockets, or null for all
     * @return {serverSendQueueBytes, clientReceiveQueueBytes}
     */
    static long[] measure(int serverPort, Set<Integer> clientPorts) throws IOException {
        long serverSend = 0;
        long clientReceive = 0;
        for (String file : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5 || !f[1].contains(":")) {
                    continue; // header
                }
                int local = port(f[1]);
                int remote = port(f[2]);
                String[] queues = f[4].split(":");
                if (local == serverPort && (clientPorts == null || clientPorts.contains(remote))) {
                    serverSend += Long.parseLong(queues[0], 16);
                } else if (remote == serverPort && (clientPorts == null || clientPorts.contains(local))) {
                    clientReceive += Long.parseLong(queues[1], 16);
                }
            }
        }
        return new long[] {serverSend, clientReceive};
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}
