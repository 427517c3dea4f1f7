package org.lifecircle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lifecircle.core.boundary.CellAdjacency;
import org.lifecircle.core.boundary.CellGraph;
import org.lifecircle.core.boundary.PlanStatistics;
import org.lifecircle.core.boundary.RegionalizationOptions;
import org.lifecircle.core.boundary.RegionalizationResult;
import org.lifecircle.core.boundary.Regionalizer;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCityGenerator;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The boundary-proposal quality table: for each demo city size, the communities of today against
 * the engine's plan (default weights, search around the communities out of range) and against the
 * same engine ignoring today's boundaries (every community free, change weight 0), which is what
 * tools without change-minimisation do. Writes a markdown table.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.lifecircle.bench.BoundaryQuality OUT.md town district city</pre>
 */
public final class BoundaryQuality {
    private BoundaryQuality() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<String> rows = new ArrayList<>();
        for (int a = 1; a < args.length; a++) {
            rows.addAll(measure(DemoCitySize.valueOf(args[a].toUpperCase(Locale.ROOT))));
        }
        StringBuilder table = new StringBuilder();
        table.append("# Community boundary proposals on the demo cities\n\n");
        table.append("Run ")
                .append(java.time.Instant.now())
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores; demo cities of seed ")
                .append(BenchNetwork.SEED)
                .append("; bounds 1,000–5,000 households, target 3,000 (national catalog).\n\n");
        table.append(
                "| size | plan | time s | communities | out of range | of which infeasible | across river, rail or subdistrict border | arterial links opened | mean abs. deviation | households moved | mean Polsby–Popper | search moves tried / made | stop |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> table.append(r).append('\n'));
        table.append(
                "\nTimes are the regionalization alone (construction, search, labelling); the cell graph row gives the one-off adjacency build. Targets: district < 30 s, city < 3 min.\n");
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.print(table);
    }

    private static List<String> measure(DemoCitySize size) {
        CollectingSink sink = new CollectingSink();
        new DemoCityGenerator(size, BenchNetwork.SEED).generate(sink, ProgressListener.NONE);
        List<Polygon> polygons = new ArrayList<>();
        int[] households = new int[sink.populationCells.size()];
        for (int i = 0; i < households.length; i++) {
            PopulationCell cell = sink.populationCells.get(i);
            polygons.add(cell.cell());
            households[i] = cell.households();
        }
        int[] today = DemoCity.communityOfCell(sink.communities, sink.populationCells);
        String[] subdistrict = new String[today.length];
        for (int i = 0; i < today.length; i++) {
            subdistrict[i] =
                    today[i] < 0 ? null : sink.communities.get(today[i]).subdistrictCode();
        }
        List<Geometry> arterials = new ArrayList<>();
        for (RoadEdge edge : sink.roadEdges) {
            if (edge.arterial()) {
                arterials.add(edge.geometry());
            }
        }
        List<Geometry> barriers = new ArrayList<>();
        for (Barrier barrier : sink.barriers) {
            barriers.add(barrier.geometry());
        }
        long started = System.nanoTime();
        CellGraph graph = CellAdjacency.build(polygons, households, arterials, barriers, subdistrict);
        long graphMillis = (System.nanoTime() - started) / 1_000_000;
        System.err.printf(
                Locale.ROOT,
                "%s: %d cells, %d adjacency entries, cell graph built in %d ms%n",
                size,
                graph.size(),
                graph.start()[graph.size()],
                graphMillis);

        RegionalizationOptions options = RegionalizationOptions.communities(StandardsCatalog.national())
                .withTimeLimitMillis(size == DemoCitySize.CITY ? 170_000 : 28_000);
        RegionalizationResult plan = Regionalizer.propose(graph, today, sink.communities.size(), options);
        RegionalizationResult baseline = Regionalizer.propose(
                graph,
                today,
                sink.communities.size(),
                options.withScope(RegionalizationOptions.Scope.ALL).withWeights(1, options.compactnessWeight(), 0));
        RegionalizationResult strict =
                Regionalizer.propose(graph, today, sink.communities.size(), options.withArterialsForIslands(false));
        String name = size.name().toLowerCase(Locale.ROOT);
        List<String> rows = new ArrayList<>();
        rows.add(row(name, "today", 0, plan.before(), "–", straddling(graph, today), "", "", ""));
        rows.add(row(
                name,
                "proposal (change-minimising)",
                plan.elapsedMillis(),
                plan.after(),
                infeasible(plan),
                straddling(graph, plan.communityOfCell()),
                String.valueOf(plan.openedBreaks()),
                plan.iterations() + " / " + plan.acceptedMoves(),
                plan.stop()));
        rows.add(row(
                name,
                "baseline: today's boundaries ignored",
                baseline.elapsedMillis(),
                baseline.after(),
                infeasible(baseline),
                straddling(graph, baseline.communityOfCell()),
                String.valueOf(baseline.openedBreaks()),
                baseline.iterations() + " / " + baseline.acceptedMoves(),
                baseline.stop()));
        rows.add(row(
                name,
                "proposal, arterials never crossed",
                strict.elapsedMillis(),
                strict.after(),
                infeasible(strict),
                straddling(graph, strict.communityOfCell()),
                String.valueOf(strict.openedBreaks()),
                strict.iterations() + " / " + strict.acceptedMoves(),
                strict.stop()));
        rows.add("| " + name + " | cell graph: " + graph.size() + " cells, " + graph.start()[graph.size()] / 2
                + " adjacent pairs (" + countHard(graph) + " across hard breaks), built in "
                + String.format(Locale.ROOT, "%.1f", graphMillis / 1000.0) + " s | | | | | | | | | | | |");
        return rows;
    }

    /** Communities holding two cells that touch across a river, rail line or subdistrict border. */
    private static long straddling(CellGraph graph, int[] communityOfCell) {
        java.util.Set<Integer> found = new java.util.HashSet<>();
        for (int i = 0; i < graph.size(); i++) {
            for (int e = graph.start()[i]; e < graph.start()[i + 1]; e++) {
                int j = graph.neighbour()[e];
                if (graph.hard()[e]
                        && !graph.crossable()[e]
                        && communityOfCell[i] >= 0
                        && communityOfCell[i] == communityOfCell[j]) {
                    found.add(communityOfCell[i]);
                }
            }
        }
        return found.size();
    }

    /** Out-of-range communities the engine reports infeasible, by reason. */
    private static String infeasible(RegionalizationResult result) {
        java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
        for (var c : result.communities()) {
            if (c.reason() != org.lifecircle.core.boundary.ProposedCommunity.Infeasibility.NONE) {
                reasons.merge(c.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '), 1, Integer::sum);
            }
        }
        return reasons.isEmpty()
                ? "0"
                : reasons.toString().replaceAll("[{}]", "").replace('=', ' ');
    }

    private static int countHard(CellGraph graph) {
        int hard = 0;
        for (boolean h : graph.hard()) {
            hard += h ? 1 : 0;
        }
        return hard / 2;
    }

    private static String row(
            String size,
            String plan,
            long millis,
            PlanStatistics s,
            String infeasible,
            long straddling,
            String opened,
            String moves,
            String stop) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %d | %d | %s | %d | %s | %.0f | %,d | %.3f | %s | %s |",
                size,
                plan,
                millis == 0 ? "" : String.format(Locale.ROOT, "%.2f", millis / 1000.0),
                s.communities(),
                s.outOfRange(),
                infeasible,
                straddling,
                opened,
                s.meanAbsoluteDeviation(),
                s.householdsMoved(),
                s.meanPolsbyPopper(),
                moves,
                stop);
    }
}
