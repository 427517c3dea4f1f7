package org.lifecircle.web.coverage;

/**
 * One standards check of a community as stored by a coverage run.
 *
 * @param outcome {@code pass}, {@code fail}, {@code unknown} (the data lacks the value) or {@code
 *     not_applicable}
 */
record StoredCheck(
        long communityId,
        String ruleId,
        String subject,
        Double value,
        Double low,
        Double high,
        String unit,
        String outcome,
        String meaning,
        String source) {}
