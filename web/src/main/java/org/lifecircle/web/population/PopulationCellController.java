package org.lifecircle.web.population;

import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.FeatureLimit;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PopulationCellController {
    private final PopulationCellRepository cells;
    private final FeatureLimit limit;

    PopulationCellController(PopulationCellRepository cells, FeatureLimit limit) {
        this.cells = cells;
        this.limit = limit;
    }

    /**
     * Population cells intersecting a bbox (required: a city has too many cells for one response),
     * as GeoJSON; more than {@code lifecircle.max-features-per-response} cells is a 400.
     */
    @GetMapping(value = "/api/population-cells", produces = GeoJsonMediaType.VALUE)
    String populationCells(@RequestParam(required = false) String bbox) {
        Bbox box = Bbox.parse(bbox);
        return limit.within(() -> cells.countIn(box), () -> cells.asGeoJson(box));
    }
}
