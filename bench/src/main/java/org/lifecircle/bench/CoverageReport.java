package org.lifecircle.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Turns one run of {@code scripts/bench-coverage.sh} into markdown: a table of size, measure, ours,
 * peer, ratio (peer ÷ ours), target and whether it was met, from JMH's JSON results ({@code
 * jmh-<size>.json}) and the {@code key=value} outputs of {@link PgRoutingCoveragePeer} ({@code
 * pgrouting-<size>.properties}) and {@link CoverageFacts} ({@code facts-<size>.properties}); then a
 * second table of where the time goes and what was computed, and the script's {@code
 * machine.properties} (cores, load during the run, minutes). A missing file leaves its cells "–".
 *
 * <p>Usage: {@code CoverageReport <results-dir> <output.md> <size>…}.
 */
public final class CoverageReport {
    private static final String MISSING = "–";
    private static final double MILLISECONDS_PER_SECOND = 1_000;
    /** A run alone keeps the 1-minute load near 1 (one benchmark thread plus GC); above this, others ran. */
    private static final double SHARED_LOAD = 1.5;

    private final Path dir;
    private final List<String> sizes;
    private final Map<String, JsonNode> jmh = new LinkedHashMap<>();
    private final Map<String, Properties> pgRouting = new LinkedHashMap<>();
    private final Map<String, Properties> facts = new LinkedHashMap<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    private CoverageReport(Path dir, List<String> sizes) throws IOException {
        this.dir = dir;
        this.sizes = sizes;
        JsonMapper mapper = JsonMapper.builder().build();
        for (String size : sizes) {
            ArrayNode results = mapper.createArrayNode();
            Path json = dir.resolve("jmh-" + size + ".json");
            if (Files.exists(json)) {
                mapper.readTree(json.toFile()).forEach(results::add);
            }
            jmh.put(size, results);
            pgRouting.put(size, properties("pgrouting-" + size + ".properties"));
            facts.put(size, properties("facts-" + size + ".properties"));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: CoverageReport <results-dir> <output.md> <size>…");
        }
        CoverageReport report =
                new CoverageReport(Path.of(args[0]), List.of(args).subList(2, args.length));
        String markdown = report.markdown();
        Files.writeString(Path.of(args[1]), markdown, StandardCharsets.UTF_8);
        System.out.print(markdown);
    }

    private Properties properties(String name) throws IOException {
        Properties p = new Properties();
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        return p;
    }

    private String markdown() throws IOException {
        for (String size : sizes) {
            table(size);
            details(size);
        }
        Properties machine = properties("machine.properties");
        StringBuilder out = new StringBuilder();
        out.append("# Coverage, E2SFCA and siting on the demo cities, with pgRouting, 2SFCA and plain greedy\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Run %s UTC on %s cores (%s min; 1-minute load average during the run: mean %s, max %s; `uptime`"
                        + " before: %s; after: %s); %s; demo cities of DemoCityGenerator seed %d.%n%n",
                machine.getProperty(
                        "finished",
                        LocalDateTime.now(ZoneOffset.UTC).withNano(0).toString()),
                machine.getProperty("cores", String.valueOf(Runtime.getRuntime().availableProcessors())),
                machine.getProperty("minutes", MISSING),
                machine.getProperty("loadMean", MISSING),
                machine.getProperty("loadMax", MISSING),
                machine.getProperty("uptimeBefore", MISSING),
                machine.getProperty("uptimeAfter", MISSING),
                jvm(),
                BenchNetwork.SEED));
        if (shared(machine)) {
            out.append("**The machine was shared with other work during this run (load above ")
                    .append(SHARED_LOAD)
                    .append(", while this run alone keeps it near 1): absolute times are inflated, and ratios"
                            + " between rows measured minutes apart are less reliable than ratios within a row's"
                            + " own fork.**\n\n");
        }
        out.append("| size | measure | ours | peer | ratio (peer ÷ ours) | target | met? |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        out.append("\n## Where the time goes, and what was computed\n\n");
        out.append("| size | measure | value |\n|---|---|---|\n");
        details.forEach(row -> out.append(row).append('\n'));
        out.append('\n').append(notes());
        return out.toString();
    }

    private static boolean shared(Properties machine) {
        String max = machine.getProperty("loadMax");
        return max != null && Double.parseDouble(max) > SHARED_LOAD;
    }

