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
