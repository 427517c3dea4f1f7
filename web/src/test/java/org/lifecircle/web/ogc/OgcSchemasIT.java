package org.lifecircle.web.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TownIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The OGC documents of {@code /ogc} validate on a machine without internet: capabilities, feature
 * types and GML 3.2 features name the service's own copies of the OGC schemas, which are public,
 * cached and complete (every import resolves to the service), checked with the JDK's validator
 * refusing any other host and with libxml2's xmllint.
 */
class OgcSchemasIT extends TownIntegrationTest {
    private static final String WMS_CAPABILITIES = "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities";
    private static final String WFS_CAPABILITIES = "/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities";
    private static final String DESCRIBE_COMMUNITIES =
            "/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=ms:communities";
    private static final String GML32 = URLEncoder.encode("application/gml+xml; version=3.2", StandardCharsets.UTF_8);
    private static final String COMMUNITIES_GML32 =
            "/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:communities&OUTPUTFORMAT=" + GML32;

    @Autowired
    MapfilePublisher publisher;

    @TempDir
    Path temp;

    private String base;
    private String schemas;

    @BeforeAll
    void publish() {
        assertThat(System.getenv("LIFECIRCLE_OGC_MAPSERVERURL"))
                .as("scripts/test.sh starts MapServer and names it in LIFECIRCLE_OGC_MAPSERVERURL")
                .isNotBlank();
        publisher.publish();
        base = "http://127.0.0.1:" + port;
        schemas = base + SchemaController.PATH + "/";
    }

    @Test
    void wmsCapabilitiesValidateAgainstTheLocalWmsAndSldSchemas() {
        byte[] capabilities = document(WMS_CAPABILITIES);
        assertThat(ServiceOnlySchemaValidator.schemaLocations(capabilities))
                .containsEntry("http://www.opengis.net/wms", schemas + "wms/1.3.0/capabilities_1_3_0.xsd")
                .containsEntry("http://www.opengis.net/sld", schemas + "sld/1.1.0/sld_capabilities.xsd");
        ServiceOnlySchemaValidator validator = new ServiceOnlySchemaValidator(base);
        assertThat(validator.validate(capabilities, base + WMS_CAPABILITIES)).isEmpty();
        assertThat(validator.refused()).isEmpty();
        assertThat(validator.fetched())
                .containsKeys(
                        schemas + "wms/1.3.0/capabilities_1_3_0.xsd",
                        schemas + "sld/1.1.0/sld_capabilities.xsd",
                        schemas + "w3c/1999/xlink.xsd");
    }

    @Test
    void wfsCapabilitiesValidateAgainstTheLocalWfsSchemaWithTheJdkAndWithXmllint() throws IOException {
        byte[] capabilities = document(WFS_CAPABILITIES);
        Map<String, String> locations = ServiceOnlySchemaValidator.schemaLocations(capabilities);
        assertThat(locations).containsExactly(Map.entry("http://www.opengis.net/wfs/2.0", schemas + "wfs/2.0/wfs.xsd"));
        ServiceOnlySchemaValidator validator = new ServiceOnlySchemaValidator(base);
        assertThat(validator.validate(capabilities, base + WFS_CAPABILITIES)).isEmpty();
        assertThat(validator.refused()).isEmpty();
        assertThat(validator.fetched())
                .containsKeys(schemas + "ows/1.1.0/owsAll.xsd", schemas + "filter/2.0/filterAll.xsd");

        // libxml2 follows the same relative imports over HTTP: nothing leaves the machine.
        Path file = temp.resolve("wfs-capabilities.xml");
        Files.write(file, capabilities);
        String output = Processes.run(List.of(
                "xmllint", "--noout", "--schema", locations.get("http://www.opengis.net/wfs/2.0"), file.toString()));
        assertThat(output).contains(file + " validates");
    }

    @Test
    void describeFeatureTypeIsASchemaOnTheLocalGml() {
        byte[] schema = document(DESCRIBE_COMMUNITIES);
        String text = new String(schema, StandardCharsets.UTF_8);
        assertThat(text).contains("schemaLocation=\"" + schemas + "gml/3.2.1/gml.xsd\"");
        ServiceOnlySchemaValidator validator = new ServiceOnlySchemaValidator(base);
        assertThat(validator.compile(schema, base + DESCRIBE_COMMUNITIES)).isEmpty();
        assertThat(validator.refused()).isEmpty();
        assertThat(validator.fetched())
                .containsKeys(
                        schemas + "gml/3.2.1/gml.xsd",
                        schemas + "iso/19139/20070417/gmd/gmd.xsd",
                        schemas + "w3c/2001/xml.xsd");
    }

    @Test
    void communitiesInGml32ValidateAgainstWfsGmlAndTheirFeatureType() {
        byte[] features = document(COMMUNITIES_GML32);
        Map<String, String> locations = ServiceOnlySchemaValidator.schemaLocations(features);
        assertThat(locations)
                .containsEntry("http://www.opengis.net/wfs/2.0", schemas + "wfs/2.0/wfs.xsd")
                .containsEntry("http://www.opengis.net/gml/3.2", schemas + "gml/3.2.1/gml.xsd");
        assertThat(locations.get("http://mapserver.gis.umn.edu/mapserver"))
                .startsWith(base + "/ogc?")
                .containsIgnoringCase("REQUEST=DescribeFeatureType");
        long communities = count("SELECT COUNT(*) FROM community WHERE valid_to IS NULL");
        assertThat(new String(features, StandardCharsets.UTF_8))
                .contains("numberReturned=\"" + communities + "\"")
                .contains("<ms:households>");

        ServiceOnlySchemaValidator validator = new ServiceOnlySchemaValidator(base);
        assertThat(validator.validate(features, base + COMMUNITIES_GML32)).isEmpty();
        assertThat(validator.refused()).isEmpty();
    }

