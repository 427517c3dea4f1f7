package org.lifecircle.web.standards;

import org.lifecircle.core.standards.StandardsCatalog;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the catalog's facility types into {@code facility_type} at start-up, so the table always
 * matches the catalog in force (a locality override included). Types no longer in the catalog stay:
 * facilities may still name them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FacilityTypeSeeder implements ApplicationRunner {
    private static final String UPSERT = """
            INSERT INTO facility_type (code, name_zh, name_en, life_circle, service_radius_m,
                                       floor_area_min_m2, floor_area_max_m2, source)
            VALUES (:code, :nameZh, :nameEn, :lifeCircle, :radius, :areaMin, :areaMax, :source)
            ON CONFLICT (code) DO UPDATE SET
                name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, life_circle = EXCLUDED.life_circle,
                service_radius_m = EXCLUDED.service_radius_m, floor_area_min_m2 = EXCLUDED.floor_area_min_m2,
                floor_area_max_m2 = EXCLUDED.floor_area_max_m2, source = EXCLUDED.source
            """;

    private final StandardsCatalog catalog;
    private final JdbcClient jdbc;

    FacilityTypeSeeder(StandardsCatalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seed();
    }

    public void seed() {
        catalog.facilityTypes()
                .forEach((code, type) -> jdbc.sql(UPSERT)
                        .param("code", code)
                        .param("nameZh", type.nameZh())
                        .param("nameEn", type.nameEn())
                        .param("lifeCircle", type.lifeCircle())
                        .param("radius", type.serviceRadiusMeters())
                        .param(
                                "areaMin",
                                type.floorAreaSquareMeters() == null
                                        ? null
                                        : type.floorAreaSquareMeters().min())
                        .param(
                                "areaMax",
                                type.floorAreaSquareMeters() == null
                                        ? null
                                        : type.floorAreaSquareMeters().max())
                        .param("source", type.source())
                        .update());
    }
}
