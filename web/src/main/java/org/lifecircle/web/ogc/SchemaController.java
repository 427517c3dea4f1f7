package org.lifecircle.web.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /ogc/schemas/…}: the OGC schemas that the capabilities, feature types and features of
 * {@code /ogc} name (MapServer's {@code ows_schemas_location}), read-only and public, from {@link
 * SchemaLibrary}. Anything else, a path that tries to leave the tree included, is a 404.
 */
@RestController
class SchemaController {
    static final String PATH = "/ogc/schemas";

    /**
     * Schemas change only with the package version, and then rarely; a month spares a validator
     * or GIS client some hundred requests per document without keeping a corrected schema away
     * for long. The entity tag makes a revalidation cheap.
     */
    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofDays(30)).cachePublic();

    private final SchemaLibrary library = SchemaLibrary.fromClasspath();

    @GetMapping(PATH + "/**")
    ResponseEntity<byte[]> schema(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        Optional<SchemaLibrary.Schema> found =
                uri.startsWith(PATH + "/") ? library.find(uri.substring(PATH.length() + 1)) : Optional.empty();
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        SchemaLibrary.Schema schema = found.get();
        // With an entity tag, Spring answers a matching If-None-Match with 304 and no body.
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(schema.mediaType()))
                .cacheControl(CACHE)
                .eTag(schema.entityTag())
                .body(schema.content());
    }
}