    /** The validator above would notice: a wrong element fails, and so does the schema host. */
    @Test
    void theValidatorCatchesAWrongFeatureAndRefusesTheInternet() {
        String features = new String(document(COMMUNITIES_GML32), StandardCharsets.UTF_8);
        byte[] wrong = features.replace("ms:households>", "ms:householdz>").getBytes(StandardCharsets.UTF_8);
        ServiceOnlySchemaValidator validator = new ServiceOnlySchemaValidator(base);
        assertThat(validator.validate(wrong, base + COMMUNITIES_GML32))
                .anySatisfy(problem -> assertThat(problem).contains("householdz"));

        byte[] online = features.replace(schemas, "http://schemas.opengis.net/").getBytes(StandardCharsets.UTF_8);
        ServiceOnlySchemaValidator offline = new ServiceOnlySchemaValidator(base);
        assertThat(offline.validate(online, base + COMMUNITIES_GML32)).isNotEmpty();
        assertThat(offline.refused()).contains("http://schemas.opengis.net/wfs/2.0/wfs.xsd");
    }

    @Test
    void noDocumentOfTheServiceNamesTheOgcSchemaHost() {
        List<String> requests = List.of(
                WMS_CAPABILITIES,
                WFS_CAPABILITIES,
                DESCRIBE_COMMUNITIES,
                COMMUNITIES_GML32,
                "/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=ListStoredQueries",
                "/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeStoredQueries",
                "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=DescribeLayer&LAYERS=communities&SLD_VERSION=1.1.0",
                "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap", // a WMS exception report
                "/ogc?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:nosuch", // an OWS one
                "/ogc?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetCapabilities",
                "/ogc?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=ms:communities&MAXFEATURES=2",
                "/ogc?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetCapabilities");
        for (String request : requests) {
            String text = new String(http.getRaw(request).body(), StandardCharsets.UTF_8);
            assertThat(text)
                    .as(request)
                    .containsAnyOf(schemas, "ExceptionReport")
                    .doesNotContain("schemas.opengis.net")
                    .doesNotContain("www.w3.org/1999/xlink.xsd");
        }
    }

    @Test
    void schemasAreServedToAnyoneAsCacheableXml() {
        HttpJson anonymous = HttpJson.anonymous(port);
        HttpJson.Raw wfs = anonymous.getRaw(SchemaController.PATH + "/wfs/2.0/wfs.xsd");
        assertThat(wfs.status()).isEqualTo(200);
        assertThat(wfs.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(wfs.headers().firstValue("Cache-Control").orElse(""))
                .contains("max-age=2592000")
                .contains("public");
        assertThat(wfs.headers().firstValue("Pragma")).isEmpty();
        String entityTag = wfs.headers().firstValue("ETag").orElseThrow();
        assertThat(new String(wfs.body(), StandardCharsets.UTF_8))
                .contains("targetNamespace=\"http://www.opengis.net/wfs/2.0\"")
                .contains("schemaLocation=\"../../ows/1.1.0/owsAll.xsd\"");

        HttpJson.Raw again = HttpJson.anonymous(port).getRaw(SchemaController.PATH + "/wfs/2.0/wfs.xsd");
        assertThat(again.headers().firstValue("ETag")).contains(entityTag);
        assertThat(rawStatus("GET", SchemaController.PATH + "/wfs/2.0/wfs.xsd", "If-None-Match: " + entityTag))
                .isEqualTo(304);
        assertThat(anonymous
                        .exchange("POST", SchemaController.PATH + "/wfs/2.0/wfs.xsd", null)
                        .status())
                .isEqualTo(405);
        assertThat(anonymous
                        .getRaw(SchemaController.PATH + "/nosuch/1.0/nosuch.xsd")
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/ogc/schemas/../../application.yml",
                "/ogc/schemas/wfs/../../api/collections",
                "/ogc/schemas/%2e%2e/%2e%2e/application.yml",
                "/ogc/schemas/..%2f..%2fapplication.yml",
                "/ogc/schemas/%252e%252e/%252e%252e/application.yml",
                "/ogc/schemas/..;/..;/application.yml",
                "/ogc/schemas/%5c..%5c..%5capplication.yml",
                "/ogc/schemas/w3c/../../../BOOT-INF/classes/application.yml",
                "/ogc/schemas//etc/passwd",
                "/ogc/schemas/catalog.cat",
                "/ogc/schemas/org/jvnet/ogc/schemas/Dummy.class",
                "/ogc/schemas/wfs/2.0/examples/GetFeature/GetFeature_01.xml",
                "/ogc/schemas/"
            })
    void pathsOutsideTheSchemasAreRefused(String path) {
        int status = rawStatus("GET", path, null);
        assertThat(status).as(path).isIn(400, 404);
    }

    private byte[] document(String request) {
        HttpJson.Raw answer = http.getRaw(request);
        assertThat(answer.status()).as(request).isEqualTo(200);
        return answer.body();
    }

    /** The status of a request sent byte for byte as written: no client normalizes the path. */
    private int rawStatus(String method, String path, String header) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (header == null ? "" : header + "\r\n") + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            // "HTTP/1.1 404 " …
            return Integer.parseInt(answer.substring(9, 12));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
