package io.sygnify.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.sygnify.client.ClientConfig;
import io.sygnify.client.RealtimeConnection;
import io.sygnify.client.ReconnectPolicy;
import io.sygnify.client.SygnifyClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The optional token travels as {@code Authorization: Bearer …} on REST calls and on the WebSocket handshake. */
@Timeout(30)
class BearerTokenTest {

    @Test
    void tokenIsSentOnRestCalls() throws Exception {
        List<String> authorization = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/jobs", exchange -> {
            authorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://localhost:" + server.getAddress().getPort();
            new SygnifyClient(ClientConfig.of(url).withToken("s3cret-token")).jobs(0, 20, null);
            new SygnifyClient(ClientConfig.of(url)).jobs(0, 20, null);

            assertThat(authorization).containsExactly("Bearer s3cret-token", "null");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void tokenIsSentOnTheWebSocketHandshake() throws Exception {
        try (ScriptedWebSocketServer server = ScriptedWebSocketServer.silent();
             RealtimeConnection connection = new RealtimeConnection(
                     ClientConfig.of(server.url()).withToken("s3cret-token"), ReconnectPolicy.DEFAULT)) {
            connection.connect().get(10, TimeUnit.SECONDS);

            assertThat(server.handshakes()).containsExactly("Bearer s3cret-token");
        }
    }
}
