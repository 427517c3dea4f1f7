package org.lifecircle.web.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaLibraryTest {
    private static final SchemaLibrary LIBRARY = SchemaLibrary.fromClasspath();
    private static final Pattern LOCATION = Pattern.compile(
            "<(?:\\w+:)?(?:import|include|redefine)\\b[^>]*?schemaLocation\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

    /**
     * What MapServer 8 names below {@code ows_schemas_location} in WMS 1.3.0 and WFS 2.0 (and the
     * older versions it also speaks): capabilities, exceptions, GML and SLD.
     */
    private static final List<String> NAMED_BY_MAPSERVER = List.of(
            "wms/1.3.0/capabilities_1_3_0.xsd",
            "wms/1.3.0/exceptions_1_3_0.xsd",
            "sld/1.1.0/sld_capabilities.xsd",
            "sld/1.1.0/DescribeLayer.xsd",
            "wfs/2.0/wfs.xsd",
            "gml/3.2.1/gml.xsd",
            "ows/1.1.0/owsExceptionReport.xsd",
            "wfs/1.1.0/wfs.xsd",
            "gml/3.1.1/base/gml.xsd",
            "wfs/1.0.0/WFS-capabilities.xsd",
            "wfs/1.0.0/WFS-basic.xsd");

    @Test
    void everySchemaMapServerNamesResolvesWithinTheLibraryWithoutLeavingIt() {
        Set<String> seen = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        Set<String> absolute = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(NAMED_BY_MAPSERVER);
        URI root = URI.create("http://service.test/ogc/schemas/");
        while (!todo.isEmpty()) {
            String path = todo.pop();
            if (!seen.add(path)) {
                continue;
            }
            var schema = LIBRARY.find(path);
            if (schema.isEmpty()) {
                missing.add(path);
                continue;
            }
            String text = COMMENT.matcher(new String(schema.get().content(), StandardCharsets.UTF_8))
                    .replaceAll("");
            Matcher m = LOCATION.matcher(text);
            while (m.find()) {
                if (URI.create(m.group(1)).isAbsolute()) {
                    absolute.add(path + " → " + m.group(1));
                    continue;
                }
                URI target = root.resolve(path).resolve(m.group(1));
                todo.push(root.relativize(target).toString());
            }
        }
        assertThat(missing).isEmpty();
        assertThat(absolute).isEmpty();
        // GML 3.2.1 pulls in ISO 19139 and the W3C xlink and xml schemas: all of them are here.
        assertThat(seen)
                .contains(
                        "iso/19139/20070417/gmd/gmd.xsd",
                        "w3c/1999/xlink.xsd",
                        "w3c/2001/xml.xsd",
                        "ows/1.1.0/owsAll.xsd",
                        "filter/2.0/filterAll.xsd")
                .hasSizeGreaterThan(100);
    }

    @Test
    void absoluteImportsBecomeRelativeToTheServedSchema() {
        String wfs = text("wfs/2.0/wfs.xsd");
        assertThat(wfs)
                .contains("schemaLocation=\"../../ows/1.1.0/owsAll.xsd\"")
                .contains("schemaLocation=\"../../filter/2.0/filterAll.xsd\"")
                .contains("schemaLocation=\"../../w3c/1999/xlink.xsd\"")
                .doesNotContain("schemaLocation=\"http://");
        assertThat(text("w3c/1999/xlink.xsd")).contains("schemaLocation=\"../../w3c/2001/xml.xsd\"");
        assertThat(LIBRARY.find("wfs/2.0/wfs.xsd").orElseThrow().mediaType()).isEqualTo("application/xml");
        assertThat(LIBRARY.find("wms/1.1.1/capabilities_1_1_1.dtd")
                        .orElseThrow()
                        .mediaType())
                .isEqualTo("application/xml-dtd");
    }

    @Test
    void onlyImportLocationsChangeAndEveryOtherByteStays() {
        String path = "a/b.xsd";
        String schema = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- 社区 http://schemas.opengis.net/gml/3.2.1/gml.xsd -->
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.opengis.net/wfs/2.0">
                  <xs:import namespace="http://www.opengis.net/gml/3.2" schemaLocation='http://schemas.opengis.net/gml/3.2.1/gml.xsd'/>
                  <xs:import namespace="http://www.w3.org/1999/xlink"
                             schemaLocation = "http://www.w3.org/1999/xlink.xsd"/>
                  <xs:include schemaLocation="c.xsd"/>
                  <xs:annotation><xs:appinfo xsi:schemaLocation="http://www.w3.org/1999/xlink http://www.w3.org/1999/xlink.xsd"/></xs:annotation>
                </xs:schema>
                """;
        String expected = schema.replace("'http://schemas.opengis.net/gml/3.2.1/gml.xsd'", "'../gml/3.2.1/gml.xsd'")
                .replace("\"http://www.w3.org/1999/xlink.xsd\"/>", "\"../w3c/1999/xlink.xsd\"/>");
        byte[] rewritten = SchemaLibrary.rewrite(path, schema.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(rewritten, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "../application.yml",
                "wfs/../../application.yml",
                "wfs/2.0/../../../BOOT-INF/classes/application.yml",
                "%2e%2e/application.yml",
                "..%2fapplication.yml",
                "wfs%2F2.0%2Fwfs.xsd",
                "/wfs/2.0/wfs.xsd",
                "wfs//2.0/wfs.xsd",
                "wfs\\2.0\\wfs.xsd",
                "./wfs/2.0/wfs.xsd",
                ".hidden.xsd",
                "wfs/2.0/wfs.xsd;jsessionid=1",
                "catalog.cat",
                "wfs/2.0/examples/GetFeature/GetFeature_01.xml",
                "org/jvnet/ogc/schemas/Dummy.class",
                "w3c/catalog.cat",
                "w3c/../../db/migration/V001__schema.xsd",
                "nosuch/1.0/nosuch.xsd"
            })
    void pathsOutsideThePackagesSchemasAreNotFound(String path) {
        assertThat(LIBRARY.find(path)).isEmpty();
    }

    private static String text(String path) {
        return new String(LIBRARY.find(path).orElseThrow().content(), StandardCharsets.UTF_8);
    }
}
