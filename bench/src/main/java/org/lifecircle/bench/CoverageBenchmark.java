package org.lifecircle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifecircle.core.coverage.CoverageAnalysis;
import org.lifecircle.core.coverage.CoverageOptions;
import org.lifecircle.core.coverage.PopulationCells;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.graph.SnappedPoint;
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
 * Population coverage after the graph is loaded and the cells are snapped (both in the trial
 * setup): every catalog facility type at its service radius with the default search limit ({@link
 * CoverageOptions#forFacilityType}), one {@link CoverageAnalysis} reused across types, on one thread.
 *
 * <ul>
 *   <li>{@link #allTypes}: facilities snapped in the setup, coverage only;
 *   <li>{@link #allTypesWithFacilitySnapping}: each type's facilities snapped inside the operation,
 *       as a run does when it reads facilities fresh from the store;
 *   <li>{@link #kindergartens} and {@link #kindergartensFromNearestNodes}: one type, from its snapped
 *       facilities and from the graph nodes nearest them — the start vertices the pgRouting peer
 *       ({@link PgRoutingCoveragePeer}) gets, so that pair compares like with like.
 * </ul>
 *
 * <p>Average time per operation with 1 s iterations: an operation longer than an iteration still
 * runs once per iteration, so the mode suits both the sub-second single type and the all-types pass.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoverageBenchmark {
    @Param({"town", "district", "city"})
    public String size;

    private PopulationCells cells;
    private CoverageAnalysis analysis;
    private DemoCity city;
    private final List<CoverageOptions> options = new ArrayList<>();
    private final List<List<Facility>> facilities = new ArrayList<>();
    private final List<List<SnappedPoint>> snapped = new ArrayList<>();
    private CoverageOptions typeOptions;
    private List<SnappedPoint> typeSnapped;
    private List<SnappedPoint> typeNearestNodes;

    @Setup(Level.Trial)
    public void prepare() {
        city = DemoCity.generate(size);
        cells = city.cells;
        analysis = new CoverageAnalysis(city.graph);
        for (String type : city.typeCodes()) {
            options.add(CoverageOptions.forFacilityType(city.catalog, type));
            List<Facility> ofType = city.facilitiesOf(type);
            facilities.add(ofType);
            snapped.add(city.snap(ofType));
        }
        typeOptions = CoverageOptions.forFacilityType(city.catalog, DemoCity.TYPE_CODE);
        List<Facility> kindergartens = city.facilitiesOf(DemoCity.TYPE_CODE);
        typeSnapped = city.snap(kindergartens);
        typeNearestNodes = NearestNodes.atNodes(city.graph, NearestNodes.of(city.graph, kindergartens));
    }

    /** Covered households summed over the types, so no result is dead code. */
    @Benchmark
    public long allTypes() {
        long covered = 0;
        for (int t = 0; t < options.size(); t++) {
            covered += analysis.analyse(cells, snapped.get(t), options.get(t))
                    .total()
                    .coveredHouseholds();
        }
        return covered;
    }

    @Benchmark
    public long allTypesWithFacilitySnapping() {
        long covered = 0;
        for (int t = 0; t < options.size(); t++) {
            List<SnappedPoint> points = city.snap(facilities.get(t));
            covered += analysis.analyse(cells, points, options.get(t)).total().coveredHouseholds();
        }
        return covered;
    }

    @Benchmark
    public long kindergartens() {
        return analysis.analyse(cells, typeSnapped, typeOptions).total().coveredHouseholds();
    }

    @Benchmark
    public long kindergartensFromNearestNodes() {
        return analysis.analyse(cells, typeNearestNodes, typeOptions).total().coveredHouseholds();
    }
}
