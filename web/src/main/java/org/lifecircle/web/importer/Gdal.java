package org.lifecircle.web.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.lifecircle.datasets.ProgressListener;

/**
 * Runs GDAL's {@code ogrinfo} and {@code ogr2ogr} (Debian package gdal-bin) as child processes,
 * arguments as a list and never through a shell. Standard error is kept for messages (its last 16
 * KiB); {@code ogr2ogr -progress} output ({@code 0...10...20…}) drives the progress bar. A run that
 * outlives {@link ImportProperties#gdalTimeout()} is killed. Thread-safe: each call has its own
 * process.
 */
final class Gdal {
    private static final int KEPT_ERROR_CHARS = 16 * 1024;
    private static final int LISTED_GDAL_WARNINGS = 10;

    private final ImportProperties properties;

    Gdal(ImportProperties properties) {
        this.properties = properties;
    }

    /** What a finished process said. */
    record Run(int exitCode, String stdout, String stderr) {
        /** The error lines of standard error, or its last lines when none says ERROR. */
        String errors() {
            List<String> errors = new ArrayList<>();
            for (String line : stderr.split("\\R")) {
                if (line.startsWith("ERROR")) {
                    errors.add(line.replaceFirst("^ERROR \\d+: ", "").trim());
                }
            }
            String text = errors.isEmpty() ? stderr.strip() : String.join("; ", new LinkedHashSet<>(errors));
            return text.length() > 1200 ? text.substring(0, 1200) + " …" : text;
        }

        /** Distinct GDAL warnings, for the report. */
        Set<String> warnings() {
            Set<String> warnings = new LinkedHashSet<>();
            for (String line : stderr.split("\\R")) {
                if (line.startsWith("Warning")
                        && !line.contains("Progress turned off")
                        && warnings.size() < LISTED_GDAL_WARNINGS) {
                    warnings.add(line.replaceFirst("^Warning \\d+: ", "").trim());
                }
            }
            return warnings;
        }
    }

    /** {@code ogrinfo -ro -so -al -noextent}: every layer's name, geometry type, count, CRS and fields. */
    List<OgrLayer> layers(SourceDataset source) {
        List<String> command = new ArrayList<>(List.of(properties.ogrinfo(), "-ro", "-so", "-al", "-noextent"));
        for (String option : source.openOptions()) {
            command.addAll(List.of("-oo", option));
        }
        command.add(source.path().toString());
        Run run = run(command, Map.of(), null);
        if (run.exitCode() != 0) {
            throw new ImportFailedException(
                    "GDAL cannot read " + source.name() + " as "
                            + source.format().driver() + ": " + run.errors(),
                    null);
        }
        return OgrInfoParser.parse(run.stdout());
    }

    /**
     * Runs {@code ogr2ogr} with the given arguments (everything after the program name).
     *
     * @param environment added to the process environment (the database password)
     * @param progress told the percentage {@code ogr2ogr -progress} prints
     */
    Run ogr2ogr(List<String> arguments, Map<String, String> environment, IntConsumer progress) {
        List<String> command = new ArrayList<>();
        command.add(properties.ogr2ogr());
        command.addAll(arguments);
        return run(command, environment, progress);
    }

    private Run run(List<String> command, Map<String, String> environment, IntConsumer progress) {
        checkArgumentsCanBePassed(command);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ImportFailedException(
                    "GDAL's " + command.get(0) + " cannot be started (" + e.getMessage()
                            + "); install the Debian package gdal-bin",
                    null,
                    true,
                    e);
        }
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        Thread outReader = reader("gdal-stdout", () -> readOutput(process.getInputStream(), stdout, progress));
        Thread errReader = reader("gdal-stderr", () -> readErrors(process.getErrorStream(), stderr));
        try {
            if (!process.waitFor(properties.gdalTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ImportFailedException(
                        "GDAL took longer than " + properties.gdalTimeout() + " and was stopped", null, true, null);
            }
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ImportFailedException("The import was interrupted", null, true, e);
        }
        synchronized (stdout) {
            synchronized (stderr) {
                return new Run(process.exitValue(), stdout.toString(), stderr.toString());
            }
        }
    }

    /** Reads standard output; digits followed by a dot are progress percentages. */
    private static void readOutput(InputStream in, StringBuilder sink, IntConsumer progress) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            StringBuilder digits = new StringBuilder();
            int c;
            while ((c = reader.read()) >= 0) {
                synchronized (sink) {
                    sink.append((char) c);
                }
                if (progress == null) {
                    continue;
                }
                if (Character.isDigit(c)) {
                    digits.append((char) c);
                } else {
                    if ((c == '.' || c == ' ') && !digits.isEmpty() && digits.length() <= 3) {
                        progress.accept(Math.min(100, Integer.parseInt(digits.toString())));
                    }
                    digits.setLength(0);
                }
            }
        } catch (IOException e) {
            // The process ended; its exit code tells what happened.
        }
    }

    private static void readErrors(InputStream in, StringBuilder sink) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buffer = new char[4096];
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                synchronized (sink) {
                    sink.append(buffer, 0, n);
                    if (sink.length() > 2 * KEPT_ERROR_CHARS) {
                        sink.delete(0, sink.length() - KEPT_ERROR_CHARS);
                    }
                }
            }
        } catch (IOException e) {
            // as above
        }
    }

    /**
     * The JVM passes arguments in the platform's file-name encoding: under a C/POSIX locale a
     * Chinese layer or column name would reach GDAL as question marks.
     */
    private static void checkArgumentsCanBePassed(List<String> command) {
        Charset platform;
        try {
            platform = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            platform = StandardCharsets.UTF_8;
        }
        for (String argument : command) {
            if (!platform.newEncoder().canEncode(argument)) {
                throw new ImportFailedException(
                        "The argument '" + argument + "' cannot be passed to GDAL in the " + platform.name()
                                + " locale; run with a UTF-8 locale (LANG=C.UTF-8)",
                        null,
                        true,
                        null);
            }
        }
    }

    /** A started daemon thread draining one of the process's streams, so it never blocks on a full pipe. */
    private static Thread reader(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Progress of a GDAL stage as a {@link ProgressListener} percentage. */
    static IntConsumer percent(ProgressListener listener, String stage) {
        return p -> listener.progress(stage, p, 100);
    }
}