    private String jvm() {
        for (JsonNode results : jmh.values()) {
            if (results.size() > 0) {
                JsonNode first = results.get(0);
                return "JVM " + first.path("vmName").asString() + " "
                        + first.path("vmVersion").asString()
                        + ", JMH " + first.path("jmhVersion").asString() + " ("
                        + first.path("warmupIterations").asInt() + " × "
                        + first.path("warmupTime").asString()
                        + " warm-up, " + first.path("measurementIterations").asInt() + " × "
                        + first.path("measurementTime").asString()
                        + " measured, one fork per benchmark), fork JVM args "
                        + first.path("jvmArgs").toString();
            }
        }
        return "JVM " + Runtime.version();
    }

    private void table(String size) {
        Properties f = facts.get(size);
        Properties pg = pgRouting.get(size);
        String types = f.getProperty("types", "all");
        String kindergartens = f.getProperty("coverage.kindergarten.facilities", "all");
        row(
                size,
                "coverage of all " + types + " catalog types, facilities snapped in the setup (coverage only)",
                mean(size, "CoverageBenchmark.allTypes"),
                MISSING,
                MISSING,
                3,
                score(size, "CoverageBenchmark.allTypes"));
        row(
                size,
                "coverage of all " + types + " catalog types, each type's facilities snapped in the operation"
                        + " (snap + coverage)",
                mean(size, "CoverageBenchmark.allTypesWithFacilitySnapping"),
                MISSING,
                MISSING,
                3,
                score(size, "CoverageBenchmark.allTypesWithFacilitySnapping"));
        row(
                size,
                "coverage of the " + kindergartens + " kindergartens from their nearest nodes; peer:"
                        + " pgr_drivingDistance (equicost, " + number(parse(pg.getProperty("searchLimitMeters")))
                        + " m) + per-cell and per-community SQL",
                mean(size, "CoverageBenchmark.kindergartensFromNearestNodes"),
                pgMillis(pg, "coverage.median.ms"),
                ratio(
                        parse(pg.getProperty("coverage.median.ms")),
                        score(size, "CoverageBenchmark.kindergartensFromNearestNodes")),
                Double.NaN,
                Double.NaN);
        row(
                size,
                "coverage of the kindergartens from the snapped facilities (what a run computes)",
                mean(size, "CoverageBenchmark.kindergartens"),
                MISSING,
                MISSING,
                Double.NaN,
                Double.NaN);
        row(
                size,
                "E2SFCA, kindergartens: places ÷ residents, Luo–Qi weights on 300/600/900 m; peer: plain 2SFCA,"
                        + " 900 m",
                mean(size, "AccessibilityBenchmark.enhancedLuoQi"),
                mean(size, "AccessibilityBenchmark.plainBinary"),
                jmhRatio(size, "AccessibilityBenchmark.plainBinary", "AccessibilityBenchmark.enhancedLuoQi"),
                10,
                score(size, "AccessibilityBenchmark.enhancedLuoQi"));
        row(
                size,
                "siting, k = " + SitingBenchmark.NEW_SITES + " kindergartens over "
                        + thousands(f.getProperty("siting.candidates")) + " gap-cell candidates, existing kept (lazy"
                        + " greedy + swaps + 8 restarts); peer: plain greedy",
                mean(size, "SitingBenchmark.lazyGreedy"),
                mean(size, "SitingBenchmark.plainGreedy"),
                jmhRatio(size, "SitingBenchmark.plainGreedy", "SitingBenchmark.lazyGreedy"),
                30,
                score(size, "SitingBenchmark.lazyGreedy"));
        rows.add(String.format(
                Locale.ROOT,
                "| %s | siting: households gained by the %s sites | +%s (%s %% → %s %% of %s) | %s | | | |",
                size,
                f.getProperty("siting.lazy.sites", MISSING),
                thousands(f.getProperty("siting.lazy.addedHouseholds")),
                number(parse(f.getProperty("siting.lazy.coveredPercentBefore"))),
                number(parse(f.getProperty("siting.lazy.coveredPercentAfter"))),
                thousands(f.getProperty("siting.lazy.totalHouseholds")),
                "true".equals(f.getProperty("siting.sameSites"))
                        ? "same sites"
                        : "+" + thousands(f.getProperty("siting.plain.addedHouseholds"))));
    }

