package io.sygnify.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class ClientConfigTest {

    @Test
    void webSocketUrlFollowsTheServerUrlsSchemeAndPath() {
        assertThat(ClientConfig.of("http://localhost:8000").webSocketUri()).isEqualTo(URI.create("ws://localhost:8000/ws"));
        assertThat(ClientConfig.of("https://example.org/sygnify/").webSocketUri())
                .isEqualTo(URI.create("wss://example.org/sygnify/ws"));
    }

    @Test
    void restPathsResolveUnderTheServerUrl() {
        assertThat(ClientConfig.of("http://h:1/base/").resolve("/api/jobs")).isEqualTo(URI.create("http://h:1/base/api/jobs"));
    }

    @Test
    void rejectsUrlsThatAreNotHttp() {
        assertThatThrownBy(() -> ClientConfig.of("ftp://h")).hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> ClientConfig.of("localhost:8000")).hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> ClientConfig.of("http://bad host")).hasMessageContaining("not a valid URL");
    }

    @Test
    void blankTokenMeansNoTokenAndSpacesAreRejected() {
        assertThat(ClientConfig.of("http://h").withToken("  ").bearerToken()).isEmpty();
        assertThat(ClientConfig.of("http://h").withToken("abc.def").bearerToken()).contains("abc.def");
        assertThatThrownBy(() -> ClientConfig.of("http://h").withToken("a b")).hasMessageContaining("printable ASCII");
    }
}
