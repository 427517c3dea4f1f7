package org.lifecircle.web.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lifecircle.web.ogc.OgcTestSupport.blendOverWhite;
import static org.lifecircle.web.ogc.OgcTestSupport.closeTo;
import static org.lifecircle.web.ogc.OgcTestSupport.featureCount;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.RunsClient;
import org.lifecircle.web.TestDatabase;
import org.lifecircle.web.demo.DemoLoader;
import org.lifecircle.web.ogc.OgcLayer.OgcClass;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis-result layers (coverage by community, gaps, suggested sites, community centres,
 * accessibility) over WMS and WFS through the /ogc gateway, on runs started through the runs API on
 * the demo town, read with GDAL and OWSLib and compared with the runs' own JSON endpoints.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecircle.demo.autoload=none")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcResultLayersIT {
    private static final List<String> RESULT_LAYERS = List.of(
            "coverage_communities", "coverage_gaps", "site_suggestions", "community_centres", "accessibility_cells");
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    HttpJson http;
    String base;
    long coverageRun;
    long sitingRun;
    long centresRun;
    long accessibilityRun;

    @BeforeAll
    void loadTownRunAndPublish() {
        TestDatabase.requireThrowawayDatabase();
        assertThat(System.getenv("LIFECIRCLE_OGC_MAPSERVERURL"))
                .as("scripts/test.sh starts MapServer and names it in LIFECIRCLE_OGC_MAPSERVERURL")
                .isNotBlank();
        demoLoader.load(DemoCitySize.TOWN, 42, true, ProgressListener.NONE);
        publisher.publish();
        base = "http://127.0.0.1:" + port;
        http = new HttpJson(port);
        RunsClient runs = new RunsClient(http);
        coverageRun = runs.finishedRun("{\"kind\": \"coverage\", \"types\": [\"kindergarten\", \"middle_school\"]}");
        sitingRun = runs.finishedRun("{\"kind\": \"siting\", \"type\": \"kindergarten\", \"sites\": 3}");
        centresRun = runs.finishedRun("{\"kind\": \"community-centres\"}");
        accessibilityRun = runs.finishedRun("{\"kind\": \"accessibility\", \"type\": \"community_health_station\"}");
    }

    @Test
    void wfsCoverageOfEveryCurrentCommunityEqualsTheRunsTable() {
        JsonNode table =
                http.get("/api/runs/" + coverageRun + "/coverage/communities").body();
        Map<String, JsonNode> byCode = new HashMap<>();
        for (JsonNode row : table.get("communities")) {
            byCode.put(row.get("code").asString(), row.at("/coverage/kindergarten"));
        }
        long current = jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE valid_to IS NULL", Long.class);
        for (String run : List.of("&run=" + coverageRun, "", "&run=0")) {
            JsonNode features = wfsGeoJson("coverage_communities", "&type=kindergarten" + run);
            assertThat(features.size()).as("run parameter '%s'", run).isEqualTo((int) current);
            Set<String> codes = new HashSet<>();
            for (JsonNode feature : features) {
                JsonNode p = feature.get("properties");
                String code = p.get("code").asString();
                assertThat(codes.add(code)).as("one feature per community").isTrue();
                JsonNode expected = byCode.get(code);
                assertThat(expected).as(code).isNotNull();
                assertThat(p.get("run_id").asLong()).isEqualTo(coverageRun);
                assertThat(p.get("type_code").asString()).isEqualTo("kindergarten");
                assertThat(p.get("covered_percent").asDouble())
                        .as(code)
                        .isCloseTo(expected.get("coveredPercent").asDouble(), within(1e-9));
                assertThat(p.get("covered_households").asLong())
                        .isEqualTo(expected.get("coveredHouseholds").asLong());
                assertThat(p.get("meets_standard").asInt())
                        .isEqualTo(p.get("covered_percent").asDouble() >= 90 ? 1 : 0);
                assertThat(feature.at("/geometry/type").asString()).endsWith("Polygon");
            }
        }
        // GML, the WFS default, matches as many.
        String gml = text("/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:coverage_communities"
                + "&type=middle_school&RESULTTYPE=hits");
        assertThat(gml).contains("numberMatched=\"" + current + "\"");
    }

    @Test
    void ogrinfoListsTheResultLayersAndCountsTheirFeatures() {
        String listing = Processes.run(List.of("ogrinfo", "-ro", "-q", "WFS:" + base + "/ogc?SERVICE=WFS"));
        for (String layer : RESULT_LAYERS) {
            assertThat(listing).containsPattern("\\d+: ms:" + layer + " \\(title: [^/]+ / [A-Z]");
        }
        Map<String, Long> expected = new HashMap<>();
        expected.put(
                "coverage_communities",
                count("SELECT COUNT(*) FROM coverage_community v JOIN community c ON c.id = v.community_id"
                        + " WHERE c.valid_to IS NULL AND v.type_code = 'middle_school' AND v.run_id = " + coverageRun));
        expected.put(
                "coverage_gaps",
                count("SELECT COUNT(*) FROM coverage_gap WHERE type_code = 'middle_school' AND run_id = "
                        + coverageRun));
        expected.put("site_suggestions", 3L);
        expected.put(
                "community_centres",
                count("SELECT COUNT(*) FROM community_centre WHERE geom IS NOT NULL AND run_id = " + centresRun));
        expected.put(
                "accessibility_cells",
                count("SELECT COUNT(*) FROM accessibility_cell WHERE run_id = " + accessibilityRun));
        for (String layer : RESULT_LAYERS) {
            // GDAL keeps the connection string's extra parameters on every request it makes.
            String type = layer.equals("site_suggestions") ? "kindergarten" : "middle_school";
            String summary = Processes.run(
                    List.of("ogrinfo", "-ro", "-so", "WFS:" + base + "/ogc?SERVICE=WFS&type=" + type, "ms:" + layer));
            assertThat(featureCount(summary)).as(layer).isEqualTo(expected.get(layer));
            assertThat(expected.get(layer)).as(layer).isPositive();
        }
        String gaps = Processes.run(List.of(
                "ogrinfo",
                "-ro",
                "-q",
                "WFS:" + base + "/ogc?SERVICE=WFS&type=all&run=" + coverageRun,
                "ms:coverage_gaps",
                "-sql",
                "SELECT SUM(households) AS h FROM coverage_gaps"));
        assertThat(gaps)
                .containsPattern("h \\([A-Za-z0-9]+\\) = "
                        + count("SELECT SUM(households) FROM coverage_gap WHERE run_id = " + coverageRun) + "\\b");
    }

    @Test
    void choroplethGetMapDrawsEachCommunityInItsClassColour() throws IOException {
        double[] e = doubles("SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] FROM"
                + " (SELECT ST_Extent(geom)::geometry e FROM community WHERE valid_to IS NULL) x");
        int size = 600;
        HttpJson.Raw response = http.getRaw("/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=coverage_communities"
                + "&STYLES=&CRS=EPSG:4326&BBOX=" + e[1] + "," + e[0] + "," + e[3] + "," + e[2] + "&WIDTH=" + size
                + "&HEIGHT=" + size + "&FORMAT=image/png&TRANSPARENT=FALSE&type=middle_school&run=" + coverageRun);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        List<OgcClass> classes = layer("coverage_communities").classes();
        Set<Integer> seen = new HashSet<>();
        List<Map<String, Object>> communities = jdbc.queryForList("""
                SELECT ST_X(ST_PointOnSurface(c.geom)) AS x, ST_Y(ST_PointOnSurface(c.geom)) AS y, v.households,
                       v.covered_percent
                FROM coverage_community v JOIN community c ON c.id = v.community_id
                WHERE c.valid_to IS NULL AND v.type_code = 'middle_school' AND v.run_id = ?""", coverageRun);
        for (Map<String, Object> c : communities) {
            int x = (int) (((Double) c.get("x") - e[0]) / (e[2] - e[0]) * size);
            int y = (int) ((e[3] - (Double) c.get("y")) / (e[3] - e[1]) * size);
            OgcClass expected = classOf(
                    classes,
                    ((Number) c.get("households")).longValue(),
                    ((Number) c.get("covered_percent")).doubleValue());
            int rgb = image.getRGB(Math.min(x, size - 1), Math.min(y, size - 1)) & 0xffffff;
            assertThat(closeTo(rgb, blendOverWhite(expected.fillRgb(), expected.opacityPercent() / 100.0)))
                    .as("community at %d,%d in class %s is %06x", x, y, expected.nameEn(), rgb)
                    .isTrue();
            seen.add(rgb);
        }
        assertThat(seen)
                .as("distinct class colours of middle schools on the demo town")
                .hasSizeGreaterThan(1);
        // Web Mercator too.
        double[] m = doubles(
                "SELECT ARRAY[ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)] FROM"
                        + " (SELECT ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 4326), 3857) b) x",
                e[0],
                e[1],
                e[2],
                e[3]);
        HttpJson.Raw mercator = http.getRaw("/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=coverage_communities"
                + "&STYLES=&CRS=EPSG:3857&BBOX=" + m[0] + "," + m[1] + "," + m[2] + "," + m[3]
                + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=FALSE&type=middle_school");
        assertThat(distinctOpaqueColours(ImageIO.read(new ByteArrayInputStream(mercator.body()))))
                .isGreaterThan(2);
    }

    @Test
    void featureInfoAndLegendOfTheChoropleth() {
        double[] p = doubles("""
                SELECT ARRAY[ST_X(p) - 0.001, ST_Y(p) - 0.001, ST_X(p) + 0.001, ST_Y(p) + 0.001] FROM
                  (SELECT ST_PointOnSurface(geom) p FROM community WHERE valid_to IS NULL ORDER BY code LIMIT 1) x""");
        JsonNode info = http.get("/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=coverage_communities"
                        + "&QUERY_LAYERS=coverage_communities&STYLES=&CRS=EPSG:4326&BBOX=" + p[1] + "," + p[0] + ","
                        + p[3] + "," + p[2] + "&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=application/json"
                        + "&type=kindergarten")
                .body();
        assertThat(info.get("features").size()).isEqualTo(1);
        String code = jdbc.queryForObject(
                "SELECT code FROM community WHERE valid_to IS NULL ORDER BY code LIMIT 1", String.class);
        assertThat(info.at("/features/0/properties/code").asString()).isEqualTo(code);
        assertThat(info.at("/features/0/properties/covered_percent").isNumber()).isTrue();

        HttpJson.Raw legend = http.getRaw("/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic"
                + "&LAYER=coverage_communities&FORMAT=image/png&SLD_VERSION=1.1.0");
        assertThat(legend.status()).isEqualTo(200);
        assertThat(legend.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    }

    @Test
    void sitesAndCentresOverWfsMatchTheirEndpoints() {
        List<Integer> apiOrder = new ArrayList<>();
        for (JsonNode site :
                http.get("/api/runs/" + sitingRun + "/sites").body().get("features")) {
            apiOrder.add(site.at("/properties/build_order").asInt());
        }
        List<Integer> wfsOrder = new ArrayList<>();
        for (JsonNode site : wfsGeoJson("site_suggestions", "&run=" + sitingRun)) {
            wfsOrder.add(site.at("/properties/build_order").asInt());
            assertThat(site.at("/geometry/type").asString()).isEqualTo("Point");
        }
        assertThat(wfsOrder).containsExactlyInAnyOrderElementsOf(apiOrder).hasSize(3);
        // Another type's latest siting run: there is none.
        assertThat(wfsGeoJson("site_suggestions", "&type=market")).isEmpty();

        int centres = http.get("/api/runs/" + centresRun + "/community-centres")
                .body()
                .get("features")
                .size();
        assertThat(wfsGeoJson("community_centres", "")).hasSize(centres);
        // A run of another kind has no centres.
        assertThat(wfsGeoJson("community_centres", "&run=" + sitingRun)).isEmpty();
    }

    @Test
    void accessibilityScoresAreRelativeToTheRunsHouseholdWeightedMean() {
        double mean = jdbc.queryForObject("""
                SELECT SUM(a.score * r.households) / SUM(r.households) FROM accessibility_cell a
                JOIN result_cell r ON r.run_id = a.run_id AND r.cell_id = a.cell_id WHERE a.run_id = ?""", Double.class, accessibilityRun);
        JsonNode cells = wfsGeoJson("accessibility_cells", "");
        assertThat(cells.size()).isPositive();
        for (JsonNode cell : cells) {
            JsonNode p = cell.get("properties");
            assertThat(p.get("score_ratio").asDouble()).isCloseTo(p.get("score").asDouble() / mean, within(0.001));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:coverage_communities&type=kindergarten%27%20OR%20%271%27%3D%271",
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:coverage_communities&TYPE=Kindergarten",
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:coverage_communities&type=no_such_type",
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:coverage_communities&type=all",
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:coverage_gaps&type=market;DROP%20TABLE%20facility",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=coverage_communities&STYLES=&CRS=EPSG:4326&BBOX=31,118,32,119&WIDTH=10&HEIGHT=10&FORMAT=image/png&type=kindergarten%27--",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=site_suggestions&STYLES=&CRS=EPSG:4326&BBOX=31,118,32,119&WIDTH=10&HEIGHT=10&FORMAT=image/png&run=1)"
            })
    void badSubstitutionValuesAreRefusedAsOwsExceptions(String query) {
        long facilities = count("SELECT COUNT(*) FROM facility");
        HttpJson.Raw response = http.getRaw("/ogc?" + query);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("xml");
        assertThat(body)
                .contains("ows:ExceptionReport", "exceptionCode=\"InvalidParameterValue\"")
                .containsPattern("locator=\"(type|run)\"")
                .doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("postgres")
                .doesNotContain("msPostGIS");
        assertThat(count("SELECT COUNT(*) FROM facility")).isEqualTo(facilities);
    }

    @Test
    void ogcApiFeaturesRefusesABadTypeAsJson() {
        HttpJson.Raw response = http.getRaw("/ogc/api/collections/coverage_communities/items?f=json&type=bad%27");
        assertThat(response.status()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asString()).isEqualTo("InvalidParameterValue");
        JsonNode items = http.get("/ogc/api/collections/coverage_communities/items?f=json&limit=100&type=middle_school")
                .body();
        assertThat(items.get("features").size())
                .isEqualTo((int) count("SELECT COUNT(*) FROM community WHERE valid_to IS NULL"));
        assertThat(items.at("/features/0/properties/type_code").asString()).isEqualTo("middle_school");
    }

    @Test
    void owslibSeesBilingualTitlesAndTheCrsOfEveryResultLayer() {
        double[] e = doubles("SELECT ARRAY[ST_X(p) - 0.001, ST_Y(p) - 0.001, ST_X(p) + 0.001, ST_Y(p) + 0.001] FROM"
                + " (SELECT ST_PointOnSurface(geom) p FROM community WHERE valid_to IS NULL"
                + " ORDER BY code LIMIT 1) x");
        String script =
                Path.of("src/test/resources/owslib_check.py").toAbsolutePath().toString();
        String output =
                Processes.run(List.of("/usr/bin/python3", script, base, e[0] + "," + e[1] + "," + e[2] + "," + e[3]));
        JsonNode result = JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        for (String layer : RESULT_LAYERS) {
            OgcLayer expected = layer(layer);
            assertThat(result.at("/wms_layer_titles/" + layer).asString())
                    .isEqualTo(expected.titleZh() + " / " + expected.titleEn());
            assertThat(result.at("/wms_layer_abstracts/" + layer).asString()).contains("run=");
            assertThat(result.at("/wms_layer_crs/" + layer).toString()).contains("EPSG:4326", "EPSG:3857", "EPSG:4490");
            assertThat(result.at("/wfs_type_titles/ms:" + layer).asString())
                    .isEqualTo(expected.titleZh() + " / " + expected.titleEn());
        }
        assertThat(result.at("/wms_layer_abstracts/coverage_communities").asString())
                .contains("type=", "90%", StandardsCatalog.COVERAGE_MIN_PERCENT);
    }

    private OgcLayer layer(String name) {
        return catalog.layers().stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The class MapServer draws a community in: the first whose expression holds. */
    private static OgcClass classOf(List<OgcClass> classes, long households, double coveredPercent) {
        Pattern lessThan = Pattern.compile("\\(\\[covered_percent] < ([0-9.]+)\\)");
        for (OgcClass c : classes) {
            if (c.expression() == null) {
                return c;
            }
            if (c.expression().equals("([households] = 0)")) {
                if (households == 0) {
                    return c;
                }
                continue;
            }
            Matcher m = lessThan.matcher(c.expression());
            assertThat(m.matches()).as(c.expression()).isTrue();
            if (Math.round(coveredPercent * 100) / 100.0 < Double.parseDouble(m.group(1))) {
                return c;
            }
        }
        throw new AssertionError("no class for " + coveredPercent);
    }

    private JsonNode wfsGeoJson(String layer, String extra) {
        HttpJson.Answer answer = http.get("/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:" + layer
                + "&OUTPUTFORMAT=application/json" + extra);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        return answer.body().get("features");
    }

    private String text(String pathAndQuery) {
        return new String(http.getRaw(pathAndQuery).body(), StandardCharsets.UTF_8);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private double[] doubles(String sql, Object... args) {
        return OgcTestSupport.doubles(jdbc, sql, args);
    }

    private static int distinctOpaqueColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) == 0xff) {
                    colours.add(argb & 0xffffff);
                }
            }
        }
        return colours.size();
    }
}
