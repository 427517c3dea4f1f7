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
 * Walking time per cell ({@code coverage_cells}) and boundary plans ({@code plan_communities})
 * over WMS, WFS and OGC API Features through the /ogc gateway on the demo town, read with GDAL and
 * compared with the runs and plans APIs. Two coverage runs (the second of another type) and two
 * plans of today's communities (the second with one cell moved into a new community) tell the
 * {@code run} and {@code plan} parameters and their defaults apart.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lifecircle.demo.autoload=none")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcCellAndPlanLayersIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SIZE = 600;

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
    long marketRun;
    long firstPlan;
    long editedPlan;
    long movedCell;
    int newKey;

    @BeforeAll
    void loadTownRunPlanAndPublish() {
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
        // The latest coverage run, but of markets only: kindergarten cells still default to the first.
        marketRun = runs.finishedRun("{\"kind\": \"coverage\", \"types\": [\"market\"]}");
        firstPlan = http.post("/api/plans", "{\"name\": \"OGC 方案一\"}")
                .body()
                .get("id")
                .asLong();
        editedPlan = http.post("/api/plans", "{\"name\": \"OGC 方案二\"}")
                .body()
                .get("id")
                .asLong();
        // A cell of a community within the bounds, so that its new one-cell community (under the
        // minimum) is drawn in another colour than where it came from.
        movedCell = jdbc.queryForObject("""
                SELECT c.cell_id FROM plan_cell c JOIN plan_community_shape s ON s.plan_id = c.plan_id
                  AND s.key = c.community_key JOIN boundary_plan b ON b.id = c.plan_id
                JOIN population_cell p ON p.id = c.cell_id
                WHERE c.plan_id = ? AND p.households > 0
                ORDER BY (s.households BETWEEN b.min_households AND b.max_households) DESC, c.cell_id LIMIT 1""", Long.class, editedPlan);
        HttpJson.Answer moved =
                http.post("/api/plans/" + editedPlan + "/moves", "{\"cells\": [" + movedCell + "], \"to\": null}");
        assertThat(moved.status()).as(String.valueOf(moved.body())).isEqualTo(200);
        newKey = jdbc.queryForObject(
                "SELECT community_key FROM plan_cell WHERE plan_id = ? AND cell_id = ?",
                Integer.class,
                editedPlan,
                movedCell);
    }

    @Test
    void ogrinfoListsBothLayersWithAsManyFeaturesAsTheDatabase() {
        String listing = Processes.run(List.of("ogrinfo", "-ro", "-q", "WFS:" + base + "/ogc?SERVICE=WFS"));
        for (String layer : List.of("coverage_cells", "plan_communities")) {
            assertThat(listing).containsPattern("\\d+: ms:" + layer + " \\(title: [^/]+ / [A-Z]");
        }
        Map<String, Long> expected = new HashMap<>();
        expected.put(
                "&type=kindergarten",
                count("SELECT COUNT(*) FROM coverage_cell WHERE type_code = 'kindergarten' AND run_id = "
                        + coverageRun));
        expected.put(
                "&type=market&run=" + marketRun,
                count("SELECT COUNT(*) FROM coverage_cell WHERE type_code = 'market' AND run_id = " + marketRun));
        for (var entry : expected.entrySet()) {
            assertThat(ogrinfoCount("coverage_cells", entry.getKey()))
                    .as(entry.getKey())
                    .isEqualTo(entry.getValue())
                    .isEqualTo(count("SELECT COUNT(*) FROM population_cell"));
        }
        for (long plan : List.of(firstPlan, editedPlan)) {
            long communities = count("SELECT COUNT(DISTINCT community_key) FROM plan_cell WHERE plan_id = " + plan);
            assertThat(ogrinfoCount("plan_communities", "&plan=" + plan))
                    .as("plan %d", plan)
                    .isEqualTo(communities);
        }
        assertThat(ogrinfoCount("plan_communities", ""))
                .as("the newest plan by default")
                .isEqualTo(count("SELECT COUNT(DISTINCT community_key) FROM plan_cell WHERE plan_id = " + editedPlan))
                .isEqualTo(ogrinfoCount("plan_communities", "&plan=" + firstPlan) + 1);
    }

    @Test
    void wfsCellsOfARunMatchTheRunsCellEndpoint() {
        Map<Long, JsonNode> api = new HashMap<>();
        for (JsonNode cell : http.get("/api/runs/" + coverageRun + "/coverage/cells?type=kindergarten")
                .body()
                .get("features")) {
            api.put(cell.get("id").asLong(), cell.get("properties"));
        }
        assertThat(api).isNotEmpty();
        for (String run : List.of("", "&run=0", "&run=" + coverageRun)) {
            JsonNode features = wfsGeoJson("coverage_cells", "&type=kindergarten" + run);
            assertThat(features.size()).as("run parameter '%s'", run).isEqualTo(api.size());
            for (JsonNode feature : features) {
                JsonNode p = feature.get("properties");
                JsonNode expected = api.get(p.get("cell_id").asLong());
                assertThat(expected).as("cell %s", p.get("cell_id")).isNotNull();
                assertThat(p.get("run_id").asLong()).isEqualTo(coverageRun);
                assertThat(p.get("type_code").asString()).isEqualTo("kindergarten");
                assertThat(p.get("covered").asInt())
                        .isEqualTo(expected.get("covered").asBoolean() ? 1 : 0);
                assertThat(p.get("threshold_m").asDouble()).isEqualTo(300.0);
                if (expected.get("distance_m").isNull()) {
                    assertThat(p.has("distance_m") && !p.get("distance_m").isNull())
                            .isFalse();
                } else {
                    assertThat(p.get("distance_m").asDouble())
                            .isCloseTo(expected.get("distance_m").asDouble(), within(1e-9));
                    assertThat(p.get("walk_minutes").asDouble())
                            .isCloseTo(expected.get("walk_minutes").asDouble(), within(1e-9));
                }
                assertThat(feature.at("/geometry/type").asString()).isEqualTo("Polygon");
            }
        }
        // The market run's cells only, and no kindergarten in it.
        JsonNode markets = wfsGeoJson("coverage_cells", "&type=market");
        assertThat(markets.size()).isEqualTo(api.size());
        for (JsonNode feature : markets) {
            assertThat(feature.at("/properties/run_id").asLong()).isEqualTo(marketRun);
        }
        assertThat(wfsGeoJson("coverage_cells", "&type=kindergarten&run=" + marketRun))
                .isEmpty();
    }

    @Test
    void wfsPlanCommunitiesMatchThePlansApi() {
        for (long plan : List.of(firstPlan, editedPlan)) {
            JsonNode described = http.get("/api/plans/" + plan).body();
            Map<Integer, JsonNode> byKey = new HashMap<>();
            for (JsonNode c : described.get("communities")) {
                if (c.get("cells").asInt() > 0) {
                    byKey.put(c.get("key").asInt(), c);
                }
            }
            JsonNode features = wfsGeoJson("plan_communities", plan == editedPlan ? "" : "&plan=" + plan);
            assertThat(features.size()).as("plan %d", plan).isEqualTo(byKey.size());
            for (JsonNode feature : features) {
                JsonNode p = feature.get("properties");
                assertThat(p.get("plan_id").asLong()).isEqualTo(plan);
                JsonNode expected = byKey.get(p.get("key").asInt());
                String what = "plan " + plan + " community " + p.get("key");
                assertThat(expected).as(what).isNotNull();
                assertThat(p.get("code").asString())
                        .as(what)
                        .isEqualTo(expected.get("code").asString());
                assertThat(p.get("name").asString())
                        .as(what)
                        .isEqualTo(expected.get("name").asString());
                assertThat(p.get("households").asLong())
                        .as(what)
                        .isEqualTo(expected.get("households").asLong());
                assertThat(p.get("cells").asInt())
                        .as(what)
                        .isEqualTo(expected.get("cells").asInt());
                assertThat(p.get("status").asString())
                        .as(what)
                        .isEqualTo(expected.get("status").asString());
                assertThat(p.get("deviation_percent").asDouble())
                        .as(what)
                        .isCloseTo(expected.get("deviationPercent").asDouble(), within(0.11));
                assertThat(p.get("polsby_popper").asDouble())
                        .as(what)
                        .isCloseTo(expected.get("polsbyPopper").asDouble(), within(0.005));
                assertThat(p.get("contiguous").asInt())
                        .as(what)
                        .isEqualTo(expected.get("contiguous").asBoolean() ? 1 : 0);
                assertThat(feature.at("/geometry/type").asString()).endsWith("Polygon");
            }
        }
        // The outlines the database keeps are the union of each community's cells after the edit.
        assertThat(count("""
                        SELECT COUNT(*) FROM plan_community_shape s
                        JOIN (SELECT c.community_key, ST_Union(p.geom) AS geom FROM plan_cell c
                              JOIN population_cell p ON p.id = c.cell_id WHERE c.plan_id = %d
                              GROUP BY c.community_key) u ON u.community_key = s.key
                        WHERE s.plan_id = %d AND ST_Area(ST_SymDifference(s.geom, u.geom)) < 1e-12""".formatted(editedPlan, editedPlan)))
                .isEqualTo(count("SELECT COUNT(DISTINCT community_key) FROM plan_cell WHERE plan_id = " + editedPlan));
        assertThat(count("SELECT COUNT(*) FROM plan_community_shape_stale")).isZero();
    }

    @Test
    void getMapDrawsEachCellInItsWalkingTimeColour() throws IOException {
        double[] e = OgcTestSupport.doubles(
                jdbc,
                "SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] FROM"
                        + " (SELECT ST_Extent(geom)::geometry e FROM result_cell WHERE run_id = ?) x",
                coverageRun);
        BufferedImage image = getMap("coverage_cells", e, "&type=kindergarten");
        List<OgcClass> classes = layer("coverage_cells").classes();
        List<Map<String, Object>> cells = jdbc.queryForList("""
                SELECT ST_X(ST_PointOnSurface(r.geom)) AS x, ST_Y(ST_PointOnSurface(r.geom)) AS y,
                       round((v.distance_m / 60 / (a.parameters ->> 'speedMetersPerSecond')::float8)::numeric, 1)
                           ::float8 AS minutes
                FROM coverage_cell v JOIN result_cell r ON r.run_id = v.run_id AND r.cell_id = v.cell_id
                JOIN analysis_run a ON a.id = v.run_id
                WHERE v.run_id = ? AND v.type_code = 'kindergarten'""", coverageRun);
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> cell : cells) {
            OgcClass expected = walkClass(classes, (Double) cell.get("minutes"));
            int rgb = pixel(image, e, (Double) cell.get("x"), (Double) cell.get("y"));
            assertThat(closeTo(rgb, blendOverWhite(expected.fillRgb(), expected.opacityPercent() / 100.0)))
                    .as(
                            "cell at %s,%s (%s min) in class %s is %06x",
                            cell.get("x"), cell.get("y"), cell.get("minutes"), expected.nameEn(), rgb)
                    .isTrue();
            seen.add(expected.fillRgb());
        }
        assertThat(seen).as("walking-time classes on the demo town").hasSizeGreaterThan(2);
    }

    @Test
    void getMapDrawsPlanCommunitiesInTheEditorsStatusColours() throws IOException {
        double[] e = OgcTestSupport.doubles(
                jdbc,
                "SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] FROM"
                        + " (SELECT ST_Extent(geom)::geometry e FROM plan_community_shape WHERE plan_id = ?) x",
                editedPlan);
        List<OgcClass> classes = layer("plan_communities").classes();
        for (long plan : List.of(firstPlan, editedPlan)) {
            Map<Integer, String> status = new HashMap<>();
            for (JsonNode c : http.get("/api/plans/" + plan).body().get("communities")) {
                status.put(c.get("key").asInt(), c.get("status").asString());
            }
            BufferedImage image = getMap("plan_communities", e, plan == editedPlan ? "" : "&plan=" + plan);
            Set<String> seen = new HashSet<>();
            for (Map<String, Object> c : jdbc.queryForList(
                    "SELECT key, ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y"
                            + " FROM plan_community_shape WHERE plan_id = ?",
                    plan)) {
                OgcClass expected = statusClass(classes, status.get((Integer) c.get("key")));
                int rgb = pixel(image, e, (Double) c.get("x"), (Double) c.get("y"));
                assertThat(closeTo(rgb, blendOverWhite(expected.fillRgb(), expected.opacityPercent() / 100.0)))
                        .as("plan %d community %s in class %s is %06x", plan, c.get("key"), expected.nameEn(), rgb)
                        .isTrue();
                seen.add(expected.fillRgb());
            }
            assertThat(seen).as("status colours of plan %d", plan).hasSizeGreaterThan(1);
        }
        // The moved cell: under the minimum alone in the edited plan, as it was in the first.
        double[] at = OgcTestSupport.doubles(
                jdbc,
                "SELECT ARRAY[ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom))] FROM population_cell"
                        + " WHERE id = ?",
                movedCell);
        int edited = pixel(getMap("plan_communities", e, ""), e, at[0], at[1]);
        assertThat(closeTo(edited, blendOverWhite(Palette.PLAN_UNDER, 0.55))).isTrue();
        assertThat(edited)
                .as("the first plan draws the cell in its community of today")
                .isNotEqualTo(pixel(getMap("plan_communities", e, "&plan=" + firstPlan), e, at[0], at[1]));
    }

    @Test
    void planMapsInCgcs2000GaussKrugerAndWebMercator() throws IOException {
        for (int srid : List.of(4549, 3857)) {
            double[] b = OgcTestSupport.doubles(
                    jdbc,
                    "SELECT ARRAY[ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)] FROM (SELECT ST_Transform("
                            + "ST_SetSRID(ST_Extent(geom)::geometry, 4326), ?) b FROM plan_community_shape"
                            + " WHERE plan_id = ?) x",
                    srid,
                    editedPlan);
            // CGCS2000 GK zones are northing first in WMS 1.3.
            String bbox = srid == 4549
                    ? b[1] + "," + b[0] + "," + b[3] + "," + b[2]
                    : b[0] + "," + b[1] + "," + b[2] + "," + b[3];
            HttpJson.Raw response = http.getRaw(
                    "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=plan_communities&STYLES=&CRS=EPSG:" + srid
                            + "&BBOX=" + bbox + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE");
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo("image/png");
            // Drawn over a transparent background: most of the plan's extent is drawn, none of it
            // where the axis order was taken the wrong way round.
            assertThat(drawnPixels(ImageIO.read(new ByteArrayInputStream(response.body()))))
                    .as("EPSG:%d", srid)
                    .isGreaterThan(256 * 256 / 2);
        }
        String gml = new String(
                http.getRaw("/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:plan_communities"
                                + "&SRSNAME=EPSG:4490&COUNT=1")
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(gml).contains("EPSG::4490").contains("<ms:plan_id>" + editedPlan + "</ms:plan_id>");
    }

    @Test
    void ogcApiFeaturesServesBothCollections() {
        JsonNode plan = http.get("/ogc/api/collections/plan_communities/items?f=json&limit=1000&plan=" + firstPlan)
                .body();
        assertThat(plan.get("features").size()).isEqualTo((int)
                count("SELECT COUNT(DISTINCT community_key) FROM plan_cell WHERE plan_id = " + firstPlan));
        assertThat(plan.at("/features/0/properties/plan_id").asLong()).isEqualTo(firstPlan);
        JsonNode cells = http.get("/ogc/api/collections/coverage_cells/items?f=json&limit=5&type=middle_school")
                .body();
        assertThat(cells.get("features").size()).isEqualTo(5);
        assertThat(cells.at("/features/0/properties/run_id").asLong()).isEqualTo(coverageRun);
        HttpJson.Raw refused = http.getRaw("/ogc/api/collections/plan_communities/items?f=json&plan=-1");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void owslibSeesBilingualTitlesAbstractsAndTheCrsOfBothLayers() {
        double[] e = OgcTestSupport.doubles(
                jdbc,
                "SELECT ARRAY[ST_X(p) - 0.001, ST_Y(p) - 0.001, ST_X(p) + 0.001, ST_Y(p) + 0.001] FROM"
                        + " (SELECT ST_PointOnSurface(geom) p FROM community WHERE valid_to IS NULL"
                        + " ORDER BY code LIMIT 1) x");
        String script =
                Path.of("src/test/resources/owslib_check.py").toAbsolutePath().toString();
        String output =
                Processes.run(List.of("/usr/bin/python3", script, base, e[0] + "," + e[1] + "," + e[2] + "," + e[3]));
        JsonNode result = JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        for (String name : List.of("coverage_cells", "plan_communities")) {
            OgcLayer expected = layer(name);
            assertThat(result.at("/wms_layer_titles/" + name).asString())
                    .isEqualTo(expected.titleZh() + " / " + expected.titleEn());
            assertThat(result.at("/wfs_type_titles/ms:" + name).asString())
                    .isEqualTo(expected.titleZh() + " / " + expected.titleEn());
            assertThat(result.at("/wms_layer_crs/" + name).toString())
                    .contains("EPSG:4326", "EPSG:3857", "EPSG:4490", "EPSG:4549");
        }
        assertThat(result.at("/wms_layer_abstracts/coverage_cells").asString())
                .contains("run=", "type=", "kindergarten");
        assertThat(result.at("/wms_layer_abstracts/plan_communities").asString())
                .contains("plan=", "1,000–5,000");
    }

    @Test
    void legendsArePngs() throws IOException {
        for (String layer : List.of("coverage_cells", "plan_communities")) {
            HttpJson.Raw legend = http.getRaw("/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=" + layer
                    + "&FORMAT=image/png&SLD_VERSION=1.1.0");
            assertThat(legend.status()).as(layer).isEqualTo(200);
            assertThat(legend.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(legend.body()));
            // One row per class.
            assertThat(image.getHeight())
                    .as(layer)
                    .isGreaterThan(12 * layer(layer).classes().size());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:plan_communities&plan=1;drop",
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:plan_communities&PLAN=1%3Bdrop%20table%20boundary_plan",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=plan_communities&STYLES=&CRS=EPSG:4326&BBOX=31,118,32,119&WIDTH=10&HEIGHT=10&FORMAT=image/png&plan=1%27",
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities&plan=0)",
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:coverage_cells&type=all",
                "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:coverage_cells&run=1;drop"
            })
    void badPlanRunAndTypeValuesAreOwsExceptions(String query) {
        long plans = count("SELECT COUNT(*) FROM boundary_plan");
        HttpJson.Raw response = http.getRaw("/ogc?" + query);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("xml");
        assertThat(body)
                .contains("ows:ExceptionReport", "exceptionCode=\"InvalidParameterValue\"")
                .containsPattern("locator=\"(plan|run|type)\"")
                .doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("postgres");
        assertThat(count("SELECT COUNT(*) FROM boundary_plan")).isEqualTo(plans);
    }

    private long ogrinfoCount(String layer, String parameters) {
        // GDAL keeps the connection string's extra parameters on every request it makes.
        return featureCount(Processes.run(
                List.of("ogrinfo", "-ro", "-so", "WFS:" + base + "/ogc?SERVICE=WFS" + parameters, "ms:" + layer)));
    }

    private BufferedImage getMap(String layer, double[] e, String parameters) throws IOException {
        HttpJson.Raw response = http.getRaw("/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layer
                + "&STYLES=&CRS=EPSG:4326&BBOX=" + e[1] + "," + e[0] + "," + e[3] + "," + e[2] + "&WIDTH=" + SIZE
                + "&HEIGHT=" + SIZE + "&FORMAT=image/png&TRANSPARENT=FALSE" + parameters);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("image/png");
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    /** The colour at a longitude and latitude of a map of the extent {@code e}. */
    private static int pixel(BufferedImage image, double[] e, double x, double y) {
        int column = (int) ((x - e[0]) / (e[2] - e[0]) * SIZE);
        int row = (int) ((e[3] - y) / (e[3] - e[1]) * SIZE);
        return image.getRGB(Math.min(column, SIZE - 1), Math.min(row, SIZE - 1)) & 0xffffff;
    }

    /** The class MapServer draws a cell in: the first whose expression holds. */
    private static OgcClass walkClass(List<OgcClass> classes, Double minutes) {
        Pattern atMost = Pattern.compile("\\(\\[walk_minutes] <= ([0-9.]+)\\)");
        for (OgcClass c : classes) {
            if (c.expression() == null) {
                return c;
            }
            if (c.expression().contains("[distance_m]")) {
                if (minutes == null) {
                    return c;
                }
                continue;
            }
            Matcher m = atMost.matcher(c.expression());
            assertThat(m.matches()).as(c.expression()).isTrue();
            if (minutes != null && minutes <= Double.parseDouble(m.group(1))) {
                return c;
            }
        }
        throw new AssertionError("no class for " + minutes);
    }

    private static OgcClass statusClass(List<OgcClass> classes, String status) {
        for (OgcClass c : classes) {
            if (c.expression() == null || c.expression().contains("\"" + status + "\"")) {
                return c;
            }
        }
        throw new AssertionError("no class for " + status);
    }

    private OgcLayer layer(String name) {
        return catalog.layers().stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private JsonNode wfsGeoJson(String layer, String extra) {
        HttpJson.Answer answer = http.get("/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:" + layer
                + "&OUTPUTFORMAT=application/json" + extra);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        return answer.body().get("features");
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static int drawnPixels(BufferedImage image) {
        int drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) != 0) {
                    drawn++;
                }
            }
        }
        return drawn;
    }
}
