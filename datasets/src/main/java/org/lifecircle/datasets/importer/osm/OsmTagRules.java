package org.lifecircle.datasets.importer.osm;

import java.util.Set;

/**
 * What OSM tags mean for lifecircle: walkable way, arterial, barrier, water area, residential
 * building or area. The sets come from {@link OsmImportOptions}; the access logic follows the OSM
 * wiki's {@code Key:access} and {@code Key:foot} pages (the most specific tag wins: {@code foot}
 * overrides {@code access}). Immutable and thread-safe.
 */
final class OsmTagRules {
    private static final Set<String> FOOT_ALLOWED = Set.of("yes", "designated", "permissive");
    private static final Set<String> ACCESS_DENIED = Set.of("private", "no");
    private static final Set<String> SIDEWALK_PRESENT = Set.of("both", "left", "right", "yes", "separate");

    private final OsmImportOptions options;
    private final String[] waterAreaKeys;
    private final String[] waterAreaValues;

    OsmTagRules(OsmImportOptions options) {
        this.options = options;
        String[] tags = options.waterAreaTags().stream().sorted().toArray(String[]::new);
        waterAreaKeys = new String[tags.length];
        waterAreaValues = new String[tags.length];
        for (int i = 0; i < tags.length; i++) {
            int equals = tags[i].indexOf('=');
            waterAreaKeys[i] = tags[i].substring(0, equals);
            waterAreaValues[i] = tags[i].substring(equals + 1);
        }
    }

    /**
     * Whether people walk along the way: a walkable highway class (or an opt-in class with a foot
     * permission), not {@code foot=no}, not an area, not private without a foot permission, not a
     * tunnel of a class the options call motor-only in tunnels.
     */
    boolean isWalkable(OsmTags tags) {
        String highway = tags.get("highway");
        if (highway == null) {
            return false;
        }
        boolean footAllowed = tags.isAnyOf("foot", FOOT_ALLOWED);
        if (!options.walkableHighways().contains(highway)
                && !(footAllowed && options.footOptInHighways().contains(highway))) {
            return false;
        }
        if (tags.is("foot", "no") || tags.is("area", "yes")) {
            return false;
        }
        if (tags.isAnyOf("access", ACCESS_DENIED) && !footAllowed) {
            return false;
        }
        if (options.noFootInTunnelHighways().contains(highway)
                && tags.isSet("tunnel")
                && !footAllowed
                && !hasSidewalk(tags)) {
            return false;
        }
        return true;
    }

    private static boolean hasSidewalk(OsmTags tags) {
        return tags.isAnyOf("sidewalk", SIDEWALK_PRESENT)
                || tags.isAnyOf("sidewalk:both", SIDEWALK_PRESENT)
                || tags.isAnyOf("sidewalk:left", SIDEWALK_PRESENT)
                || tags.isAnyOf("sidewalk:right", SIDEWALK_PRESENT);
    }

    boolean isArterial(String highway) {
        return options.arterialHighways().contains(highway);
    }

    /** A rail line at grade: a barrier class, neither in a tunnel nor on a bridge. */
    boolean isRailBarrier(OsmTags tags) {
        return tags.isAnyOf("railway", options.railBarrierRailways())
                && !tags.isSet("tunnel")
                && !tags.isSet("bridge")
                && !tags.isSet("covered");
    }

    /** A river or canal line, not in a culvert. */
    boolean isRiverLine(OsmTags tags) {
        return tags.isAnyOf("waterway", options.riverBarrierWaterways()) && !tags.isSet("tunnel");
    }

    /** Tags of a water area (the size test is the caller's). */
    boolean isWaterArea(OsmTags tags) {
        for (int i = 0; i < waterAreaKeys.length; i++) {
            if (tags.is(waterAreaKeys[i], waterAreaValues[i])) {
                return true;
            }
        }
        return false;
    }

    /** A building whose type houses residents wherever it stands. */
    boolean isResidentialBuilding(OsmTags tags) {
        return tags.isAnyOf("building", options.residentialBuildingTypes());
    }

    /** A building that houses residents when it stands in a residential area. */
    boolean isResidentialInResidentialLanduse(OsmTags tags) {
        return tags.isAnyOf("building", options.residentialInResidentialLanduse());
    }

    boolean isResidentialLanduse(OsmTags tags) {
        return tags.is("landuse", "residential");
    }

    /** Whether an area's tags matter to any stage (water, residential building or area). */
    boolean isAreaOfInterest(OsmTags tags) {
        return isWaterArea(tags)
                || isResidentialBuilding(tags)
                || isResidentialInResidentialLanduse(tags)
                || isResidentialLanduse(tags);
    }

    /** A node where a footway crosses a railway at grade. */
    static boolean isRailCrossingNode(OsmTags tags) {
        return tags.is("railway", "level_crossing") || tags.is("railway", "crossing");
    }
}
