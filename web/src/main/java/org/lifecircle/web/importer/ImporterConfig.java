package org.lifecircle.web.importer;

import java.util.function.Supplier;
import org.lifecircle.web.store.PostgisDatasetStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The file importers, one per kind, sharing GDAL, the staging area and the store. */
@Configuration
class ImporterConfig {

    @Bean
    Gdal gdal(ImportProperties properties) {
        return new Gdal(properties);
    }

    @Bean
    Importer communityImporter(
            JdbcClient jdbc,
            ImportProperties properties,
            Gdal gdal,
            StagingArea staging,
            PostgisDatasetStore store,
            Environment environment) {
        return new FileImporter<>(new CommunityTarget(jdbc), properties, gdal, staging, store, database(environment));
    }

    @Bean
    Importer facilityImporter(
            JdbcClient jdbc,
            ImportProperties properties,
            Gdal gdal,
            StagingArea staging,
            PostgisDatasetStore store,
            Environment environment) {
        return new FileImporter<>(new FacilityTarget(jdbc), properties, gdal, staging, store, database(environment));
    }

    @Bean
    Importer populationImporter(
            ImportProperties properties,
            Gdal gdal,
            StagingArea staging,
            PostgisDatasetStore store,
            Environment environment) {
        return new FileImporter<>(new PopulationTarget(), properties, gdal, staging, store, database(environment));
    }

    /**
     * The service's datasource for GDAL, read when an import needs it: a URL GDAL cannot use fails
     * that import with a clear message instead of the service's start.
     */
    private static Supplier<PgConnectionInfo> database(Environment environment) {
        return () -> {
            try {
                return PgConnectionInfo.fromJdbc(
                        environment.getProperty("spring.datasource.url"),
                        environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"));
            } catch (IllegalArgumentException e) {
                throw new ImportFailedException("GDAL cannot reach the database: " + e.getMessage(), null, true, e);
            }
        };
    }
}
