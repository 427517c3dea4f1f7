package org.lifecircle.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifecircle.core.access.AccessibilityScores;
import org.lifecircle.core.access.CatchmentOptions;
import org.lifecircle.core.access.TwoStepFloatingCatchment;
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
 * Kindergarten accessibility of every population cell by floating catchments on the walking graph
 * ({@link TwoStepFloatingCatchment}), cells snapped in the trial setup: supply = places (capacity),
 * demand = residents, catchment 900 m (a 15-minute walk at 1 m/s).
 *
 * <ul>
 *   <li>{@link #enhancedLuoQi}: E2SFCA with Luo &amp; Qi's weights 1.00 / 0.68 / 0.22 on the zones
 *       0–300, 300–600 and 600–900 m, so the full-weight zone is the kindergarten's 300 m service
 *       radius (GB 50180-2018 附录 B);
 *   <li>{@link #plainBinary}: the plain 2SFCA over the same 900 m catchment, the peer.
 * </ul>
 *
 * <p>Both cost one search per facility plus the cells near it; the decay only changes the weight
 * computed per pair, so the two should take about as long.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccessibilityBenchmark {
    /** 15 minutes at the catalog's 1 m/s: three 300 m zones. */
    static final double CATCHMENT_METERS = 900;

    @Param({"town", "district", "city"})
    public String size;

    private TwoStepFloatingCatchment catchment;
    private List<SnappedPoint> cells;
    private double[] demand;
    private List<SnappedPoint> facilities;
    private double[] supply;
    private final CatchmentOptions enhanced = CatchmentOptions.luoQiStepwise(CATCHMENT_METERS);
    private final CatchmentOptions binary = CatchmentOptions.binary(CATCHMENT_METERS);

    @Setup(Level.Trial)
    public void prepare() {
        DemoCity city = DemoCity.generate(size);
        catchment = new TwoStepFloatingCatchment(city.graph);
        cells = city.cells.centroids();
        demand = city.population();
        List<Facility> kindergartens = city.facilitiesOf(DemoCity.TYPE_CODE);
        facilities = city.snap(kindergartens);
        supply = places(kindergartens);
    }

    /** Each facility's capacity; the generator gives every kindergarten one. */
    static double[] places(List<Facility> facilities) {
        double[] places = new double[facilities.size()];
        for (int j = 0; j < places.length; j++) {
            Integer capacity = facilities.get(j).capacity();
            if (capacity == null) {
                throw new IllegalStateException("Facility " + j + " has no capacity: " + facilities.get(j));
            }
            places[j] = capacity;
        }
        return places;
    }

    @Benchmark
    public AccessibilityScores enhancedLuoQi() {
        return catchment.compute(cells, demand, facilities, supply, enhanced);
    }

    @Benchmark
    public AccessibilityScores plainBinary() {
        return catchment.compute(cells, demand, facilities, supply, binary);
    }
}
