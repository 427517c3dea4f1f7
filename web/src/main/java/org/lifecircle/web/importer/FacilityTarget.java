package org.lifecircle.web.importer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.datasets.DatasetSink;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Public-service facilities. The type comes from {@code --type} (one type for the whole file) or a
 * type column matched by {@link FacilityTypeMatcher}; a value that matches nothing rejects the row
 * and is counted among the report's unmapped values. A facility drawn as an area (a school's
 * grounds) is placed at a point inside it.
 */
final class FacilityTarget implements ImportTarget<Facility> {
    private static final String CATALOG = "SELECT code, name_zh, name_en FROM facility_type ORDER BY code";

    private final JdbcClient jdbc;

    FacilityTarget(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "facilities";
    }

    @Override
    public String table() {
        return "facility";
    }

    @Override
    public Set<ImportField> fields() {
        return EnumSet.of(ImportField.TYPE, ImportField.NAME, ImportField.FLOOR_AREA, ImportField.CAPACITY);
    }

    @Override
    public Set<ImportField> required(ImportOptions options) {
        return options.facilityType() != null ? EnumSet.noneOf(ImportField.class) : EnumSet.of(ImportField.TYPE);
    }

    @Override
    public void write(DatasetSink sink, List<Facility> rows) {
        sink.facilities(rows);
    }

    @Override
    public RowMapper<Facility> mapper(ImportOptions options, RunNotes notes, String source) {
        List<FacilityTypeMatcher.CatalogType> catalog = jdbc.sql(CATALOG)
                .query((rs, n) -> new FacilityTypeMatcher.CatalogType(
                        rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")))
                .list();
        FacilityTypeMatcher types = new FacilityTypeMatcher(catalog, options.typeValues(), options.facilityType());
        return new Mapper(types, notes, source);
    }

    private static final class Mapper implements RowMapper<Facility> {
        private final FacilityTypeMatcher types;
        private final RunNotes notes;
        private final String source;
        private long areas;

        Mapper(FacilityTypeMatcher types, RunNotes notes, String source) {
            this.types = types;
            this.notes = notes;
            this.source = source;
        }

        @Override
        public Facility map(StagedRow row, Geometry geometry) throws RowRejectedException {
            String value = row.value(ImportField.TYPE);
            String type = types.match(value);
            if (type == null) {
                if (value == null) {
                    throw new RowRejectedException("missing type");
                }
                notes.unmapped(value);
                throw new RowRejectedException(
                        "unknown facility type '" + value + "' (map it with --type-map '" + value + "=<type code>')");
            }
            Point location = GeometryShapes.point(geometry, "facilities");
            Facility facility = new Facility(
                    type,
                    row.value(ImportField.NAME),
                    location,
                    CellValues.area(row, ImportField.FLOOR_AREA, false),
                    CellValues.count(row, ImportField.CAPACITY, false),
                    source);
            if (location != geometry) {
                areas++;
            }
            return facility;
        }

        @Override
        public void finish() {
            if (areas > 0) {
                notes.warning(areas + " facilities were drawn as areas; each was placed at a point inside its area");
            }
        }
    }
}
