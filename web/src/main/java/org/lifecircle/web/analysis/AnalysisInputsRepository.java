package org.lifecircle.web.analysis;

import java.util.List;
import java.util.function.LongToIntFunction;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.web.common.DataVersion;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads communities, cells and facilities for the analyses. */
@Repository
class AnalysisInputsRepository {
    private static final String COMMUNITIES = """
            SELECT id, code, name, subdistrict_name, urban, office_area_m2, service_area_m2, staff_count
            FROM community WHERE valid_to IS NULL ORDER BY code, id
            """;

    /** A cell counts for the community holding its point on surface, as everywhere else. */
    private static final String CELLS = """
            SELECT p.id, c.id AS community_id, p.households, p.population, p.elderly, p.children,
                   ST_AsBinary(p.geom) AS wkb
            FROM population_cell p
            LEFT JOIN LATERAL (
                SELECT c.id FROM community c
                WHERE c.valid_to IS NULL AND ST_Intersects(c.geom, p.centroid)
                ORDER BY c.id LIMIT 1) c ON true
            ORDER BY p.id
            """;

    private static final String FACILITIES = """
            SELECT id, type_code, name, floor_area_m2, capacity, ST_X(geom) AS lon, ST_Y(geom) AS lat
            FROM facility ORDER BY type_code, id
            """;

    private final JdbcClient jdbc;
    private final DataVersion dataVersion;

    AnalysisInputsRepository(JdbcClient jdbc, DataVersion dataVersion) {
        this.jdbc = jdbc;
        this.dataVersion = dataVersion;
    }

    String version() {
        return dataVersion.current();
    }

    List<CommunityRecord> communities() {
        return jdbc.sql(COMMUNITIES)
                .query((rs, i) -> new CommunityRecord(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("subdistrict_name"),
                        rs.getBoolean("urban"),
                        rs.getObject("office_area_m2", Double.class),
                        rs.getObject("service_area_m2", Double.class),
                        rs.getObject("staff_count", Integer.class)))
                .list();
    }

    /** Cells with their community ids; {@code communityIndexOf} maps an id to its position. */
    List<CellRecord> cells(LongToIntFunction communityIndexOf) {
        WKBReader reader = new WKBReader();
        return jdbc.sql(CELLS)
                .query((rs, i) -> {
                    long communityId = rs.getLong("community_id");
                    int community = rs.wasNull() ? -1 : communityIndexOf.applyAsInt(communityId);
                    return new CellRecord(
                            rs.getLong("id"),
                            community,
                            new PopulationCell(
                                    polygon(reader, rs.getBytes("wkb")),
                                    rs.getInt("population"),
                                    rs.getInt("households"),
                                    rs.getObject("elderly", Integer.class),
                                    rs.getObject("children", Integer.class),
                                    null));
                })
                .list();
    }

    List<FacilityRecord> facilities() {
        return jdbc.sql(FACILITIES)
                .query((rs, i) -> new FacilityRecord(
                        rs.getLong("id"),
                        rs.getString("type_code"),
                        rs.getString("name"),
                        rs.getObject("floor_area_m2", Double.class),
                        rs.getObject("capacity", Integer.class),
                        rs.getDouble("lon"),
                        rs.getDouble("lat")))
                .list();
    }

    private static Polygon polygon(WKBReader reader, byte[] wkb) {
        try {
            Polygon polygon = (Polygon) reader.read(wkb);
            polygon.setSRID(4326);
            return polygon;
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", e);
        }
    }
}
