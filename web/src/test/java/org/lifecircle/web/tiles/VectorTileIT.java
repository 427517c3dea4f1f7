package org.lifecircle.web.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.TestDatabase;
import org.lifecircle.web.demo.DemoLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Vector tiles from PostGIS over real HTTP: content, caching and bad coordinates. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecircle.demo.autoload=none")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorTileIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DemoLoader demoLoader;

    @Autowired
    JdbcTemplate jdbc;

    int[] townTile;

    @BeforeAll
    void load() {
        TestDatabase.requireThrowawayDatabase();
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        // The z14 tile holding the town's centre, by the standard XYZ formula.
        double[] centre = jdbc.queryForObject(
                "SELECT ARRAY[ST_X(c), ST_Y(c)] FROM (SELECT ST_Centroid(ST_Extent(geom)::geometry) c FROM community) x",
                (rs, i) -> {
                    Double[] v = (Double[]) rs.getArray(1).getArray();
                    return new double[] {v[0], v[1]};
                });
        int z = 14;
        int x = (int) Math.floor((centre[0] + 180) / 360 * (1 << z));
        double latRad = Math.toRadians(centre[1]);
        int y = (int) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * (1 << z));
        townTile = new int[] {z, x, y};
    }

    @Test
    void communityTileCarriesTheLayerAndItsNames() {
        HttpResponse<byte[]> response =
                get("/tiles/communities/" + townTile[0] + "/" + townTile[1] + "/" + townTile[2] + ".mvt", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.mapbox-vector-tile");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("communities").contains("households").contains("社区");
    }

    @Test
    void unchangedTileAnswersNotModified() {
        String path = "/tiles/facilities/" + townTile[0] + "/" + townTile[1] + "/" + townTile[2] + ".mvt";
        String etag = get(path, null).headers().firstValue("ETag").orElseThrow();
        assertThat(get(path, etag).statusCode()).isEqualTo(304);
    }

    @Test
    void aCommunityVersionClosedOrAddedChangesTheTilesAndTheCommunitiesAnswer() {
        String path = "/tiles/communities/" + townTile[0] + "/" + townTile[1] + "/" + townTile[2] + ".mvt";
        String before = get(path, null).headers().firstValue("ETag").orElseThrow();
        String communities = new String(get("/api/communities", null).body(), StandardCharsets.UTF_8);
        // What adopting a plan does to a community: its version closes and a new one begins.
        long id = jdbc.queryForObject("SELECT min(id) FROM community WHERE valid_to IS NULL", Long.class);
        String name = jdbc.queryForObject("SELECT name FROM community WHERE id = ?", String.class, id);
        try {
            jdbc.update("UPDATE community SET valid_to = now() WHERE id = ?", id);
            jdbc.update(
                    "INSERT INTO community (code, name, subdistrict_code, subdistrict_name, urban, geom, valid_from)"
                            + " SELECT code, name || '（新）', subdistrict_code, subdistrict_name, urban, geom, now()"
                            + " FROM community WHERE id = ?",
                    id);
            HttpResponse<byte[]> after = get(path, before);
            assertThat(after.statusCode()).as("the old ETag no longer matches").isEqualTo(200);
            assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
            String changed = new String(get("/api/communities", null).body(), StandardCharsets.UTF_8);
            assertThat(changed).isNotEqualTo(communities).contains(name + "（新）");
        } finally {
            demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        }
    }

    @Test
    void tileFarFromTheDataIsEmpty() {
        HttpResponse<byte[]> response = get("/tiles/communities/14/0/0.mvt", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void badCoordinatesAndUnknownLayersAreProblems() {
        assertThat(get("/tiles/communities/23/0/0.mvt", null).statusCode()).isEqualTo(400);
        assertThat(get("/tiles/communities/2/4/0.mvt", null).statusCode()).isEqualTo(400);
        assertThat(get("/tiles/communities/2/0/-1.mvt", null).statusCode()).isEqualTo(400);
        assertThat(get("/tiles/secrets/2/0/0.mvt", null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", org.lifecircle.web.TestAccounts.adminBasic());
            if (ifNoneMatch != null) {
                builder.header("If-None-Match", ifNoneMatch);
            }
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
