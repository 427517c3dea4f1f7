package org.lifecircle.datasets.demo;

import java.util.Locale;

/**
 * How big a demo city to generate. The extent grows with the square root of the households so the
 * average density (≈ 37 households per hectare) is the same at every size: a town is 4 km across,
 * a district 12.6 km and a city 28.2 km.
 *
 * <p>The per-size numbers below are the knobs of the layout whose effects later analyses rely on:
 * how many dense cores the density model puts down, how many arterials bridge the river, how many
 * level crossings the rail line has, and how many of the densest superblocks are deliberately left
 * under-split (each yields communities above the 5,000-household maximum).
 */
public enum DemoCitySize {
    /** ≈ 60,000 households, ≈ 25 communities, 4 km × 4 km. */
    TOWN(60_000, 2, 2, 2, 1),
    /** ≈ 600,000 households, ≈ 250 communities, 12.6 km × 12.6 km. */
    DISTRICT(600_000, 8, 5, 4, 3),
    /** ≈ 3,000,000 households, ≈ 1,250 communities, 28.2 km × 28.2 km. */
    CITY(3_000_000, 24, 10, 8, 8);

    /** Cells across the town; every other size scales it by √(households / town households). */
    private static final int TOWN_EXTENT_CELLS = 40;

    private final int targetHouseholds;
    private final int densityCoreCount;
    private final int bridgeCount;
    private final int railCrossingCount;
    private final int underSplitSuperblockCount;

    DemoCitySize(
            int targetHouseholds,
            int densityCoreCount,
            int bridgeCount,
            int railCrossingCount,
            int underSplitSuperblockCount) {
        this.targetHouseholds = targetHouseholds;
        this.densityCoreCount = densityCoreCount;
        this.bridgeCount = bridgeCount;
        this.railCrossingCount = railCrossingCount;
        this.underSplitSuperblockCount = underSplitSuperblockCount;
    }

    /** Lower-case code used in dataset names and sources: {@code town}, {@code district}, {@code city}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Households the density model is scaled to (the generated total is within rounding of it). */
    public int targetHouseholds() {
        return targetHouseholds;
    }

    /** Cells along each side of the square extent; always even so 200 m streets line up. */
    public int extentCells() {
        double cells = TOWN_EXTENT_CELLS * Math.sqrt(targetHouseholds / (double) TOWN.targetHouseholds);
        return 2 * (int) Math.round(cells / 2.0);
    }

    /** Gaussian dense cores besides the broad city-wide density decay. */
    int densityCoreCount() {
        return densityCoreCount;
    }

    /** Arterials that bridge the river (at least one on each side of the rail line). */
    int bridgeCount() {
        return bridgeCount;
    }

    /** Arterials that cross the rail line (at least one on each side of the river). */
    int railCrossingCount() {
        return railCrossingCount;
    }

    /** Densest superblocks split into too few communities, each yielding one above the maximum. */
    int underSplitSuperblockCount() {
        return underSplitSuperblockCount;
    }
}
