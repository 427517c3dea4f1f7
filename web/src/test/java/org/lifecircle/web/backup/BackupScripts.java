package org.lifecircle.web.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs {@code scripts/backup.sh} and {@code scripts/restore.sh} of this checkout as an operator
 * would. The scripts find the database as the service does; {@code DATABASE_URL} is removed from
 * their environment so they reach the throwaway PostGIS of {@code SPRING_DATASOURCE_URL} and never
 * a database a developer's shell points at.
 */
final class BackupScripts {
    private static final long TIMEOUT_SECONDS = 600;

    record Result(int exitCode, String output, long elapsedMillis) {}

    private BackupScripts() {}

    static Result backup(String... arguments) {
        return run("backup.sh", env -> {}, arguments);
    }

    static Result restore(String... arguments) {
        return run("restore.sh", env -> {}, arguments);
    }

    /** Runs a script with its environment changed by {@code environment} first. */
    static Result run(String script, Consumer<Map<String, String>> environment, String... arguments) {
        Path root = checkoutRoot();
        List<String> command =
                new ArrayList<>(List.of(root.resolve("scripts").resolve(script).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("DATABASE_URL");
        environment.accept(builder.environment());
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(
                    process.exitValue(),
                    new String(output, StandardCharsets.UTF_8),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The checkout: Failsafe runs in {@code web/}, an IDE may run in the root. */
    static Path checkoutRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("scripts/backup.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "scripts/backup.sh not found above " + Path.of("").toAbsolutePath());
    }
}
