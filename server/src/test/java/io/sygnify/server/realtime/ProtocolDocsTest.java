package io.sygnify.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.junit.jupiter.api.Test;

/** Every message the server can send is documented in docs/protocol.md and docs/asyncapi.yaml. */
class ProtocolDocsTest {

    @Test
    void everyServerMessageTypeIsDocumented() throws Exception {
        String protocol = Files.readString(Path.of("..", "docs", "protocol.md"));
        String asyncApi = Files.readString(Path.of("..", "docs", "asyncapi.yaml"));
        Arrays.stream(ServerMessage.class.getPermittedSubclasses())
                .map(type -> type.getAnnotation(JsonTypeName.class).value())
                .forEach(name -> {
                    assertThat(protocol).as("protocol.md documents %s", name).contains("\"type\":\"" + name + "\"");
                    assertThat(asyncApi).as("asyncapi.yaml documents %s", name).contains("const: " + name);
                });
    }

    /** The version a client is welcomed with is the one both documents describe. */
    @Test
    void theDocumentsDescribeTheVersionTheServerSpeaks() throws Exception {
        String version = ServerMessage.Welcome.PROTOCOL_VERSION;
        assertThat(Files.readString(Path.of("..", "docs", "protocol.md"))).contains("Version **" + version + "**")
                .contains("\"protocol_version\":\"" + version + "\"");
        assertThat(Files.readString(Path.of("..", "docs", "asyncapi.yaml"))).contains("version: '" + version + "'")
                .contains("examples: ['" + version + "']");
    }

    @Test
    void everyCloseCodeIsDocumented() throws Exception {
        String protocol = Files.readString(Path.of("..", "docs", "protocol.md"));
        for (var field : CloseCodes.class.getFields()) {
            var status = (org.springframework.web.reactive.socket.CloseStatus) field.get(null);
            assertThat(protocol).as("close code %s", status.getCode()).contains("| " + status.getCode() + " |");
        }
    }
}