    private void details(String size) {
        Properties f = facts.get(size);
        Properties pg = pgRouting.get(size);
        detail(
                size,
                "city: communities / cells (outside every community) / households / nodes / edges / facilities",
                String.join(
                        " / ",
                        thousands(f.getProperty("communities")),
                        thousands(f.getProperty("cells")) + " (" + f.getProperty("cells.outsideCommunities", MISSING)
                                + ")",
                        thousands(f.getProperty("households")),
                        thousands(f.getProperty("nodes")),
                        thousands(f.getProperty("edges")),
                        thousands(f.getProperty("facilities"))));
        detail(
                size,
                "one-off setup ms: generate + build graph + snap cells + assign communities / of which cell"
                        + " snapping / community assignment (STRtree) / snapping every facility",
                String.join(
                        " / ",
                        ms(f, "prepare.ms"),
                        ms(f, "cells.snap.ms"),
                        ms(f, "cells.community.ms"),
                        ms(f, "facilities.snap.ms")));
        StringBuilder perType = new StringBuilder();
        for (String key : f.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("coverage.") && key.endsWith(".ms")) {
                String type = key.substring("coverage.".length(), key.length() - ".ms".length());
                if (perType.length() > 0) {
                    perType.append(", ");
                }
                perType.append(type)
                        .append(' ')
                        .append(ms(f, key))
                        .append(" (")
                        .append(number(parse(f.getProperty("coverage." + type + ".thresholdMeters"))))
                        .append(" m: ")
                        .append(number(parse(f.getProperty("coverage." + type + ".coveredPercent"))))
                        .append(" %)");
            }
        }
        detail(size, "coverage ms per type, single calls (threshold: households covered)", perType.toString());
        detail(
                size,
                "pgRouting split ms: pgr_drivingDistance alone / with the per-cell and per-community SQL",
                ms(pg, "search.median.ms") + " / " + ms(pg, "coverage.median.ms"));
        detail(
                size,
                "pgRouting answer = ours from the same nodes (covered households per community; total)",
                pg.getProperty("communities.agreeing", MISSING) + " of " + pg.getProperty("communities", MISSING)
                        + " communities equal; " + thousands(pg.getProperty("covered")) + " vs "
                        + thousands(pg.getProperty("ours.covered")) + " households covered");
        detail(
                size,
                "E2SFCA / 2SFCA: (cell, facility) pairs; cells reached; supply served of all places",
                thousands(f.getProperty("access.stepwise.pairs")) + " / "
                        + thousands(f.getProperty("access.binary.pairs")) + "; "
                        + thousands(f.getProperty("access.stepwise.cellsReached")) + "; "
                        + thousands(f.getProperty("access.stepwise.servedSupply")) + " of "
                        + thousands(f.getProperty("access.supply")));
        detail(
                size,
                "siting inputs: gaps / open cells / candidates / (candidate, open cell) pairs within 300 m",
                String.join(
                        " / ",
                        thousands(f.getProperty("siting.gaps")),
                        thousands(f.getProperty("siting.lazy.openCells")),
                        thousands(f.getProperty("siting.candidates")),
                        thousands(f.getProperty("siting.lazy.pairs"))));
        detail(
                size,
                "siting split ms, single calls: one site, no swaps or restarts (baseline + one search per"
                        + " candidate) / ten sites, lazy greedy only / plain greedy only / full default solve",
                String.join(
                        " / ",
                        ms(f, "siting.split.relation.ms"),
                        ms(f, "siting.split.greedy.ms"),
                        ms(f, "siting.split.greedyPlain.ms"),
                        ms(f, "siting.lazy.ms")));
        detail(
                size,
                "siting: gain evaluations lazy / plain; runs; swaps applied; swap stop; time limit hit",
                thousands(f.getProperty("siting.lazy.gainEvaluations")) + " / "
                        + thousands(f.getProperty("siting.plain.gainEvaluations")) + "; "
                        + f.getProperty("siting.lazy.runs", MISSING) + "; "
                        + f.getProperty("siting.lazy.swaps", MISSING) + "; "
                        + f.getProperty("siting.lazy.swapStop", MISSING) + "; "
                        + f.getProperty("siting.lazy.timeLimitReached", MISSING));
    }

    private void row(
            String size,
            String measure,
            String ours,
            String peer,
            String ratio,
            double targetSeconds,
            double oursMillis) {
        String target = Double.isNaN(targetSeconds) ? "" : String.format(Locale.ROOT, "< %.0f s", targetSeconds);
        String met = Double.isNaN(targetSeconds)
                ? ""
                : Double.isNaN(oursMillis)
                        ? MISSING
                        : oursMillis < targetSeconds * MILLISECONDS_PER_SECOND ? "yes" : "**no**";
        rows.add("| " + size + " | " + measure + " | " + ours + " | " + peer + " | " + ratio + " | " + target + " | "
                + met + " |");
    }

    private void detail(String size, String measure, String value) {
        details.add("| " + size + " | " + measure + " | " + value + " |");
    }

    private JsonNode result(String size, String benchmark) {
        for (JsonNode result : jmh.get(size)) {
            if (result.path("benchmark").asString().endsWith("." + benchmark)) {
                return result;
            }
        }
        return null;
    }

    /** Mean milliseconds per operation. */
    private double score(String size, String benchmark) {
        JsonNode result = result(size, benchmark);
        return result == null
                ? Double.NaN
                : result.path("primaryMetric").path("score").asDouble();
    }

    /**
     * Peer ÷ ours of two JMH results, marked when their 99.9 % confidence intervals (JMH's score
     * errors) overlap: the two are then not told apart by this run.
     */
    private String jmhRatio(String size, String peerBenchmark, String oursBenchmark) {
        JsonNode peer = result(size, peerBenchmark);
        JsonNode ours = result(size, oursBenchmark);
        String ratio = ratio(score(size, peerBenchmark), score(size, oursBenchmark));
        if (peer == null || ours == null) {
            return ratio;
        }
        double peerError = peer.path("primaryMetric").path("scoreError").asDouble(Double.NaN);
        double oursError = ours.path("primaryMetric").path("scoreError").asDouble(Double.NaN);
        double gap = Math.abs(score(size, peerBenchmark) - score(size, oursBenchmark));
        return Double.isFinite(peerError) && Double.isFinite(oursError) && gap <= peerError + oursError
                ? ratio + " (within noise)"
                : ratio;
    }

    private String mean(String size, String benchmark) {
        JsonNode result = result(size, benchmark);
        if (result == null) {
            return MISSING;
        }
        JsonNode metric = result.path("primaryMetric");
        double error = metric.path("scoreError").asDouble(Double.NaN);
        String mean = number(metric.path("score").asDouble()) + " ms";
        return Double.isFinite(error) ? number(metric.path("score").asDouble()) + " ± " + number(error) + " ms" : mean;
    }

    private static String pgMillis(Properties pg, String key) {
        String value = pg.getProperty(key);
        return value == null ? MISSING : number(Double.parseDouble(value)) + " ms (median of 5)";
    }

    private static String ms(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null ? MISSING : number(Double.parseDouble(value));
    }

    private static double parse(String value) {
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    private static String ratio(double peer, double ours) {
        return Double.isFinite(peer) && Double.isFinite(ours) && ours > 0 ? number(peer / ours) + "×" : MISSING;
    }

    private static String thousands(String value) {
        if (value == null) {
            return MISSING;
        }
        double number = Double.parseDouble(value);
        return String.format(Locale.ROOT, "%,.0f", number);
    }

    private static String number(double value) {
        return GraphReport.number(value);
    }

    private static String notes() {
        return String.join(
                "\n",
                "Notes:",
                "- One operation is one call on one thread after the graph is built and the cells are snapped and"
                        + " assigned to communities (each cell to the community whose boundary holds its representative"
                        + " point: an STRtree of the boundaries, then a prepared point-in-polygon test). Coverage per"
                        + " type: CoverageOptions.forFacilityType (the type's service radius at the catalog's 1 m/s,"
                        + " search limit max(3,000 m, 3 × radius)), one CoverageAnalysis reused across types.",
                "- Ours vs pgRouting is like for like: both start at the graph node nearest each kindergarten"
                        + " (straight line), leaving out the facility's own walk to the network, which is why that row"
                        + " covers more households than the snapped-facility row below it; both measure each cell over"
                        + " its snapped edge's end nodes plus its off-network walk (our snapping, copied once into a"
                        + " temporary table before timing) and total households per community. pgRouting times are"
                        + " wall-clock over JDBC on loopback; its edges SQL is the whole road_edge table, read and built"
                        + " into a graph on every call as pgRouting's documented form does.",
                "- E2SFCA vs 2SFCA: one bounded search per kindergarten either way; the decay only changes each"
                        + " pair's weight, so a ratio near 1 is the expected answer, not a speed-up.",
                "- Siting: candidates are the " + String.format(Locale.ROOT, "%,d", SitingBenchmark.CANDIDATE_COUNT)
                        + " most populous cells of the"
                        + " kindergarten coverage gaps (GapAreas of the coverage above, computed in the setup);"
                        + " SitingOptions.of(300 m, 10): lazy greedy, up to 100 swap passes, 8 restarts, 10 s swap"
                        + " budget. The plain greedy recomputes every gain every round and picks the same sites; the"
                        + " two differ only in the greedy phase.",
                "- ± is JMH's 99.9 % confidence half-width over the measured iterations; a ratio marked \"within"
                        + " noise\" has overlapping intervals, so this run does not tell the two apart.",
                "- The split rows are single calls timed with System.nanoTime (median of 3 after one untimed call)"
                        + " in a separate JVM; they explain the JMH numbers, not replace them.",
                "");
    }
}
