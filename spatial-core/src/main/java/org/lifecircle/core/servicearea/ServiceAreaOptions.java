package org.lifecircle.core.servicearea;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of a service-area computation, validated on construction.
 *
 * @param thresholdsMinutes walking times, strictly increasing, each in (0, 120]; one area per
 *     threshold. Default 5/10/15, the 5-, 10- and 15-minute life circles of GB 50180-2018 §2.0.2–2.0.4.
 * @param walkSpeedMetersPerSecond walking speed in (0, 10]; default 1.0, the design brief's default
 *     (≈ 4 km/h; use ≈ 0.8 for elderly residents)
 * @param mode circle or network
 * @param offNetworkAllowanceMeters (network) how far beside a reached path the area extends, in (0,
 *     1000]: the walk from the path to a door. Default 50 m, about the depth of a building row set
 *     back from a street; much larger values blur the network shape towards a circle.
 * @param simplifyToleranceMeters (network) how far the drawn outline may stray from the exact area,
 *     in [0, allowance): the area is drawn as a contour on a grid fine enough for it; 0 builds the
 *     exact buffer with overlays (much slower). Default 5 m, 0.5 mm at 1:10,000, below what a
 *     planning map shows; it must stay below the allowance so the outline cannot cut reached paths
 *     out.
 * @param maxSnapDistanceMeters farthest a facility may be from the network to be snapped, {@code >=
 *     0}; farther facilities are reported unsnapped with empty network areas. Default 500 m: beyond
 *     it even a 5-minute walk (300 m at 1 m/s) would reach nothing, so the facility location or the
 *     network data is wrong rather than the facility being remote.
 */
public record ServiceAreaOptions(
        List<Integer> thresholdsMinutes,
        double walkSpeedMetersPerSecond,
        ServiceAreaMode mode,
        double offNetworkAllowanceMeters,
        double simplifyToleranceMeters,
        double maxSnapDistanceMeters) {

    public static final List<Integer> DEFAULT_THRESHOLDS_MINUTES = List.of(5, 10, 15);
    public static final double DEFAULT_WALK_SPEED_METERS_PER_SECOND = 1.0;
    public static final double DEFAULT_OFF_NETWORK_ALLOWANCE_METERS = 50;
    public static final double DEFAULT_SIMPLIFY_TOLERANCE_METERS = 5;
    public static final double DEFAULT_MAX_SNAP_DISTANCE_METERS = 500;

    private static final int MAX_THRESHOLD_MINUTES = 120;
    private static final double MAX_WALK_SPEED_METERS_PER_SECOND = 10;
    private static final double MAX_OFF_NETWORK_ALLOWANCE_METERS = 1000;

    public ServiceAreaOptions {
        Objects.requireNonNull(thresholdsMinutes, "thresholdsMinutes");
        Objects.requireNonNull(mode, "mode");
        thresholdsMinutes = List.copyOf(thresholdsMinutes);
        if (thresholdsMinutes.isEmpty()) {
            throw new IllegalArgumentException("At least one threshold in minutes is needed");
        }
        int previous = 0;
        for (int minutes : thresholdsMinutes) {
            if (minutes <= previous || minutes > MAX_THRESHOLD_MINUTES) {
                throw new IllegalArgumentException("Thresholds must be strictly increasing minutes in (0, "
                        + MAX_THRESHOLD_MINUTES + "]: " + thresholdsMinutes);
            }
            previous = minutes;
        }
        if (!(walkSpeedMetersPerSecond > 0 && walkSpeedMetersPerSecond <= MAX_WALK_SPEED_METERS_PER_SECOND)) {
            throw new IllegalArgumentException("Walking speed must be in (0, " + MAX_WALK_SPEED_METERS_PER_SECOND
                    + "] m/s: " + walkSpeedMetersPerSecond);
        }
        if (!(offNetworkAllowanceMeters > 0 && offNetworkAllowanceMeters <= MAX_OFF_NETWORK_ALLOWANCE_METERS)) {
            throw new IllegalArgumentException("Off-network allowance must be in (0, "
                    + MAX_OFF_NETWORK_ALLOWANCE_METERS + "] metres: " + offNetworkAllowanceMeters);
        }
        if (!(simplifyToleranceMeters >= 0 && simplifyToleranceMeters < offNetworkAllowanceMeters)) {
            throw new IllegalArgumentException("Simplification tolerance must be in [0, off-network allowance "
                    + offNetworkAllowanceMeters + ") metres: " + simplifyToleranceMeters);
        }
        if (!(maxSnapDistanceMeters >= 0)) {
            throw new IllegalArgumentException("Max snap distance must be >= 0 metres: " + maxSnapDistanceMeters);
        }
    }

    /** 5/10/15 minutes at 1.0 m/s over the network, 50 m allowance, 5 m simplification, 500 m snapping. */
    public static ServiceAreaOptions defaults() {
        return new ServiceAreaOptions(
                DEFAULT_THRESHOLDS_MINUTES,
                DEFAULT_WALK_SPEED_METERS_PER_SECOND,
                ServiceAreaMode.NETWORK,
                DEFAULT_OFF_NETWORK_ALLOWANCE_METERS,
                DEFAULT_SIMPLIFY_TOLERANCE_METERS,
                DEFAULT_MAX_SNAP_DISTANCE_METERS);
    }

    public ServiceAreaOptions withThresholdsMinutes(List<Integer> minutes) {
        return new ServiceAreaOptions(
                new ArrayList<>(minutes),
                walkSpeedMetersPerSecond,
                mode,
                offNetworkAllowanceMeters,
                simplifyToleranceMeters,
                maxSnapDistanceMeters);
    }

    public ServiceAreaOptions withWalkSpeedMetersPerSecond(double speed) {
        return new ServiceAreaOptions(
                thresholdsMinutes,
                speed,
                mode,
                offNetworkAllowanceMeters,
                simplifyToleranceMeters,
                maxSnapDistanceMeters);
    }

    public ServiceAreaOptions withMode(ServiceAreaMode newMode) {
        return new ServiceAreaOptions(
                thresholdsMinutes,
                walkSpeedMetersPerSecond,
                newMode,
                offNetworkAllowanceMeters,
                simplifyToleranceMeters,
                maxSnapDistanceMeters);
    }

    public ServiceAreaOptions withOffNetworkAllowanceMeters(double meters) {
        return new ServiceAreaOptions(
                thresholdsMinutes,
                walkSpeedMetersPerSecond,
                mode,
                meters,
                simplifyToleranceMeters,
                maxSnapDistanceMeters);
    }

    public ServiceAreaOptions withSimplifyToleranceMeters(double meters) {
        return new ServiceAreaOptions(
                thresholdsMinutes,
                walkSpeedMetersPerSecond,
                mode,
                offNetworkAllowanceMeters,
                meters,
                maxSnapDistanceMeters);
    }

    public ServiceAreaOptions withMaxSnapDistanceMeters(double meters) {
        return new ServiceAreaOptions(
                thresholdsMinutes,
                walkSpeedMetersPerSecond,
                mode,
                offNetworkAllowanceMeters,
                simplifyToleranceMeters,
                meters);
    }

    /** Walking distance of a threshold: speed × minutes × 60. */
    public double limitMetersFor(int minutes) {
        return walkSpeedMetersPerSecond * minutes * 60.0;
    }

    /** The distance of the largest threshold, the bound of the one search per facility or group. */
    public double maxLimitMeters() {
        return limitMetersFor(thresholdsMinutes.get(thresholdsMinutes.size() - 1));
    }
}
