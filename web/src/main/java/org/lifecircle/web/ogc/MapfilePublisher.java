package org.lifecircle.web.ogc;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the mapfile into {@code lifecircle.ogc.directory} at start-up (after the demo data, so the
 * extent is the data's), with the service's own database connection. MapServer reads it on every
 * request, so a rewrite takes effect at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MapfilePublisher implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MapfilePublisher.class);
    private static final String EXTENT = """
            SELECT concat_ws(' ', ST_XMin(e) - 0.01, ST_YMin(e) - 0.01, ST_XMax(e) + 0.01, ST_YMax(e) + 0.01)
            FROM (SELECT ST_Extent(geom)::geometry AS e FROM (
                SELECT geom FROM community WHERE valid_to IS NULL
                UNION ALL SELECT geom FROM population_cell
                UNION ALL SELECT geom FROM road_edge) g) x
            WHERE e IS NOT NULL
            """;

    private final OgcProperties properties;
    private final LayerCatalog catalog;
    private final DataSourceProperties dataSource;
    private final JdbcClient jdbc;

    MapfilePublisher(OgcProperties properties, LayerCatalog catalog, DataSourceProperties dataSource, JdbcClient jdbc) {
        this.properties = properties;
        this.catalog = catalog;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        publish();
    }

    /** Writes the mapfile; does nothing when no directory is configured. */
    void publish() {
        if (properties.directory().isBlank()) {
            return;
        }
        String extent = jdbc.sql(EXTENT).query(String.class).optional().orElse(null);
        PostgisConnection connection = PostgisConnection.fromJdbc(
                dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword());
        Path mapfile = MapfileWriter.write(Path.of(properties.directory()), catalog.layers(), connection, extent);
        LOG.info("OGC mapfile with {} layers written to {}", catalog.layers().size(), mapfile);
    }
}
