package org.lifecircle.core.graph;

/**
 * Conversions between walking distance and time at a constant speed. The design brief's default
 * speed is 1.0–1.1 m/s (about 4 km/h, so 15 minutes ≈ 900–1,000 m), elderly about 0.8 m/s; the
 * numbers live in the standards catalog, not here.
 */
public final class WalkingTime {
    private WalkingTime() {}

    /** Seconds to walk a distance; {@code +∞} stays {@code +∞}. */
    public static double secondsFor(double meters, double walkSpeedMetersPerSecond) {
        checkSpeed(walkSpeedMetersPerSecond);
        return meters / walkSpeedMetersPerSecond;
    }

    /** Metres walked in a time. */
    public static double metersWithin(double seconds, double walkSpeedMetersPerSecond) {
        checkSpeed(walkSpeedMetersPerSecond);
        return seconds * walkSpeedMetersPerSecond;
    }

    private static void checkSpeed(double walkSpeedMetersPerSecond) {
        if (!(walkSpeedMetersPerSecond > 0) || Double.isInfinite(walkSpeedMetersPerSecond)) {
            throw new IllegalArgumentException(
                    "Walking speed must be positive and finite: " + walkSpeedMetersPerSecond);
        }
    }
}
