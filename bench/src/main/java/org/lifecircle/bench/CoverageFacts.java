package org.lifecircle.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.lifecircle.core.access.AccessibilityScores;
import org.lifecircle.core.access.CatchmentOptions;
import org.lifecircle.core.access.TwoStepFloatingCatchment;
import org.lifecircle.core.coverage.CoverageAnalysis;
import org.lifecircle.core.coverage.CoverageOptions;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.coverage.TypeCoverage;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.siting.MaximalCoveringLocation;
import org.lifecircle.core.siting.SitingOptions;
import org.lifecircle.core.siting.SitingResult;

/**
 * What the coverage, accessibility and siting benchmarks compute, and where their time goes: sizes
 * of the inputs, the one-off preparation (generation, graph, cell snapping, community assignment),
 * each type's coverage, the E2SFCA and 2SFCA results, and the siting results with a split of one
 * solve into its stages. Single calls timed with {@link System#nanoTime()} (the median of {@link
 * #RUNS} after one untimed call), so they explain the JMH numbers rather than replace them.
 *
 * <p>Siting split: a solve with one site and neither swaps nor restarts is the baseline search plus
 * one bounded search per candidate (the coverage relation) and a single greedy round; with ten sites
 * it adds the rest of the greedy; the default options add swaps and restarts.
 *
 * <p>Usage: {@code CoverageFacts <size>}; prints {@code key=value} lines.
 */
public final class CoverageFacts {
    private static final int RUNS = 3;

