package org.lifecircle.web.network;

import org.lifecircle.web.LifecircleProperties;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.lifecircle.web.common.TooManyFeaturesException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NetworkController {
    private final NetworkGeoJsonRepository geoJson;
    private final int maxFeatures;

    NetworkController(NetworkGeoJsonRepository geoJson, LifecircleProperties properties) {
        this.geoJson = geoJson;
        this.maxFeatures = properties.maxFeaturesPerResponse();
    }

    /** Walkable edges in a bbox (required), as GeoJSON. */
    @GetMapping(value = "/api/road-edges", produces = GeoJsonMediaType.VALUE)
    String roadEdges(@RequestParam(required = false) String bbox) {
        Bbox box = Bbox.parse(bbox);
        long matched = geoJson.countEdgesIn(box);
        if (matched > maxFeatures) {
            throw new TooManyFeaturesException(matched, maxFeatures);
        }
        return geoJson.edgesIn(box);
    }

    /** Rivers and rail lines, as GeoJSON. */
    @GetMapping(value = "/api/barriers", produces = GeoJsonMediaType.VALUE)
    String barriers() {
        return geoJson.barriers();
    }
}
