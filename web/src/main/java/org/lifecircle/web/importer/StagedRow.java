package org.lifecircle.web.importer;

import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One row of a staging table as the checks see it.
 *
 * @param row number from 1 in the source's order
 * @param geometry in EPSG:4326, already repaired when it was invalid and repair was asked for;
 *     {@code null} when the row has none
 * @param bounds the original geometry's bounds, {@code null} when it has none
 * @param invalidReason {@code null} when the original geometry was valid, else PostGIS's reason
 * @param values the mapped fields' texts ({@code null} for empty cells)
 */
record StagedRow(long row, Geometry geometry, Envelope bounds, String invalidReason, Map<ImportField, String> values) {

    String value(ImportField field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
