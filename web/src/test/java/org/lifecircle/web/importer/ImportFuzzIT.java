package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.web.TestAccounts;
import org.lifecircle.web.TownIntegrationTest;
import org.lifecircle.web.fuzz.Answers;
import org.lifecircle.web.fuzz.Fuzzing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes {@code POST /api/imports/{kind}} on the demo town with {@link CorruptImports damaged
 * uploads} of every kind and format. Whatever arrives: no 5xx (GDAL and the database are up, so not
 * even the documented 503), errors as problem+json with a detail, no staging table left behind, and
 * all or nothing: a refused import leaves every table an import touches as it was ({@link
 * ImportState}), a stored one holds exactly the rows its report counts.
 */
class ImportFuzzIT extends TownIntegrationTest {
    private static final long SEED = 20_260_723L;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> KINDS = List.of("population", "communities", "facilities");

    @TempDir
    static Path folder;

    private Map<String, List<ImportSamples.Sample>> samples;

    @BeforeAll
    void writeSamples() {
        double[] centre = jdbc.queryForObject(
                "SELECT ST_X(c), ST_Y(c) FROM (SELECT ST_Centroid(ST_Extent(geom)::geometry) AS c FROM population_cell) x",
                (rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)});
        samples = Map.of(
                "population", ImportSamples.of("population", centre[0], centre[1], folder),
                "communities", ImportSamples.of("communities", centre[0], centre[1], folder),
                "facilities", ImportSamples.of("facilities", centre[0], centre[1], folder));
    }

    @Test
    void damagedUploadsOfEveryKindStoreAllOrNothingAndAnswerProblems() {
        Fuzzing fuzzing = Fuzzing.of("ImportFuzzIT.uploads", SEED, 90);
        Random random = fuzzing.random();
        CorruptImports corrupt = new CorruptImports(random);
        for (int attempt = 0; attempt < fuzzing.tries(); attempt++) {
            String kind = KINDS.get(attempt % KINDS.size());
            CorruptImports.Upload upload = corrupt.next(kind, samples.get(kind));
            Verdict verdict = send(upload);
            fuzzing.outcome(kind + " " + verdict.status());
            if (verdict.breach() != null) {
                fuzzing.finding(attempt, upload.toString(), verdict.breach());
            }
        }
        fuzzing.assertNone();
    }

    /**
     * A count with an exponent of millions of digits used to be rounded as it was: 1e-9999999 took
     * eleven seconds a cell, 1e999999999 overflowed BigInteger into a 500. Such a row is rejected at
     * once now.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-9999999", "1E+2147483647", "1e9999999"})
    void countsWithHugeExponentsAreRejectedAtOnce(String households) {
        String csv = new String(samples.get("population").get(0).content(), StandardCharsets.UTF_8);
        String damaged = csv.replaceFirst(",100,", "," + households + ",");
        assertThat(damaged).isNotEqualTo(csv);
        CorruptImports.Upload upload = new CorruptImports.Upload(
                "population", "cells.csv", damaged.getBytes(StandardCharsets.UTF_8), Map.of("strict", "true"));

        long started = System.nanoTime();
        Verdict verdict = send(upload);

        assertThat(verdict.breach()).isNull();
        assertThat(verdict.status()).isEqualTo(422);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    /**
     * GDAL prints field names as they are: a field named "x\nFeature Count: oops" posed as a line of
     * its own in {@code ogrinfo}'s output, and its count failed to parse into a 500.
     */
    @Test
    void aFieldNamePosingAsAnOgrinfoLineIsJustAField() {
        String geojson = new String(samples.get("facilities").get(1).content(), StandardCharsets.UTF_8);
        String damaged = geojson.replace("\"capacity\":", "\"x\\nFeature Count: oops\":");
        assertThat(damaged).isNotEqualTo(geojson);

        Verdict verdict = send(new CorruptImports.Upload(
                "facilities", "facilities.geojson", damaged.getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(verdict.breach()).isNull();
        assertThat(verdict.status()).isEqualTo(201);
    }

    /** An answer's status and why it or the database broke the contract, {@code null} when neither did. */
    record Verdict(int status, String breach) {}

    /** Uploads one file and checks the answer and the database. */
    private Verdict send(CorruptImports.Upload upload) {
        ImportState before = ImportState.of(jdbc);
        HttpResponse<byte[]> response = post(upload);
        return new Verdict(response.statusCode(), breach(upload, before, response));
    }

    private String breach(CorruptImports.Upload upload, ImportState before, HttpResponse<byte[]> response) {
        String breach = Answers.breach(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body());
        if (breach != null) {
            return breach;
        }
        ImportState after = ImportState.of(jdbc);
        if (after.stagingTables() > 0) {
            return after.stagingTables() + " staging table(s) left behind";
        }
        if (response.statusCode() >= 400) {
            return after.equals(before) ? null : "refused but changed the database: " + before + " -> " + after;
        }
        JsonNode report = JSON.readTree(response.body());
        String table = upload.kind().equals("population")
                ? "population_cell"
                : upload.kind().equals("communities") ? "community" : "facility";
        long loaded = report.path("rowsLoaded").path(table).asLong(-1);
        long expected = (upload.append() ? before.rows(upload.kind()) : 0) + loaded;
        if (!report.path("committed").asBoolean(false) || after.rows(upload.kind()) != expected) {
            return "stored " + after.rows(upload.kind()) + " rows where the report says " + expected + ": " + report;
        }
        return null;
    }

    private HttpResponse<byte[]> post(CorruptImports.Upload upload) {
        String boundary = "----lifecircle" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        upload.options()
                .forEach((name, value) -> body.writeBytes(("--" + boundary
                                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + upload.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(upload.content());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/imports/" + upload.kind()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", TestAccounts.adminBasic())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