    private CoverageFacts() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CoverageFacts town|district|city");
        }
        long start = System.nanoTime();
        DemoCity city = DemoCity.generate(args[0]);
        print("prepare.ms", (System.nanoTime() - start) / 1e6);
        print("communities", city.communities.size());
        print("cells", city.cells.size());
        print("cells.outsideCommunities", city.cellsOutsideCommunities);
        print("cells.unsnapped", unsnapped(city.cells.centroids()));
        print("households", city.cells.totalHouseholds());
        print("nodes", city.graph.nodeCount());
        print("edges", city.graph.edgeCount());
        print("facilities", city.facilities.size());
        print("types", city.typeCodes().size());
        print(
                "cells.snap.ms",
                median(() -> PopulationCells.snap(
                                city.snapper,
                                city.populationCells,
                                city.cells.communityOfCell(),
                                city.communities.size())
                        .size()));
        print(
                "cells.community.ms",
                median(() -> DemoCity.communityOfCell(city.communities, city.populationCells).length));

        coverage(city);
        accessibility(city);
        siting(city);
    }

    private static void coverage(DemoCity city) {
        CoverageAnalysis analysis = new CoverageAnalysis(city.graph);
        long facilitySnapNanos = 0;
        for (String type : city.typeCodes()) {
            List<Facility> ofType = city.facilitiesOf(type);
            long start = System.nanoTime();
            List<SnappedPoint> snapped = city.snap(ofType);
            facilitySnapNanos += System.nanoTime() - start;
            CoverageOptions options = CoverageOptions.forFacilityType(city.catalog, type);
            TypeCoverage coverage = analysis.analyse(city.cells, snapped, options);
            String key = "coverage." + type;
            print(key + ".facilities", ofType.size());
            print(key + ".thresholdMeters", options.thresholdMeters());
            print(key + ".searchLimitMeters", options.searchLimitMeters());
            print(
                    key + ".coveredPercent",
                    percent(
                            coverage.total().coveredHouseholds(),
                            coverage.total().households()));
            print(
                    key + ".ms",
                    median(() -> analysis.analyse(city.cells, snapped, options)
                            .total()
                            .coveredHouseholds()));
        }
        print("facilities.snap.ms", facilitySnapNanos / 1e6);
    }

    private static void accessibility(DemoCity city) {
        List<Facility> kindergartens = city.facilitiesOf(DemoCity.TYPE_CODE);
        List<SnappedPoint> facilities = city.snap(kindergartens);
        double[] supply = AccessibilityBenchmark.places(kindergartens);
        double[] demand = city.population();
        TwoStepFloatingCatchment catchment = new TwoStepFloatingCatchment(city.graph);
        List<SnappedPoint> cells = city.cells.centroids();
        print("access.facilities", facilities.size());
        print("access.supply", Arrays.stream(supply).sum());
        print("access.demand", Arrays.stream(demand).sum());
        for (CatchmentOptions options : List.of(
                CatchmentOptions.luoQiStepwise(AccessibilityBenchmark.CATCHMENT_METERS),
                CatchmentOptions.binary(AccessibilityBenchmark.CATCHMENT_METERS))) {
            AccessibilityScores scores = catchment.compute(cells, demand, facilities, supply, options);
            String key = "access." + options.decay().name().toLowerCase(Locale.ROOT);
            int reached = 0;
            for (double score : scores.scorePerCell()) {
                reached += score > 0 ? 1 : 0;
            }
            print(key + ".pairs", scores.pairCount());
            print(key + ".cellsReached", reached);
            print(key + ".servedSupply", scores.servedSupply());
            print(
                    key + ".ms",
                    median(() -> catchment
                            .compute(cells, demand, facilities, supply, options)
                            .pairCount()));
        }
    }

    private static void siting(DemoCity city) {
        SitingBenchmark.Inputs inputs = SitingBenchmark.Inputs.of(city);
        SitingOptions lazy = SitingBenchmark.Inputs.options(city);
        MaximalCoveringLocation siting = new MaximalCoveringLocation(city.graph);
        List<SnappedPoint> candidates = inputs.candidates().points();
        print("siting.gaps", inputs.gapCount());
        print("siting.candidates", candidates.size());
        print("siting.existing", inputs.existing().size());
        SitingOptions plain = lazy.withLazyEvaluation(false);
        SitingResult lazyResult = sitingResult("siting.lazy", siting, inputs, candidates, lazy);
        SitingResult plainResult = sitingResult("siting.plain", siting, inputs, candidates, plain);
        print("siting.sameSites", lazyResult.sites().equals(plainResult.sites()));
        SitingOptions greedyOnly = lazy.withMaxSwapPasses(0).withRestarts(0);
        print(
                "siting.split.relation.ms",
                median(() -> solve(
                                siting,
                                inputs,
                                candidates,
                                SitingOptions.of(lazy.thresholdMeters(), 1)
                                        .withMaxSwapPasses(0)
                                        .withRestarts(0))
                        .coveredHouseholds()));
        print(
                "siting.split.greedy.ms",
                median(() -> solve(siting, inputs, candidates, greedyOnly).coveredHouseholds()));
        print(
                "siting.split.greedyPlain.ms",
                median(() -> solve(siting, inputs, candidates, greedyOnly.withLazyEvaluation(false))
                        .coveredHouseholds()));
        print(
                "siting.greedyOnly.addedHouseholds",
                solve(siting, inputs, candidates, greedyOnly).addedHouseholds());
    }

    /** Prints one siting run's result and time under {@code key}. */
    private static SitingResult sitingResult(
            String key,
            MaximalCoveringLocation siting,
            SitingBenchmark.Inputs inputs,
            List<SnappedPoint> candidates,
            SitingOptions options) {
        SitingResult result = solve(siting, inputs, candidates, options);
        print(key + ".sites", result.sites().size());
        print(key + ".existingCoveredHouseholds", result.existingCoveredHouseholds());
        print(key + ".addedHouseholds", result.addedHouseholds());
        print(key + ".totalHouseholds", result.totalHouseholds());
        print(key + ".coveredPercentBefore", result.coverageCurvePercent()[0]);
        print(key + ".coveredPercentAfter", result.coveredPercent());
        print(key + ".openCells", result.openCellCount());
        print(key + ".pairs", result.coveragePairCount());
        print(key + ".gainEvaluations", result.gainEvaluations());
        print(key + ".swaps", result.swapCount());
        print(key + ".swapPasses", result.swapPasses());
        print(key + ".swapStop", result.swapStop());
        print(key + ".runs", result.runCount());
        print(key + ".timeLimitReached", result.timeLimitReached());
        print(
                key + ".ms",
                median(() -> solve(siting, inputs, candidates, options).coveredHouseholds()));
        return result;
    }

    private static SitingResult solve(
            MaximalCoveringLocation siting,
            SitingBenchmark.Inputs inputs,
            List<SnappedPoint> candidates,
            SitingOptions options) {
        return siting.solve(
                inputs.cells().centroids(), inputs.cells().households(), inputs.existing(), candidates, options);
    }

    private static int unsnapped(List<SnappedPoint> points) {
        int count = 0;
        for (SnappedPoint point : points) {
            count += point.isSnapped() ? 0 : 1;
        }
        return count;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 100 : 100.0 * part / whole;
    }

    /** Milliseconds of one call: the median of {@link #RUNS} timed calls after an untimed one. */
    private static double median(LongSupplier call) {
        long sink = call.getAsLong();
        double[] millis = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            sink += call.getAsLong();
            millis[r] = (System.nanoTime() - start) / 1e6;
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println("# " + sink);
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    private static void print(String key, Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
        System.out.println(key + "=" + text);
    }
}
