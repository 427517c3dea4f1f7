package org.lifecircle.web.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.lifecircle.datasets.demo.DemoCityGenerator;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.datasets.demo.DemoCitySummary;
import org.lifecircle.datasets.geojson.GeoJsonDatasetWriter;
import org.lifecircle.web.LifecircleApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar lifecircle.jar demo [--size=town|district|city] [--seed=N] [--replace]
 * [--geojson=DIR]}: generates a demo city and loads it into the database (or writes GeoJSON files),
 * printing a progress bar, the time taken and the peak heap. Exit code 0 on success, 2 on bad
 * arguments, 1 on failure.
 */
public final class DemoCommandLine {
    private static final String USAGE =
            "usage: lifecircle demo [--size=town|district|city] [--seed=N] [--replace] [--geojson=DIR]";

    private DemoCommandLine() {}

    public static int run(String[] args) {
        PrintStream out = System.out;
        DemoCitySize size = DemoCitySize.TOWN;
        long seed = 42;
        boolean replace = false;
        Path geojson = null;
        try {
            for (String arg : args) {
                if (arg.startsWith("--size=")) {
                    size = parseSize(arg.substring(7));
                } else if (arg.startsWith("--seed=")) {
                    seed = parseSeed(arg.substring(7));
                } else if (arg.equals("--replace")) {
                    replace = true;
                } else if (arg.startsWith("--geojson=")) {
                    geojson = Path.of(arg.substring(10));
                } else if (arg.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("lifecircle demo: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try (HeapPeakSampler heap = new HeapPeakSampler()) {
            DemoCitySummary summary;
            long started;
            if (geojson != null) {
                started = System.nanoTime();
                try (GeoJsonDatasetWriter sink = new GeoJsonDatasetWriter(geojson)) {
                    summary = new DemoCityGenerator(size, seed).generate(sink, progressBar(out));
                }
            } else {
                long contextStarted = System.nanoTime();
                try (ConfigurableApplicationContext context = startContext()) {
                    out.printf(
                            Locale.ROOT,
                            "service context started in %.1f s%n",
                            (System.nanoTime() - contextStarted) / 1e9);
                    started = System.nanoTime();
                    summary = context.getBean(DemoLoader.class)
                            .load(size, seed, replace, progressBar(out))
                            .summary();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "demo %s seed %d: %d communities, %,d households, %,d cells, %,d facilities, %,d road edges%n",
                    size.name().toLowerCase(Locale.ROOT),
                    seed,
                    summary.communityCount(),
                    summary.totalHouseholds(),
                    summary.populationCellCount(),
                    summary.facilityCount(),
                    summary.roadEdgeCount());
            out.printf(
                    Locale.ROOT,
                    "%s in %.1f s, peak heap %.0f MiB (max heap %.0f MiB)%n",
                    geojson != null ? "generated to " + geojson : "generated and loaded",
                    seconds,
                    heap.peakBytes() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("lifecircle demo: failed, nothing was stored: " + e.getMessage());
            return 1;
        }
    }

    private static ConsoleProgressBar progressBar(PrintStream out) {
        return new ConsoleProgressBar(out, System.console() != null);
    }

    private static ConfigurableApplicationContext startContext() {
        SpringApplication app = new SpringApplication(LifecircleApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        return app.run("--lifecircle.demo.autoload=none", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed must be a whole number, got '" + text + "'");
        }
    }

    /** {@code town}, {@code district} or {@code city}, any case. */
    static DemoCitySize parseSize(String text) {
        try {
            return DemoCitySize.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("demo size must be town, district or city, got '" + text + "'");
        }
    }
}
