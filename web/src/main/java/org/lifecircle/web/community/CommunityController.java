package org.lifecircle.web.community;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommunityController {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final CommunityRepository communities;

    CommunityController(CommunityRepository communities) {
        this.communities = communities;
    }

    /**
     * Communities with their household tallies, as a GeoJSON FeatureCollection: the current ones, or
     * those valid at {@code at} (ISO date-time with offset, or a date: the end of that day, China time), so
     * boundaries before an adopted plan stay retrievable.
     */
    @GetMapping(value = "/api/communities", produces = GeoJsonMediaType.VALUE)
    String communities(@RequestParam(required = false) String bbox, @RequestParam(required = false) String at) {
        return communities.asGeoJson(Bbox.parseOptional(bbox), instant(at));
    }

    private static OffsetDateTime instant(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return at.length() == 10
                    ? LocalDate.parse(at).atTime(LocalTime.MAX).atOffset(CHINA)
                    : OffsetDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    "at",
                    "at must be an ISO date (2026-01-31) or date-time with offset (2026-01-31T08:00:00+08:00), got '"
                            + at + "'");
        }
    }
}
