package io.sygnify.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sygnify.server.SygnifyApplication;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

@Timeout(90)
class ShutdownTest {

    @Test
    void stoppingTheServerClosesEverySocketWith1001() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SygnifyApplication.class).run(
                "--server.port=0", "--server.shutdown=graceful", "--sygnify.data-dir=" + TempDataDir.create("shutdown"),
                "--sygnify.realtime.shutdown-batch-size=2", "--sygnify.realtime.shutdown-batch-pause=20ms");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        List<TestSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                TestSocket socket = TestSocket.connect(port, "/ws");
                socket.send(Map.of("type", "ping"));
                socket.awaitType("pong", Duration.ofSeconds(10));
                sockets.add(socket);
            }
            long start = System.nanoTime();
            context.close();
            for (TestSocket socket : sockets) {
                assertThat(socket.awaitClose(Duration.ofSeconds(20))).isEqualTo(1001);
            }
            // Nothing held the graceful shutdown up to its 30 s timeout.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        } finally {
            sockets.forEach(TestSocket::close);
            context.close();
        }
    }
}
