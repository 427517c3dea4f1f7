package org.lifecircle.web.ogc;

import java.util.Map;

/**
 * The colours of the product, shared by the OGC styles and the web map (served in
 * {@code /api/ui/config}), so a layer looks the same in QGIS and in the browser.
 */
public final class Palette {
    public static final Map<String, String> FACILITY_TYPES = Map.of(
            "community_service_station", "#0b6e4f",
            "community_health_station", "#d64545",
            "community_health_centre", "#8a041a",
            "elderly_day_care", "#9446ed",
            "kindergarten", "#f0b429",
            "primary_school", "#2680c2",
            "middle_school", "#003e6b",
            "market", "#e67e22",
            "fitness_ground", "#27ab83",
            "emergency_shelter", "#616e7c");
    public static final String FACILITY_FALLBACK = "#52606d";

    /** Communities: under the minimum, minimum–target, target–maximum, over the maximum. */
    public static final String HOUSEHOLDS_UNDER = "#6baed6";

    public static final String HOUSEHOLDS_LOW = "#c7e9c0";
    public static final String HOUSEHOLDS_HIGH = "#74c476";
    public static final String HOUSEHOLDS_OVER = "#fb6a4a";
    public static final String COMMUNITY_OUTLINE = "#334e68";

    /** Population cells by households per cell: below 20, 50, 100, and above. */
    public static final String[] CELL_HOUSEHOLDS = {"#fee8c8", "#fdbb84", "#fc8d59", "#d7301f"};

    public static final int[] CELL_HOUSEHOLD_BREAKS = {20, 50, 100};

    /**
     * Share of households covered, ColorBrewer YlGnBu (sequential, colour-blind safe) as on the web
     * map: pale where few households are within reach, darkest where the standard's share is met.
     */
    public static final String[] COVERAGE_RAMP = {
        "#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"
    };

    /**
     * Display breaks of the covered share below the standard's minimum share, in percent; the web
     * map reads the same ones from {@code /api/ui/config}.
     */
    public static final int[] COVERAGE_BREAKS_PERCENT = {20, 40, 60, 80};

    /** Communities without households: nobody to cover. */
    public static final String COVERAGE_NO_HOUSEHOLDS = "#e4e7eb";

    /** Gap areas by households, few to many (ColorBrewer OrRd), with the web map's gap outline. */
    public static final String[] GAP_HOUSEHOLDS = {"#fdcc8a", "#fc8d59", "#d7301f"};

    public static final int[] GAP_HOUSEHOLD_BREAKS = {50, 200};
    public static final String GAP_OUTLINE = "#9b1c1c";

    /** Suggested sites: squares, unlike the round facility symbols (as on the web map). */
    public static final String SITE = "#b0126b";

    /** Suggested community centres: diamonds; the second colour where some households cannot reach it. */
    public static final String CENTRE = "#1f2933";

    public static final String CENTRE_PARTLY_REACHED = "#e67e22";

    /**
     * Accessibility score against the run's household-weighted mean (ColorBrewer RdBu, diverging
     * around the mean): no facility within the catchment, under half, half to the mean, the mean
     * to twice it, over twice.
     */
    public static final String ACCESS_NONE = "#bcccdc";

    public static final String[] ACCESS_RATIO = {"#ca0020", "#f4a582", "#92c5de", "#0571b0"};
    public static final double[] ACCESS_RATIO_BREAKS = {0.5, 1, 2};

    /**
     * Walking time from a cell to the nearest facility of a type, at the 5-, 10- and 15-minute
     * life circles (GB 50180-2018): ColorBrewer YlOrRd (sequential, colour-blind safe), pale where
     * the walk is short and red beyond 15 minutes, warm for the underserved like the gap areas.
     */
    public static final String[] WALK_MINUTES = {"#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"};

    public static final int[] WALK_MINUTE_BREAKS = {5, 10, 15};

    /** Cells with no facility of the type within the run's search limit (or off the network). */
    public static final String WALK_UNREACHED = "#7b8794";

    /**
     * A plan's communities by households against the plan's bounds, as the boundary editor draws
     * them: under the minimum, within the bounds, over the maximum.
     */
    public static final String PLAN_UNDER = HOUSEHOLDS_UNDER;

    public static final String PLAN_IN_RANGE = HOUSEHOLDS_HIGH;
    public static final String PLAN_OVER = HOUSEHOLDS_OVER;

    public static final String RIVER_FILL = "#9fd3f5";
    public static final String RIVER_OUTLINE = "#4098d7";
    public static final String RAIL = "#243b53";
    public static final String ARTERIAL = "#7b8794";
    public static final String STREET = "#bcccdc";

    private Palette() {}

    public static String facilityType(String code) {
        return FACILITY_TYPES.getOrDefault(code, FACILITY_FALLBACK);
    }
}
