package org.lifecircle.web.importer;

import java.util.List;

/**
 * One layer as {@code ogrinfo -so} describes it.
 *
 * @param name layer name
 * @param geometryType GDAL's geometry type name ({@code Point}, {@code Multi Polygon}, {@code None}
 *     …), {@code Unknown (any)} for mixed
 * @param featureCount features, -1 when GDAL cannot count them cheaply
 * @param hasCrs whether the layer names its coordinate reference system
 * @param fields attribute field names
 */
record OgrLayer(String name, String geometryType, long featureCount, boolean hasCrs, List<String> fields) {
    OgrLayer {
        fields = List.copyOf(fields);
    }

    boolean hasGeometry() {
        return geometryType != null && !geometryType.equalsIgnoreCase("None");
    }
}
