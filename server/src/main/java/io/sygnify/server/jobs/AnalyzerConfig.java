package io.sygnify.server.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.sygnify.analysis.CsvAnalyzer;
import io.sygnify.analysis.EngineSettings;
import io.sygnify.server.config.SygnifyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnalyzerConfig {

    @Bean
    CsvAnalyzer csvAnalyzer(SygnifyProperties properties) {
        try {
            Files.createDirectories(properties.uploadsDir());
            Files.createDirectories(properties.engineTempDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + properties.dataDir().toAbsolutePath(), e);
        }
        return new CsvAnalyzer(new EngineSettings(properties.engine().effectiveThreads(),
                properties.engine().memoryLimit(), properties.engineTempDir()));
    }
}
