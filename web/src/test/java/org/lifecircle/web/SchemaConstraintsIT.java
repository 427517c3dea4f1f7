package org.lifecircle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The schema itself refuses bad rows, whatever client writes them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "lifecircle.demo.autoload=none")
@Transactional
class SchemaConstraintsIT {
    private static final String SQUARE = "MULTIPOLYGON(((119 31.6, 119.01 31.6, 119.01 31.61, 119 31.61, 119 31.6)))";
    private static final String BOWTIE = "MULTIPOLYGON(((119 31.6, 119.01 31.61, 119.01 31.6, 119 31.61, 119 31.6)))";
    private static final String CELL = "POLYGON((119 31.6, 119.001 31.6, 119.001 31.601, 119 31.601, 119 31.6))";

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        TestDatabase.requireThrowawayDatabase();
    }

    /**
     * Runs a statement that must fail, inside a savepoint so the test's transaction stays usable
     * for the next statement.
     */
    private AbstractThrowableAssert<?, ? extends Throwable> refused(Runnable statement) {
        jdbc.execute("SAVEPOINT refused");
        try {
            return assertThatThrownBy(statement::run).isInstanceOf(DataAccessException.class);
        } finally {
            jdbc.execute("ROLLBACK TO SAVEPOINT refused");
        }
    }

    private void insertCommunity(String code, String wkt, int srid) {
        jdbc.update(
                "INSERT INTO community (code, name, subdistrict_name, geom) VALUES (?, '测试社区', '测试街道',"
                        + " ST_GeomFromText(?, ?))",
                code,
                wkt,
                srid);
    }

    @Test
    void validCommunityIsAccepted() {
        insertCommunity("TEST-00001", SQUARE, 4326);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE code = 'TEST-00001'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void selfIntersectingBoundaryIsRefused() {
        refused(() -> insertCommunity("TEST-00002", BOWTIE, 4326))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("community_geom_check");
    }

    @Test
    void boundaryInAnotherSridIsRefused() {
        refused(() -> insertCommunity("TEST-00003", SQUARE, 4490))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("SRID");
    }

    @Test
    void pointWhereAPolygonBelongsIsRefused() {
        refused(() -> insertCommunity("TEST-00004", "POINT(119 31.6)", 4326))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("Geometry type");
    }

    @Test
    void negativeHouseholdsAreRefused() {
        refused(() -> jdbc.update(
                        "INSERT INTO population_cell (population, households, geom) VALUES (10, -1,"
                                + " ST_GeomFromText(?, 4326))",
                        CELL))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("population_cell_households_check");
    }

    @Test
    void negativePopulationIsRefused() {
        refused(() -> jdbc.update(
                        "INSERT INTO population_cell (population, households, geom) VALUES (-5, 1,"
                                + " ST_GeomFromText(?, 4326))",
                        CELL))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("population_cell_population_check");
    }

    @Test
    void moreElderlyThanResidentsIsRefused() {
        refused(() -> jdbc.update(
                        "INSERT INTO population_cell (population, households, elderly, geom) VALUES (5, 2, 6,"
                                + " ST_GeomFromText(?, 4326))",
                        CELL))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("population_cell_elderly_check");
    }

    @Test
    void unknownFacilityTypeIsRefused() {
        refused(() -> jdbc.update("INSERT INTO facility (type_code, name, geom) VALUES ('casino', 'x',"
                        + " ST_SetSRID(ST_MakePoint(119, 31.6), 4326))"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("facility_type_code_fkey");
    }

    @Test
    void catalogFacilityTypeIsAccepted() {
        jdbc.update("INSERT INTO facility (type_code, name, geom) VALUES ('kindergarten', '第一幼儿园',"
                + " ST_SetSRID(ST_MakePoint(119, 31.6), 4326))");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM facility WHERE name = '第一幼儿园'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void zeroLengthRoadEdgeIsRefused() {
        refused(() -> jdbc.update("INSERT INTO road_edge (source, target, length_m, road_class, geom) VALUES (1, 2, 0,"
                        + " 'residential', ST_GeomFromText('LINESTRING(119 31.6, 119.001 31.6)', 4326))"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("road_edge_length_m_check");
    }

    @Test
    void twoOpenVersionsOfOneCommunityAreRefused() {
        insertCommunity("TEST-00005", SQUARE, 4326);
        refused(() -> insertCommunity("TEST-00005", SQUARE, 4326))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("community_one_version_at_a_time");
    }

    @Test
    void aCommunityVersionCanBeClosedButNotRewritten() {
        insertCommunity("TEST-00006", SQUARE, 4326);
        refused(() -> jdbc.update("UPDATE community SET name = '改名社区' WHERE code = 'TEST-00006'"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be edited");
        jdbc.update("UPDATE community SET valid_to = valid_from + interval '1 day' WHERE code = 'TEST-00006'");
        refused(() -> jdbc.update(
                        "UPDATE community SET valid_to = valid_from + interval '2 days' WHERE code = 'TEST-00006'"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void facilityTypesAreSeededFromTheCatalog() {
        assertThat(jdbc.queryForObject(
                        "SELECT service_radius_m FROM facility_type WHERE code = 'primary_school'", Double.class))
                .isEqualTo(500.0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM facility_type", Long.class))
                .isGreaterThanOrEqualTo(10);
    }
}
