package org.lifecircle.web.importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.importer.ImportReport;
import org.lifecircle.web.LifecircleApplication;
import org.lifecircle.web.audit.AuditLog;
import org.lifecircle.web.demo.ConsoleProgressBar;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar lifecircle.jar import communities|facilities|population|osm FILE [options]}:
 * imports a file into the database with a progress bar and prints the report. Exit code 0 when the
 * rows were stored, 1 when nothing was stored (the database is unchanged), 2 on bad arguments.
 */
public final class ImportCommandLine {
    static final String USAGE = """
            usage: lifecircle import communities|facilities|population|osm FILE [options]
              FILE: .geojson, .gpkg, .shp (with .shx/.dbf), .gdb folder, .csv, or a .zip of one
              --source-crs=EPSG:<code>|gcj02|bd09  coordinates' system (default: the file's own;
                                                   a file naming none is taken as EPSG:4326)
              --encoding=GBK                  text encoding of a DBF without .cpg, or of a CSV
              --invalid=repair|reject         invalid geometries: ST_MakeValid (default) or reject
              --layer=NAME                    layer of a multi-layer file, or dataset in a zip
              --lon-column=C --lat-column=C   CSV coordinate columns (default lon/lng/x, lat/y …)
              --geometry-column=C             CSV column holding WKT
              --name-column=C --code-column=C --subdistrict-column=C --subdistrict-code-column=C
              --office-area-column=C --service-area-column=C --staff-column=C      (communities)
              --type-column=C --floor-area-column=C --capacity-column=C            (facilities)
              --population-column=C --households-column=C --elderly-column=C
              --children-column=C                                                  (population)
              --type=CODE                     one facility type for every row
              --type-map=VALUE=CODE,…         file values to facility type codes (幼儿园=kindergarten)
              --append                        add to the current rows (default: replace them)
              --strict                        store nothing when any row is rejected
              --json                          print the report as JSON
            exit code: 0 stored, 1 nothing stored, 2 bad arguments""";

    private ImportCommandLine() {}

    public static int run(String[] args) {
        PrintStream out = System.out;
        String kind;
        Path file;
        ImportOptions options;
        boolean json = false;
        try {
            Map<String, String> values = new LinkedHashMap<>();
            String[] positional = new String[2];
            int count = 0;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                } else if (arg.equals("--json")) {
                    json = true;
                } else if (arg.startsWith("--")) {
                    String name = arg.substring(2);
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        values.put(name.substring(0, eq), name.substring(eq + 1));
                    } else if (ImportOptionParser.FLAGS.contains(name)
                            || i + 1 == args.length
                            || args[i + 1].startsWith("--")) {
                        values.put(name, "");
                    } else {
                        values.put(name, args[++i]);
                    }
                } else if (count < 2) {
                    positional[count++] = arg;
                } else {
                    throw new BadImportOptionException("file", "one FILE only, got also '" + arg + "'");
                }
            }
            if (count < 2) {
                throw new BadImportOptionException("file", "KIND and FILE are required");
            }
            kind = positional[0].toLowerCase(Locale.ROOT);
            if (!Importers.KINDS.contains(kind)) {
                throw new BadImportOptionException(
                        "kind", "unknown kind '" + positional[0] + "'; kinds: " + String.join(", ", Importers.KINDS));
            }
            file = Path.of(positional[1]);
            if (!Files.exists(file)) {
                throw new BadImportOptionException("file", "no such file: " + file);
            }
            options = ImportOptionParser.parse(values);
        } catch (BadImportOptionException e) {
            System.err.println("lifecircle import: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = startContext()) {
            Importer importer = context.getBean(Importers.class).find(kind);
            ProgressListener progress =
                    json ? ProgressListener.NONE : new ConsoleProgressBar(out, System.console() != null);
            AuditLog audit = context.getBean(AuditLog.class);
            String actor = "cli:" + System.getProperty("user.name");
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("file", file.toAbsolutePath().toString());
            try {
                ImportReport report = importer.run(file, options, progress);
                print(report, json, out);
                detail.put("rowsLoaded", report.rowsLoaded());
                audit.recordAs(
                        actor, report.committed() ? "import.succeeded" : "import.refused", "import:" + kind, detail);
                return report.committed() ? 0 : 1;
            } catch (ImportFailedException e) {
                if (e.report() != null) {
                    print(e.report(), json, out);
                }
                System.err.println("lifecircle import: nothing stored: " + e.getMessage());
                detail.put("reason", e.getMessage());
                audit.recordAs(actor, "import.failed", "import:" + kind, detail);
                return 1;
            }
        } catch (BadImportOptionException e) {
            System.err.println("lifecircle import: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("lifecircle import: failed, nothing was stored: " + e.getMessage());
            return 1;
        }
    }

    private static void print(ImportReport report, boolean json, PrintStream out) {
        if (json) {
            out.println(JsonMapper.builder()
                    .build()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
        } else {
            ReportText.print(report, out);
        }
    }

    private static ConfigurableApplicationContext startContext() {
        SpringApplication app = new SpringApplication(LifecircleApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        return app.run("--lifecircle.demo.autoload=none", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }
}
