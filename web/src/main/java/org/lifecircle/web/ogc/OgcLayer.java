package org.lifecircle.web.ogc;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One layer published over WMS, WFS and OGC API Features.
 *
 * @param name layer and feature type name, {@code [a-z_]+}
 * @param type MapServer layer type: {@code POLYGON}, {@code LINE} or {@code POINT}
 * @param gmlGeometryType {@code multipolygon}, {@code polygon}, {@code line} or {@code point}
 * @param query SQL returning {@code id}, the attribute columns and {@code geom} (EPSG:4326); it may
 *     name the layer's substitutions as {@code %name%}, and nothing else may reach it from a request
 * @param classes drawing classes in order; the first whose expression matches draws
 * @param substitutions the request parameters the query takes (MapServer runtime substitution)
 * @param labelItem the attribute drawn as a label beside each feature, {@code null} for none
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
        List<Substitution> substitutions,
        String labelItem) {

    OgcLayer {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Layer names are lower-case identifiers: " + name);
        }
        fields = List.copyOf(fields);
        classes = List.copyOf(classes);
        substitutions = List.copyOf(substitutions);
        for (Substitution s : substitutions) {
            if (!query.contains("%" + s.name() + "%")) {
                throw new IllegalArgumentException("Layer " + name + " declares " + s.name() + " but never uses it");
            }
        }
        if (labelItem != null && !fields.contains(labelItem)) {
            throw new IllegalArgumentException(
                    "Layer " + name + " labels with " + labelItem + ", not one of its fields");
        }
    }

    /** A layer without request parameters or labels. */
    OgcLayer(
            String name,
            String titleZh,
            String titleEn,
            String abstractZh,
            String abstractEn,
            String type,
            String gmlGeometryType,
            String query,
            List<String> fields,
            List<OgcClass> classes) {
        this(
                name,
                titleZh,
                titleEn,
                abstractZh,
                abstractEn,
                type,
                gmlGeometryType,
                query,
                fields,
                classes,
                List.of(),
                null);
    }

    /** The substitution of this name, or {@code null} when the layer takes no such parameter. */
    Substitution substitution(String parameter) {
        for (Substitution s : substitutions) {
            if (s.name().equalsIgnoreCase(parameter)) {
                return s;
            }
        }
        return null;
    }

    /**
     * A drawing class.
     *
     * @param expression a MapServer expression, {@code null} for "everything else"
     * @param fillRgb fill colour {@code #rrggbb}, {@code null} for none (lines)
     * @param strokeRgb outline or line colour
     * @param strokeWidth outline or line width in pixels
     * @param symbolSize for points: symbol size in pixels; 0 otherwise
     * @param symbol for points: a symbol of the mapfile ({@code circle}, {@code square}, {@code
     *     diamond}); ignored for lines and polygons
     */
    record OgcClass(
            String nameZh,
            String nameEn,
            String expression,
            String fillRgb,
            String strokeRgb,
            double strokeWidth,
            int symbolSize,
            int opacityPercent,
            String symbol) {

        /** A class drawn with circles where it is a point class. */
        OgcClass(
                String nameZh,
                String nameEn,
                String expression,
                String fillRgb,
                String strokeRgb,
                double strokeWidth,
                int symbolSize,
                int opacityPercent) {
            this(nameZh, nameEn, expression, fillRgb, strokeRgb, strokeWidth, symbolSize, opacityPercent, "circle");
        }
    }

    /**
     * A request parameter substituted into the layer's SQL by MapServer ({@code %name%}). MapServer
     * checks the value against {@code pattern} but, when it fails, silently substitutes the
     * default instead (measured on MapServer 8.0); the gateway therefore refuses a failing value
     * itself, before MapServer sees it. The pattern alone keeps the SQL safe: it admits no quote,
     * space, comment or statement separator.
     *
     * @param name the parameter, lower case (MapServer matches parameter names case-insensitively)
     * @param pattern an anchored regular expression every value must match
     * @param defaultValue the value when the request has none; it must match the pattern
     * @param allowed if not empty, the only values the gateway accepts (e.g. the catalog's facility
     *     types), so a typo is an error rather than an empty layer
     * @param meaning what the parameter means, for error messages
     */
    record Substitution(String name, String pattern, String defaultValue, Set<String> allowed, String meaning) {
        /** Run ids: digits only; 0 stands for the latest succeeded run of the layer's kind. */
        static final Substitution RUN =
                new Substitution("run", "^[0-9]{1,18}$", "0", Set.of(), "an analysis run id, 0 for the latest");

        /** Boundary plan ids: digits only, as run ids; 0 stands for the newest plan. */
        static final Substitution PLAN =
                new Substitution("plan", "^[0-9]{1,18}$", "0", Set.of(), "a boundary plan id, 0 for the newest");

        Substitution {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("Substitution names are lower-case identifiers: " + name);
            }
            if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
                throw new IllegalArgumentException("Substitution patterns must be anchored: " + pattern);
            }
            allowed = Set.copyOf(allowed);
            if (!accepts(pattern, allowed, defaultValue)) {
                throw new IllegalArgumentException("Default " + defaultValue + " of " + name + " is not allowed");
            }
        }

        /** Whether the gateway lets this value through to MapServer. */
        boolean accepts(String value) {
            return accepts(pattern, allowed, value);
        }

        private static boolean accepts(String pattern, Set<String> allowed, String value) {
            return value != null
                    && Pattern.compile(pattern).matcher(value).matches()
                    && (allowed.isEmpty() || allowed.contains(value));
        }
    }
}
