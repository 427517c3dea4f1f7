package org.lifecircle.web.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.common.NotFoundException;
import org.lifecircle.web.ogc.Palette;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the map page needs besides data: its settings and its text in each language. */
@RestController
class UiController {
    private final MessageBundles bundles;
    private final MapSettings settings;
    private final StandardsCatalog catalog;

    UiController(MessageBundles bundles, MapSettings settings, StandardsCatalog catalog) {
        this.bundles = bundles;
        this.settings = settings;
        this.catalog = catalog;
    }

    /** Basemap, household range, walking defaults and the colours the OGC layers use too. */
    @GetMapping("/api/ui/config")
    Map<String, Object> config() {
        Map<String, Object> config = new TreeMap<>();
        config.put("basemapUrl", settings.basemapUrl());
        config.put("basemapAttribution", settings.basemapAttribution());
        config.put("householdsMin", catalog.value(StandardsCatalog.HOUSEHOLDS_MIN));
        config.put("householdsTarget", catalog.value(StandardsCatalog.HOUSEHOLDS_TARGET));
        config.put("householdsMax", catalog.value(StandardsCatalog.HOUSEHOLDS_MAX));
        config.put("walkSpeedMetersPerSecond", catalog.value(StandardsCatalog.WALKING_SPEED));
        config.put("languages", MessageBundles.LANGUAGES);
        config.put("typeColours", Palette.FACILITY_TYPES);
        config.put("typeColourFallback", Palette.FACILITY_FALLBACK);
        config.put(
                "householdColours",
                List.of(
                        Palette.HOUSEHOLDS_UNDER,
                        Palette.HOUSEHOLDS_LOW,
                        Palette.HOUSEHOLDS_HIGH,
                        Palette.HOUSEHOLDS_OVER));
        config.put("cellColours", List.of(Palette.CELL_HOUSEHOLDS));
        config.put(
                "cellBreaks",
                Arrays.stream(Palette.CELL_HOUSEHOLD_BREAKS).boxed().toList());
        config.put("walkMinuteColours", List.of(Palette.WALK_MINUTES));
        config.put(
                "walkMinuteBreaks",
                Arrays.stream(Palette.WALK_MINUTE_BREAKS).boxed().toList());
        config.put("walkUnreachedColour", Palette.WALK_UNREACHED);
        config.put("coverageColours", List.of(Palette.COVERAGE_RAMP));
        config.put(
                "coverageBreaks",
                Arrays.stream(Palette.COVERAGE_BREAKS_PERCENT).boxed().toList());
        return config;
    }

    /** Every text of the page in one language ({@code zh} or {@code en}). */
    @GetMapping("/api/ui/messages/{language}")
    Map<String, String> messages(@PathVariable String language) {
        if (!MessageBundles.LANGUAGES.contains(language)) {
            throw new NotFoundException(
                    "No messages in '" + language + "'; languages: " + String.join(", ", MessageBundles.LANGUAGES));
        }
        return bundles.messages(language);
    }
}
