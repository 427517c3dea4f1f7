package org.lifecircle.web.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifecircle.web.ogc.OgcTestSupport.blendOverWhite;
import static org.lifecircle.web.ogc.OgcTestSupport.closeTo;
import static org.lifecircle.web.ogc.OgcTestSupport.featureCount;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.TestDatabase;
import org.lifecircle.web.demo.DemoLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WMS, WFS and OGC API Features through the /ogc gateway, checked with the clients analysts use:
 * GDAL's ogrinfo, ogr2ogr and gdal_translate, and Python's OWSLib, against the demo town.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecircle.demo.autoload=none")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcServicesIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DemoLoader demoLoader;

    @Autowired
    MapfilePublisher publisher;

    @Autowired
    LayerCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;

    String base;

    @BeforeAll
    void loadTownAndPublish() {
        TestDatabase.requireThrowawayDatabase();
        assertThat(System.getenv("LIFECIRCLE_OGC_MAPSERVERURL"))
                .as("scripts/test.sh starts MapServer and names it in LIFECIRCLE_OGC_MAPSERVERURL")
                .isNotBlank();
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        publisher.publish();
        base = "http://127.0.0.1:" + port;
    }

    @Test
    void ogrinfoListsEveryCatalogLayerOverWfs() {
        String output = Processes.run(List.of("ogrinfo", "-ro", "-q", "WFS:" + base + "/ogc?SERVICE=WFS"));
        List<String> listed = new ArrayList<>();
        Matcher m =
                Pattern.compile("^\\d+: ms:([a-z0-9_]+) ", Pattern.MULTILINE).matcher(output);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(
                        catalog.layers().stream().map(OgcLayer::name).toList());
        assertThat(output).contains("社区 / Communities");
    }

    @Test
    void ogr2ogrCopiesCommunitiesWithTheirHouseholdTotals() {
        Path gpkg = temp.resolve("communities.gpkg");
        Processes.run(List.of(
                "ogr2ogr",
                "-f",
                "GPKG",
                gpkg.toString(),
                "WFS:" + base + "/ogc?SERVICE=WFS",
                "ms:communities",
                "-nln",
                "communities"));
        String output = Processes.run(List.of(
                "ogrinfo",
                "-ro",
                "-q",
                gpkg.toString(),
                "-sql",
                "SELECT COUNT(*) AS n, SUM(households) AS h FROM communities"));
        long communities = jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE valid_to IS NULL", Long.class);
        long households = jdbc.queryForObject("SELECT SUM(households) FROM population_cell", Long.class);
        assertThat(output).containsPattern("n \\(Integer\\) = " + communities + "\\b");
        assertThat(output).containsPattern("h \\([A-Za-z0-9]+\\) = " + households + "\\b");
        String names =
                Processes.run(List.of("ogrinfo", "-ro", "-q", gpkg.toString(), "-sql", "SELECT name FROM communities"));
        assertThat(names).contains("社区");
    }

    @Test
    void spatialAndAttributeFiltersReturnTheRightFacilities() {
        double[] box = doubles("SELECT ARRAY[ST_X(c) - 0.008, ST_Y(c) - 0.008, ST_X(c) + 0.008, ST_Y(c) + 0.008]"
                + " FROM (SELECT ST_Centroid(ST_Extent(geom)::geometry) c FROM facility) x");
        long inBox = jdbc.queryForObject(
                "SELECT COUNT(*) FROM facility WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)",
                Long.class,
                box[0],
                box[1],
                box[2],
                box[3]);
        String spatial = Processes.run(List.of(
                "ogrinfo",
                "-ro",
                "-so",
                "WFS:" + base + "/ogc?SERVICE=WFS",
                "ms:facilities",
                "-spat",
                Double.toString(box[0]),
                Double.toString(box[1]),
                Double.toString(box[2]),
                Double.toString(box[3])));
        assertThat(featureCount(spatial)).isEqualTo(inBox).isPositive();

        long kindergartens =
                jdbc.queryForObject("SELECT COUNT(*) FROM facility WHERE type_code = 'kindergarten'", Long.class);
        String attribute = Processes.run(List.of(
                "ogrinfo",
                "-ro",
                "-so",
                "WFS:" + base + "/ogc?SERVICE=WFS",
                "ms:facilities",
                "-where",
                "type_code = 'kindergarten'"));
        assertThat(featureCount(attribute)).isEqualTo(kindergartens).isPositive();
    }

    @Test
    void gdalTranslateFetchesMapsInWebMercatorAndCgcs2000() throws IOException {
        double[] e = extent();
        // Web Mercator metres of the town's corners, from PostGIS itself.
        double[] m = doubles(
                "SELECT ARRAY[ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)] FROM"
                        + " (SELECT ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 4326), 3857) b) x",
                e[0],
                e[1],
                e[2],
                e[3]);
        assertThat(colouredPixels(gdalTranslate("EPSG:3857", m[0] + "," + m[1] + "," + m[2] + "," + m[3])))
                .isGreaterThan(400 * 400 / 10);
        // EPSG:4490 is latitude-first in WMS 1.3.
        assertThat(colouredPixels(gdalTranslate("EPSG:4490", e[1] + "," + e[0] + "," + e[3] + "," + e[2])))
                .isGreaterThan(400 * 400 / 10);
    }

    /** A 400×400 PNG of the communities layer fetched by GDAL's WMS driver. */
    private Path gdalTranslate(String crs, String bbox) {
        Path png = temp.resolve("town-" + crs.replace(':', '-') + ".png");
        Processes.run(List.of(
                "gdal_translate",
                "-q",
                "-of",
                "PNG",
                "-outsize",
                "400",
                "400",
                "WMS:" + base + "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communities&CRS=" + crs + "&BBOX="
                        + bbox + "&FORMAT=image/png",
                png.toString()));
        return png;
    }

    @Test
    void owslibReadsCapabilitiesMapsFeatureInfoAndOgcApiItems() {
        // A small box centred on one community, so the feature-info pixel in the middle hits it.
        double[] e = doubles("SELECT ARRAY[ST_X(p) - 0.001, ST_Y(p) - 0.001, ST_X(p) + 0.001, ST_Y(p) + 0.001] FROM"
                + " (SELECT ST_PointOnSurface(geom) p FROM community WHERE valid_to IS NULL"
                + " ORDER BY code LIMIT 1) x");
        String script =
                Path.of("src/test/resources/owslib_check.py").toAbsolutePath().toString();
        String output =
                Processes.run(List.of("/usr/bin/python3", script, base, e[0] + "," + e[1] + "," + e[2] + "," + e[3]));
        JsonNode result = JsonMapper.builder()
                .build()
                .readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        assertThat(result.get("wms_title").asString()).contains("lifecircle");
        assertThat(result.get("wms_layers").toString())
                .contains("communities", "service_areas", "facilities_kindergarten");
        assertThat(result.get("wms_crs").toString()).contains("EPSG:3857", "EPSG:4490", "EPSG:4549");
        assertThat(result.get("getmap_png").asBoolean()).isTrue();
        assertThat(result.get("feature_info_names").size()).as(output).isEqualTo(1);
        assertThat(result.get("feature_info_names").get(0).asString()).endsWith("社区");
        assertThat(result.get("wfs_types").toString()).contains("ms:communities");
        assertThat(result.get("api_items").asInt()).isEqualTo(5);
        assertThat(result.get("api_item_name").asString()).isNotBlank();
    }

    @Test
    void getMapShowsTheHouseholdColoursAtKnownPixels() throws IOException {
        double[] e = extent();
        int size = 600;
        byte[] png = get("/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communities&STYLES=&CRS=EPSG:4326"
                        + "&BBOX=" + e[1] + "," + e[0] + "," + e[3] + "," + e[2] + "&WIDTH=" + size + "&HEIGHT=" + size
                        + "&FORMAT=image/png&TRANSPARENT=FALSE")
                .body();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Map<String, String> expected = Map.of("under", Palette.HOUSEHOLDS_UNDER, "over", Palette.HOUSEHOLDS_OVER);
        for (var entry : expected.entrySet()) {
            String sign = entry.getKey().equals("under") ? "<" : ">";
            double[] point = doubles("""
                    SELECT ARRAY[ST_X(p), ST_Y(p)] FROM (
                      SELECT ST_PointOnSurface(c.geom) p, (SELECT COALESCE(SUM(households), 0) FROM population_cell
                          WHERE ST_Intersects(c.geom, centroid)) h
                      FROM community c WHERE c.valid_to IS NULL) x
                    WHERE h %s ? LIMIT 1""".formatted(sign), entry.getKey().equals("under") ? 1000 : 5000);
            int x = (int) ((point[0] - e[0]) / (e[2] - e[0]) * size);
            int y = (int) ((e[3] - point[1]) / (e[3] - e[1]) * size);
            int rgb = image.getRGB(x, y) & 0xffffff;
            assertThat(closeTo(rgb, blendOverWhite(entry.getValue(), 0.8)))
                    .as("%s community at pixel %d,%d is %06x", entry.getKey(), x, y, rgb)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/ogc?REQUEST=GetCapabilities",
                "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=nosuchlayer&STYLES=&CRS=EPSG:4326&BBOX=31,118,32,119&WIDTH=10&HEIGHT=10&FORMAT=image/png",
                "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communities&STYLES=&CRS=EPSG:4326&BBOX=31,118,oops&WIDTH=10&HEIGHT=10&FORMAT=image/png",
                "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communities&STYLES=&CRS=EPSG:4326&BBOX=31,118,32,119&WIDTH=100000&HEIGHT=100000&FORMAT=image/png",
                "/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:nosuch"
            })
    void badRequestsGetAnOwsExceptionNeverHtmlOrA500(String pathAndQuery) {
        HttpResponse<byte[]> response = get(pathAndQuery);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isLessThan(500);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("xml");
        assertThat(body)
                .containsIgnoringCase("Exception")
                .doesNotContain("<HTML>")
                .doesNotContain("<html");
        assertThat(body).doesNotContain("MapServer version").doesNotContain("at org.");
    }

    @Test
    void runParameterTakesOnlyDigits() {
        long facilities = jdbc.queryForObject("SELECT COUNT(*) FROM facility", Long.class);
        HttpResponse<byte[]> response =
                get("/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:service_areas"
                        + "&run=0%29%3BDELETE%20FROM%20facility%3B--");
        // Refused by the gateway: MapServer itself would quietly fall back to the default run.
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("locator=\"run\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM facility", Long.class))
                .isEqualTo(facilities);
    }

    @Test
    void capabilitiesNameThePublicUrlNotTheMarker() {
        String caps = new String(get("/ogc?SERVICE=WFS&REQUEST=GetCapabilities").body(), StandardCharsets.UTF_8);
        assertThat(caps).contains(base + "/ogc?").doesNotContain("lifecircle.invalid");
    }

    @Test
    void legendGraphicIsAnImage() {
        HttpResponse<byte[]> response = get("/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=communities"
                + "&FORMAT=image/png&SLD_VERSION=1.1.0");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    }

    @Test
    void largeGetMapStreamsThroughWithMapServersTypeLengthAndBytes() {
        double[] e = extent();
        String query = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communities,road_edges,facilities&STYLES="
                + "&CRS=EPSG:4326&BBOX=" + e[1] + "," + e[0] + "," + e[3] + "," + e[2]
                + "&WIDTH=2048&HEIGHT=2048&FORMAT=image/png";
        HttpResponse<byte[]> gateway = get("/ogc?" + query);
        HttpResponse<byte[]> direct = send(URI.create(mapserverUrl() + "?map=lifecircle&" + query), null);
        assertThat(gateway.statusCode()).isEqualTo(200);
        assertThat(gateway.headers().firstValue("Content-Type"))
                .hasValue("image/png")
                .isEqualTo(direct.headers().firstValue("Content-Type"));
        assertThat(gateway.headers().firstValue("Content-Length"))
                .isPresent()
                .isEqualTo(direct.headers().firstValue("Content-Length"));
        // Far larger than the 8 KiB buffers on the way, so the image crosses the gateway in many pieces.
        assertThat(gateway.body().length).isGreaterThan(256 * 1024);
        assertThat(gateway.body()).isEqualTo(direct.body());
    }

    @Test
    void formPostIsForwardedAndItsSubstitutionsAreGuarded() {
        String getFeature =
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:facilities&COUNT=5&OUTPUTFORMAT=application/json";
        HttpResponse<byte[]> posted = send(URI.create(base + "/ogc"), getFeature);
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(new String(posted.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(get("/ogc?" + getFeature).body(), StandardCharsets.UTF_8));

        HttpResponse<byte[]> refused = send(
                URI.create(base + "/ogc"),
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:service_areas&run=x1");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("locator=\"run\"");
    }

    @Test
    void ogcApiAnswersJsonToAClientThatSendsNoAccept() {
        HttpResponse<byte[]> response = get("/ogc/api/collections/communities/items?limit=2");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("\"FeatureCollection\"")
                .doesNotContain("lifecircle.invalid");
    }

    private static String mapserverUrl() {
        return System.getenv("LIFECIRCLE_OGC_MAPSERVERURL");
    }

    private double[] extent() {
        return doubles("SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] FROM"
                + " (SELECT ST_Extent(geom)::geometry e FROM community WHERE valid_to IS NULL) x");
    }

    /** The first row's first column, a PostgreSQL {@code float8[]}, as a Java array. */
    private double[] doubles(String sql, Object... args) {
        return jdbc.queryForObject(
                sql,
                (rs, i) -> {
                    Double[] values = (Double[]) rs.getArray(1).getArray();
                    double[] out = new double[values.length];
                    for (int k = 0; k < values.length; k++) {
                        out[k] = values[k];
                    }
                    return out;
                },
                args);
    }

    private HttpResponse<byte[]> get(String pathAndQuery) {
        return send(URI.create(base + pathAndQuery), null);
    }

    /** A GET, or a form POST of {@code form} when it is not null. */
    private static HttpResponse<byte[]> send(URI uri, String form) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).header("Authorization", org.lifecircle.web.TestAccounts.adminBasic());
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long colouredPixels(Path png) throws IOException {
        BufferedImage image = ImageIO.read(Files.newInputStream(png));
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) > 0 && (argb & 0xffffff) != 0xffffff) {
                    coloured++;
                }
            }
        }
        return coloured;
    }
}
