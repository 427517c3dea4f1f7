package org.lifecircle.web.community;

import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommunityController {
    private final CommunityRepository communities;

    CommunityController(CommunityRepository communities) {
        this.communities = communities;
    }

    /** Current communities with their household tallies, as a GeoJSON FeatureCollection. */
    @GetMapping(value = "/api/communities", produces = GeoJsonMediaType.VALUE)
    String communities(@RequestParam(required = false) String bbox) {
        return communities.currentAsGeoJson(Bbox.parseOptional(bbox));
    }
}
