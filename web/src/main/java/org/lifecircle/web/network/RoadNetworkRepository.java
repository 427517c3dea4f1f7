package org.lifecircle.web.network;

import java.util.List;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.RoadEdge;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the walking network and its barriers as domain records. */
@Repository
class RoadNetworkRepository {
    private static final String EDGES = """
            SELECT source, target, length_m, road_class, arterial, bridge, rail_crossing, ST_AsBinary(geom) AS wkb
            FROM road_edge ORDER BY id
            """;
    private static final String BARRIERS = "SELECT kind, name, ST_AsBinary(geom) AS wkb FROM barrier ORDER BY id";
    private static final String LATEST_LOAD = "SELECT COALESCE(MAX(id), 0) FROM dataset_load";

    private final JdbcClient jdbc;

    RoadNetworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Id of the latest dataset load, 0 before any: the version the cached graph is keyed on. */
    long latestLoadId() {
        return jdbc.sql(LATEST_LOAD).query(Long.class).single();
    }

    List<RoadEdge> edges() {
        WKBReader reader = new WKBReader();
        return jdbc.sql(EDGES)
                .query((rs, i) -> new RoadEdge(
                        rs.getLong("source"),
                        rs.getLong("target"),
                        (LineString) wgs84(reader, rs.getBytes("wkb")),
                        rs.getDouble("length_m"),
                        rs.getString("road_class"),
                        rs.getBoolean("arterial"),
                        rs.getBoolean("bridge"),
                        rs.getBoolean("rail_crossing")))
                .list();
    }

    List<Barrier> barriers() {
        WKBReader reader = new WKBReader();
        return jdbc.sql(BARRIERS)
                .query((rs, i) -> new Barrier(
                        BarrierKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("name"),
                        wgs84(reader, rs.getBytes("wkb"))))
                .list();
    }

    private static Geometry wgs84(WKBReader reader, byte[] wkb) {
        try {
            Geometry geometry = reader.read(wkb);
            geometry.setSRID(4326);
            return geometry;
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", e);
        }
    }
}
