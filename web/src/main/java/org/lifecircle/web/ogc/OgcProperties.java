package org.lifecircle.web.ogc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code lifecircle.ogc.*}; {@code scripts/ogc.sh} starts the MapServer they name.
 *
 * @param mapserverUrl the private MapServer FastCGI endpoint, e.g. {@code
 *     http://127.0.0.1:55480/mapserv}; empty when no MapServer runs (then {@code /ogc} answers 503)
 * @param directory where the service writes the mapfile, its templates and fonts; empty: nowhere
 * @param timeoutMillis how long the gateway waits for MapServer
 */
@ConfigurationProperties("lifecircle.ogc")
record OgcProperties(
        @DefaultValue("") String mapserverUrl,
        @DefaultValue("") String directory,
        @DefaultValue("30000") int timeoutMillis) {

    boolean enabled() {
        return !mapserverUrl.isBlank();
    }
}
