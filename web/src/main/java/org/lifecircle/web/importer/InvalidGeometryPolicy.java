package org.lifecircle.web.importer;

/** What an import does with a row whose geometry is not valid (self-intersecting, bad rings). */
public enum InvalidGeometryPolicy {
    /** Repair with PostGIS {@code ST_MakeValid}; the report warns about each repaired row. */
    REPAIR,
    /** Leave the row out; the report gives the reason {@code ST_IsValidReason} names. */
    REJECT
}
