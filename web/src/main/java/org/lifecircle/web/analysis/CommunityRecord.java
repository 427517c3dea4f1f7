package org.lifecircle.web.analysis;

/**
 * A current community version with the facts the standards checks need; the area and staff
 * figures are null where the data does not record them.
 */
public record CommunityRecord(
        long id,
        String code,
        String name,
        String subdistrictName,
        boolean urban,
        Double officeAreaM2,
        Double serviceAreaM2,
        Integer staffCount) {}
