package io.sygnify.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.sygnify.client.ClientConfig;
import io.sygnify.client.ConnectionState;
import io.sygnify.client.RealtimeConnection;
import io.sygnify.client.ReconnectPolicy;
import io.sygnify.client.SygnifyConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a {@link RealtimeConnection} reacts when the other end is missing, silent or closes on it. */
@Timeout(60)
class ConnectionRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ReconnectPolicy FAST =
            new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 3, Duration.ofSeconds(30));

    @Test
    void givesUpWithAClearStateAfterMaxAttemptsWhenNoServerListens() throws Exception {
        Recorder<ConnectionState> states = new Recorder<>();
        try (RealtimeConnection connection = new RealtimeConnection(ClientConfig.of("http://localhost:" + freePort()),
                FAST)) {
            connection.addConnectionStateListener(states);

            assertThatThrownBy(() -> connection.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SygnifyConnectionException.class)
                    .hasMessageContaining("Max reconnection attempts reached");
            ConnectionState.Closed closed = (ConnectionState.Closed) states.await(
                    s -> s instanceof ConnectionState.Closed, WAIT);

            assertThat(closed.failure()).isTrue();
            assertThat(closed.reason()).startsWith("Max reconnection attempts reached (3)");
            List<ConnectionState> seen = states.items();
            assertThat(seen.get(0)).isInstanceOf(ConnectionState.Connecting.class);
            assertThat(seen.subList(1, 4)).extracting(s -> ((ConnectionState.Reconnecting) s).attempt())
                    .containsExactly(1, 2, 3);
            assertThat(seen.subList(1, 4)).allSatisfy(s -> assertThat(((ConnectionState.Reconnecting) s).delay())
                    .isBetween(Duration.ZERO, FAST.maxDelay()));
            assertThat(seen).hasSize(5);
            assertThat(connection.state()).isEqualTo(closed);
        }
    }

    @Test
    void silentServerIsTakenForDeadAfterTwoHeartbeatIntervalsAndReconnected() throws Exception {
        Recorder<ConnectionState> states = new Recorder<>();
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.silent();
             RealtimeConnection connection = new RealtimeConnection(ClientConfig.of(server.url()),
                     FAST.withHeartbeatInterval(Duration.ofMillis(200)))) {
            connection.addConnectionStateListener(states);
            connection.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);

            ConnectionState.Reconnecting reconnecting = (ConnectionState.Reconnecting) states.await(
                    s -> s instanceof ConnectionState.Reconnecting, WAIT);
            states.awaitCount(s -> s instanceof ConnectionState.Connected, 2, WAIT);

            assertThat(reconnecting.cause()).startsWith("no message from the server for").contains("heartbeat every 200 ms");
            assertThat(server.handshakes()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1001, 1011, 4000, 4008})
    void transientCloseCodesReconnect(int code) throws Exception {
        Recorder<ConnectionState> states = new Recorder<>();
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.closingWith(code);
             RealtimeConnection connection = new RealtimeConnection(ClientConfig.of(server.url()), FAST)) {
            connection.addConnectionStateListener(states);
            connection.connect();

            ConnectionState.Reconnecting reconnecting = (ConnectionState.Reconnecting) states.await(
                    s -> s instanceof ConnectionState.Reconnecting, WAIT);

            assertThat(reconnecting.cause()).isEqualTo("closed by the server (" + code + " scripted close)");
            states.await(s -> s instanceof ConnectionState.Closed, WAIT);
            assertThat(server.handshakes()).as("states %s", states.items()).hasSize(1 + FAST.maxAttempts());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4401, 4403})
    void refusalCloseCodesEndTheConnectionWithoutRetrying(int code) throws Exception {
        Recorder<ConnectionState> states = new Recorder<>();
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.closingWith(code);
             RealtimeConnection connection = new RealtimeConnection(ClientConfig.of(server.url()), FAST)) {
            connection.addConnectionStateListener(states);
            connection.connect();

            ConnectionState.Closed closed = (ConnectionState.Closed) states.await(
                    s -> s instanceof ConnectionState.Closed, WAIT);

            assertThat(closed.failure()).isTrue();
            assertThat(closed.reason()).isEqualTo("Not reconnecting: closed by the server (" + code + " scripted close)");
            assertThat(states.items()).noneMatch(s -> s instanceof ConnectionState.Reconnecting);
            assertThat(server.handshakes()).hasSize(1);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
