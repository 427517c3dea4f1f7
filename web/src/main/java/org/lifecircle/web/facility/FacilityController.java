package org.lifecircle.web.facility;

import java.util.List;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FacilityController {
    private final FacilityRepository facilities;

    FacilityController(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    /** Facilities, optionally of one type and within a bbox, as GeoJSON. */
    @GetMapping(value = "/api/facilities", produces = GeoJsonMediaType.VALUE)
    String facilities(@RequestParam(required = false) String type, @RequestParam(required = false) String bbox) {
        if (type != null && !facilities.typeExists(type)) {
            throw new BadParameterException(
                    "type",
                    "Unknown facility type '" + type + "'; known: " + String.join(", ", facilities.typeCodes()));
        }
        return facilities.asGeoJson(type, Bbox.parseOptional(bbox));
    }

    /** The facility types of the catalog in force, with how many facilities each has. */
    @GetMapping("/api/facility-types")
    List<FacilityTypeView> facilityTypes() {
        return facilities.types();
    }
}
