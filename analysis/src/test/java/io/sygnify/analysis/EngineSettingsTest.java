package io.sygnify.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {

    private static EngineSettings limit(String memoryLimit) {
        return new EngineSettings(1, memoryLimit, Path.of("spill"));
    }

    @Test
    void memoryLimitIsReadAsDuckDbReadsIt() {
        assertThat(limit("1GB").memoryLimitBytes()).isEqualTo(1_000_000_000L);
        assertThat(limit("512MiB").memoryLimitBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(limit("1.5 gb").memoryLimitBytes()).isEqualTo(1_500_000_000L);
    }

    @Test
    void malformedMemoryLimitIsRefusedAtConstruction() {
        assertThatThrownBy(() -> limit("lots")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memoryLimit must look like 512MB or 2GB, was 'lots'");
    }
}
