package org.lifecircle.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifecircle.core.coverage.CoverageAnalysis;
import org.lifecircle.core.coverage.CoverageOptions;
import org.lifecircle.core.coverage.GapAreas;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.coverage.TypeCoverage;
import org.lifecircle.core.graph.SnappedPoint;
import org.lifecircle.core.siting.MaximalCoveringLocation;
import org.lifecircle.core.siting.SiteCandidates;
import org.lifecircle.core.siting.SitingOptions;
import org.lifecircle.core.siting.SitingResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ten new kindergartens over up to {@link #CANDIDATE_COUNT} candidates ({@link
 * MaximalCoveringLocation}), existing kindergartens locked, threshold the 300 m service radius. The
 * setup runs the coverage and its gaps ({@link GapAreas}) and takes the candidates from the gap cells
 * ({@link SiteCandidates#fromGapCells}); one operation is one {@code solve}: baseline search, one
 * bounded search per candidate, greedy, swaps and restarts with the default options.
 *
 * <ul>
 *   <li>{@link #lazyGreedy}: the defaults, Minoux's lazy evaluation of the greedy gains;
 *   <li>{@link #plainGreedy}: the same with every gain recomputed every round, the peer. Both pick the
 *       same sites ({@link SitingOptions#lazyEvaluation()}).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SitingBenchmark {
    static final int NEW_SITES = 10;
    static final int CANDIDATE_COUNT = 2000;

    @Param({"town", "district", "city"})
    public String size;

    private MaximalCoveringLocation siting;
    private PopulationCells cells;
    private List<SnappedPoint> existing;
    private List<SnappedPoint> candidates;
    private SitingOptions lazy;
    private SitingOptions plain;

    /** The inputs of one siting run, shared with {@link CoverageFacts}. */
    record Inputs(PopulationCells cells, List<SnappedPoint> existing, SiteCandidates candidates, int gapCount) {
        static Inputs of(DemoCity city) {
            List<SnappedPoint> existing = city.snap(city.facilitiesOf(DemoCity.TYPE_CODE));
            CoverageOptions options = CoverageOptions.forFacilityType(city.catalog, DemoCity.TYPE_CODE);
            TypeCoverage coverage = CoverageAnalysis.of(city.graph, city.cells, existing, options);
            var gaps = GapAreas.of(city.cellPolygons, city.cells, coverage);
            return new Inputs(
                    city.cells, existing, SiteCandidates.fromGapCells(city.cells, gaps, CANDIDATE_COUNT), gaps.size());
        }

        static SitingOptions options(DemoCity city) {
            return SitingOptions.of(
                    city.catalog.facilityType(DemoCity.TYPE_CODE).serviceRadiusMeters(), NEW_SITES);
        }
    }

    @Setup(Level.Trial)
    public void prepare() {
        DemoCity city = DemoCity.generate(size);
        Inputs inputs = Inputs.of(city);
        siting = new MaximalCoveringLocation(city.graph);
        cells = inputs.cells();
        existing = inputs.existing();
        candidates = inputs.candidates().points();
        lazy = Inputs.options(city);
        plain = lazy.withLazyEvaluation(false);
    }

    @Benchmark
    public SitingResult lazyGreedy() {
        return siting.solve(cells.centroids(), cells.households(), existing, candidates, lazy);
    }

    @Benchmark
    public SitingResult plainGreedy() {
        return siting.solve(cells.centroids(), cells.households(), existing, candidates, plain);
    }
}
