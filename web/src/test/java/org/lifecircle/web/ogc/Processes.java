package org.lifecircle.web.ogc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifecircle.web.TestAccounts;

/** Runs a real client (GDAL, Python) and returns what it printed; fails loudly on a non-zero exit. */
final class Processes {
    private Processes() {}

    record Result(int exitCode, String output) {}

    static String run(List<String> command) {
        Result result = runAllowingFailure(command);
        if (result.exitCode() != 0) {
            throw new AssertionError(command + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    static Result runAllowingFailure(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // The account, as an analyst gives it to GDAL (HTTP Basic, sent with every request)
            // and to OWSLib (owslib_check.py reads these two).
            builder.environment().put("GDAL_HTTP_AUTH", "BASIC");
            builder.environment().put("GDAL_HTTP_USERPWD", TestAccounts.ADMIN + ":" + TestAccounts.ADMIN_PASSWORD);
            builder.environment().put("LIFECIRCLE_OGC_USER", TestAccounts.ADMIN);
            builder.environment().put("LIFECIRCLE_OGC_PASSWORD", TestAccounts.ADMIN_PASSWORD);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(
                    "Cannot run " + command.get(0) + " (scripts/test.sh installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
