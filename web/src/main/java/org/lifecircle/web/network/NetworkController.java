package org.lifecircle.web.network;

import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.FeatureLimit;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NetworkController {
    private final NetworkGeoJsonRepository geoJson;
    private final FeatureLimit limit;

    NetworkController(NetworkGeoJsonRepository geoJson, FeatureLimit limit) {
        this.geoJson = geoJson;
        this.limit = limit;
    }

    /** Walkable edges in a bbox (required), as GeoJSON. */
    @GetMapping(value = "/api/road-edges", produces = GeoJsonMediaType.VALUE)
    String roadEdges(@RequestParam(required = false) String bbox) {
        Bbox box = Bbox.parse(bbox);
        return limit.within(() -> geoJson.countEdgesIn(box), () -> geoJson.edgesIn(box));
    }

    /** Rivers and rail lines, as GeoJSON. */
    @GetMapping(value = "/api/barriers", produces = GeoJsonMediaType.VALUE)
    String barriers() {
        return geoJson.barriers();
    }
}
