package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/imports/{kind}} over real HTTP, with a small upload limit to test it cheaply. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lifecircle.demo.autoload=none",
            "spring.servlet.multipart.max-file-size=64KB",
            "spring.servlet.multipart.max-request-size=64KB"
        })
class ImportApiIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FACILITIES = "name,lon,lat,type\n甲幼儿园,118.78,32.04,幼儿园\n乙小学,118.79,32.05,小学\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    record Answer(int status, String contentType, JsonNode body) {}

    @BeforeAll
    static void database() {
        TestDatabase.requireThrowawayDatabase();
    }

    private Answer upload(String kind, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "----lifecircle" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports/" + kind))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", org.lifecircle.web.TestAccounts.adminBasic())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void storedImportAnswers201WithTheReport() {
        Answer answer = upload("facilities", "设施.csv", FACILITIES.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body().get("committed").asBoolean()).isTrue();
        assertThat(answer.body().get("file").asString()).isEqualTo("设施.csv");
        assertThat(answer.body().at("/rowsLoaded/facility").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM facility", Long.class))
                .isEqualTo(2);
    }

    @Test
    void uploadOverTheLimitAnswers413() {
        byte[] big = new byte[200 * 1024];
        Arrays.fill(big, (byte) 'x');

        Answer answer = upload("facilities", "big.csv", big, Map.of());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).endsWith("/payload-too-large");
    }

    @Test
    void unknownKindAnswers400NamingTheKind() {
        Answer unknown = upload("buildings", "x.csv", FACILITIES.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("parameter").asString()).isEqualTo("kind");
        assertThat(unknown.body().get("detail").asString()).contains("communities, facilities, population");
    }

    @Test
    void corruptOsmExtractAnswers422WithItsReport() {
        Answer osm = upload("osm", "x.osm.pbf", new byte[] {1, 2, 3}, Map.of());
        assertThat(osm.status()).isEqualTo(422);
        assertThat(osm.contentType()).startsWith("application/problem+json");
        assertThat(osm.body().get("detail").asString()).contains("Nothing was stored");
    }

    @Test
    void badOptionAnswers400NamingTheOption() {
        Answer answer = upload(
                "facilities", "f.csv", FACILITIES.getBytes(StandardCharsets.UTF_8), Map.of("source-crs", "mars"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("parameter").asString()).isEqualTo("source-crs");

        Answer typo = upload(
                "facilities", "f.csv", FACILITIES.getBytes(StandardCharsets.UTF_8), Map.of("sourcecrs", "gcj02"));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body().get("parameter").asString()).isEqualTo("sourcecrs");
    }

    @Test
    void importThatStoresNothingAnswers422WithTheReport() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM facility", Long.class);
        byte[] swapped = "name,lon,lat,type\n甲,32.04,118.78,kindergarten\n".getBytes(StandardCharsets.UTF_8);

        Answer rejected = upload("facilities", "swapped.csv", swapped, Map.of());

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.body().get("type").asString()).endsWith("/import-rejected");
        assertThat(rejected.body().at("/report/committed").asBoolean()).isFalse();
        assertThat(rejected.body().at("/report/rejections/0/reason").asString()).contains("lat/lon swapped?");

        Answer empty = upload("facilities", "empty.csv", new byte[0], Map.of());
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body().get("detail").asString()).isEqualTo("The file empty.csv is empty");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM facility", Long.class))
                .isEqualTo(before);
    }
}
