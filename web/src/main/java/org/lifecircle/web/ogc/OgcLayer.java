package org.lifecircle.web.ogc;

import java.util.List;

/**
 * One layer published over WMS, WFS and OGC API Features.
 *
 * @param name layer and feature type name, {@code [a-z_]+}
 * @param type MapServer layer type: {@code POLYGON}, {@code LINE} or {@code POINT}
 * @param gmlGeometryType {@code multipolygon}, {@code polygon}, {@code line} or {@code point}
 * @param query SQL returning {@code id}, the attribute columns and {@code geom} (EPSG:4326)
 * @param classes drawing classes in order; the first whose expression matches draws
 * @param runParameter whether the layer takes {@code run=<id>} (result layers; 0 = latest run)
 */
record OgcLayer(
        String name,
        String titleZh,
        String titleEn,
        String abstractZh,
        String abstractEn,
        String type,
        String gmlGeometryType,
        String query,
        List<String> fields,
        List<OgcClass> classes,
        boolean runParameter) {

    OgcLayer {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Layer names are lower-case identifiers: " + name);
        }
        fields = List.copyOf(fields);
        classes = List.copyOf(classes);
    }

    /**
     * A drawing class.
     *
     * @param expression a MapServer expression, {@code null} for "everything else"
     * @param fillRgb fill colour {@code #rrggbb}, {@code null} for none (lines)
     * @param strokeRgb outline or line colour
     * @param strokeWidth outline or line width in pixels
     * @param symbolSize for points: circle diameter in pixels; 0 otherwise
     */
    record OgcClass(
            String nameZh,
            String nameEn,
            String expression,
            String fillRgb,
            String strokeRgb,
            double strokeWidth,
            int symbolSize,
            int opacityPercent) {}
}
