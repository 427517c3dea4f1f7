package org.lifecircle.web.common;

/** A GeoJSON request that would return more features than the configured limit. */
public class TooManyFeaturesException extends RuntimeException {
    private final long matched;
    private final int limit;

    public TooManyFeaturesException(long matched, int limit) {
        super("The request matches " + matched + " features, more than the limit of " + limit
                + "; ask for a smaller bbox");
        this.matched = matched;
        this.limit = limit;
    }

    public long matched() {
        return matched;
    }

    public int limit() {
        return limit;
    }
}
