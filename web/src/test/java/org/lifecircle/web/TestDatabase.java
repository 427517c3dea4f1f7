package org.lifecircle.web;

/**
 * Integration tests run against the throwaway PostGIS that {@code scripts/test.sh} starts and names
 * in {@code SPRING_DATASOURCE_URL}. Without it they fail at once instead of touching a developer's
 * database.
 */
public final class TestDatabase {
    private TestDatabase() {}

    public static void requireThrowawayDatabase() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank() || !"1".equals(System.getenv("LIFECIRCLE_THROWAWAY_DB"))) {
            throw new IllegalStateException(
                    "Integration tests need the throwaway PostGIS of scripts/test.sh (SPRING_DATASOURCE_URL and"
                            + " LIFECIRCLE_THROWAWAY_DB=1); run scripts/test.sh");
        }
    }
}
