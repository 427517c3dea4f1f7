package org.lifecircle.web.coverage;

/** One community's coverage by one facility type, as stored by a coverage run. */
record CommunityCoverageRow(
        long communityId,
        String code,
        String name,
        String subdistrictName,
        String type,
        String typeNameZh,
        String typeNameEn,
        double thresholdMeters,
        int cells,
        int coveredCells,
        long households,
        long coveredHouseholds,
        double coveredPercent) {}
