package org.lifecircle.web.standards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.LifecircleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The standards catalog in force: national, with the locality's override file if one is set. */
@Configuration
class StandardsConfig {

    @Bean
    StandardsCatalog standardsCatalog(LifecircleProperties properties) {
        String override = properties.standardsOverride();
        if (override == null || override.isBlank()) {
            return StandardsCatalog.national();
        }
        Path path = Path.of(override);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("lifecircle.standards-override names an unreadable file: " + path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return StandardsCatalog.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
