package org.lifecircle.core.access;

import java.util.Arrays;
import java.util.Objects;

/**
 * Catchment and distance decay of a floating-catchment accessibility analysis, validated on
 * construction.
 *
 * <p>Weights {@code W(d)} for a walking distance {@code d}: 0 beyond the catchment {@code d₀} in
 * every mode; within it, 1 ({@link DistanceDecay#BINARY}); the weight of the sub-zone holding {@code
 * d}, zones being {@code [0, b₁], (b₁, b₂], …, (b_{k−1}, d₀]} ({@link DistanceDecay#STEPWISE}); or the
 * Gaussian kernel ({@link DistanceDecay#GAUSSIAN}). A distance exactly on a zone bound belongs to the
 * inner zone, and {@code d = d₀} is inside the catchment.
 *
 * @param decay the decay mode
 * @param catchmentMeters {@code d₀}, positive and finite; for stepwise decay it equals the last zone
 *     bound
 * @param zoneUpperBoundsMeters stepwise only (empty otherwise): strictly increasing positive bounds
 *     ending at {@code d₀}
 * @param zoneWeights stepwise only (empty otherwise): one weight per zone in (0, 1], non-increasing
 *     outwards so that nearer never weighs less
 */
public record CatchmentOptions(
        DistanceDecay decay, double catchmentMeters, double[] zoneUpperBoundsMeters, double[] zoneWeights) {
    /** Luo &amp; Qi's weights for their three equal sub-zones (0–10, 10–20, 20–30 minutes). */
    private static final double[] LUO_QI_WEIGHTS = {1.00, 0.68, 0.22};

    private static final double EXP_MINUS_HALF = Math.exp(-0.5);

    public CatchmentOptions {
        Objects.requireNonNull(decay, "decay");
        Objects.requireNonNull(zoneUpperBoundsMeters, "zoneUpperBoundsMeters");
        Objects.requireNonNull(zoneWeights, "zoneWeights");
        if (!(catchmentMeters > 0) || Double.isInfinite(catchmentMeters)) {
            throw new IllegalArgumentException("Catchment must be positive and finite metres: " + catchmentMeters);
        }
        zoneUpperBoundsMeters = zoneUpperBoundsMeters.clone();
        zoneWeights = zoneWeights.clone();
        if (decay == DistanceDecay.STEPWISE) {
            checkZones(catchmentMeters, zoneUpperBoundsMeters, zoneWeights);
        } else if (zoneUpperBoundsMeters.length != 0 || zoneWeights.length != 0) {
            throw new IllegalArgumentException("Only stepwise decay takes zones; " + decay + " got "
                    + zoneUpperBoundsMeters.length + " bounds and " + zoneWeights.length + " weights");
        }
    }

    private static void checkZones(double catchmentMeters, double[] bounds, double[] weights) {
        if (bounds.length == 0 || bounds.length != weights.length) {
            throw new IllegalArgumentException("Stepwise decay needs one weight per zone and at least one zone: "
                    + bounds.length + " bounds, " + weights.length + " weights");
        }
        double previousBound = 0;
        double previousWeight = 1;
        for (int z = 0; z < bounds.length; z++) {
            if (!(bounds[z] > previousBound)) {
                throw new IllegalArgumentException(
                        "Zone bounds must be positive and strictly increasing: " + Arrays.toString(bounds));
            }
            if (!(weights[z] > 0 && weights[z] <= previousWeight)) {
                throw new IllegalArgumentException(
                        "Zone weights must be in (0, 1] and non-increasing outwards: " + Arrays.toString(weights));
            }
            previousBound = bounds[z];
            previousWeight = weights[z];
        }
        if (bounds[bounds.length - 1] != catchmentMeters) {
            throw new IllegalArgumentException("The last zone bound " + bounds[bounds.length - 1]
                    + " must equal the catchment " + catchmentMeters + " metres");
        }
    }

    /** The original 2SFCA: everyone within the catchment counts fully. */
    public static CatchmentOptions binary(double catchmentMeters) {
        return new CatchmentOptions(DistanceDecay.BINARY, catchmentMeters, new double[0], new double[0]);
    }

    /** E2SFCA with explicit sub-zones; the catchment is the last bound. */
    public static CatchmentOptions stepwise(double[] zoneUpperBoundsMeters, double[] zoneWeights) {
        Objects.requireNonNull(zoneUpperBoundsMeters, "zoneUpperBoundsMeters");
        if (zoneUpperBoundsMeters.length == 0) {
            throw new IllegalArgumentException("Stepwise decay needs at least one zone");
        }
        return new CatchmentOptions(
                DistanceDecay.STEPWISE,
                zoneUpperBoundsMeters[zoneUpperBoundsMeters.length - 1],
                zoneUpperBoundsMeters,
                zoneWeights);
    }

    /**
     * E2SFCA with Luo &amp; Qi's weights 1.00, 0.68, 0.22 on three equal sub-zones of the catchment.
     * Their zones were 10-minute driving bands of a 30-minute catchment; scaling the bands to a
     * walking catchment keeps the shape of the decay, not its absolute distances.
     */
    public static CatchmentOptions luoQiStepwise(double catchmentMeters) {
        double[] bounds = {catchmentMeters / 3, 2 * catchmentMeters / 3, catchmentMeters};
        return new CatchmentOptions(DistanceDecay.STEPWISE, catchmentMeters, bounds, LUO_QI_WEIGHTS);
    }

    /** Continuous Gaussian decay (Dai 2010), 1 at distance 0 and 0 at the catchment. */
    public static CatchmentOptions gaussian(double catchmentMeters) {
        return new CatchmentOptions(DistanceDecay.GAUSSIAN, catchmentMeters, new double[0], new double[0]);
    }

    /** A copy of the zone bounds. */
    @Override
    public double[] zoneUpperBoundsMeters() {
        return zoneUpperBoundsMeters.clone();
    }

    /** A copy of the zone weights. */
    @Override
    public double[] zoneWeights() {
        return zoneWeights.clone();
    }

    /** The weight of a walking distance; 0 beyond the catchment, NaN or negative distances. */
    public double weightAt(double distanceMeters) {
        if (!(distanceMeters >= 0 && distanceMeters <= catchmentMeters)) {
            return 0;
        }
        switch (decay) {
            case BINARY:
                return 1;
            case STEPWISE:
                for (int z = 0; z < zoneUpperBoundsMeters.length; z++) {
                    if (distanceMeters <= zoneUpperBoundsMeters[z]) {
                        return zoneWeights[z];
                    }
                }
                return 0;
            case GAUSSIAN:
                double ratio = distanceMeters / catchmentMeters;
                return (Math.exp(-0.5 * ratio * ratio) - EXP_MINUS_HALF) / (1 - EXP_MINUS_HALF);
            default:
                throw new IllegalStateException("Unknown decay " + decay);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CatchmentOptions that
                && decay == that.decay
                && Double.compare(catchmentMeters, that.catchmentMeters) == 0
                && Arrays.equals(zoneUpperBoundsMeters, that.zoneUpperBoundsMeters)
                && Arrays.equals(zoneWeights, that.zoneWeights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                decay, catchmentMeters, Arrays.hashCode(zoneUpperBoundsMeters), Arrays.hashCode(zoneWeights));
    }

    @Override
    public String toString() {
        return "CatchmentOptions[" + decay + ", " + catchmentMeters + " m"
                + (decay == DistanceDecay.STEPWISE
                        ? ", zones " + Arrays.toString(zoneUpperBoundsMeters) + " weights "
                                + Arrays.toString(zoneWeights)
                        : "")
                + "]";
    }
}
