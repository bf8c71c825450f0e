package io.sygnify.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.sygnify.server.SygnifyApplication;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two servers in one JVM: stopping one must not stop the event loops the other runs on (see NettyLoopsConfig). */
@Timeout(120)
class SharedEventLoopsTest {

    @Test
    void closingOneServerLeavesAnotherInTheSameJvmServing() {
        try (ConfigurableApplicationContext staying = start(TempDataDir.create("loops-staying"))) {
            TestHttp http = new TestHttp(port(staying));
            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);

            start(TempDataDir.create("loops-leaving")).close();

            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(new TestHttp(port(staying)).get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().startsWith("reactor-http-"));
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(SygnifyApplication.class).run("--server.port=0",
                "--sygnify.data-dir=" + data);
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
