package org.lifecircle.web.facility;

/** A facility type as the API shows it. */
record FacilityTypeView(
        String code,
        String nameZh,
        String nameEn,
        String lifeCircle,
        double serviceRadiusMeters,
        Double floorAreaMinSquareMeters,
        Double floorAreaMaxSquareMeters,
        String source,
        long facilities) {}
