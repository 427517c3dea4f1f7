package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.crs.ChineseCoordinateSystem;

class ImportOptionParserTest {

    @Test
    void emptyGivesTheDefaults() {
        assertThat(ImportOptionParser.parse(Map.of())).isEqualTo(ImportOptions.defaults());
    }

    @Test
    void readsEveryKindOfOption() {
        ImportOptions options = ImportOptionParser.parse(Map.of(
                "source-crs", "EPSG:4549",
                "encoding", "gbk",
                "invalid", "REJECT",
                "name-column", "名称",
                "type-map", "幼儿园=Kindergarten，菜场=market",
                "append", "",
                "strict", "true"));

        assertThat(options.sourceCrs()).isEqualTo(new SourceCrs(SourceCrs.Kind.EPSG, 4549, null));
        assertThat(options.encoding()).isEqualTo(Charset.forName("GBK"));
        assertThat(options.invalidGeometry()).isEqualTo(InvalidGeometryPolicy.REJECT);
        assertThat(options.columns()).containsExactly(Map.entry(ImportField.NAME, "名称"));
        assertThat(options.typeValues()).containsEntry("幼儿园", "kindergarten").containsEntry("菜场", "market");
        assertThat(options.append()).isTrue();
        assertThat(options.strict()).isTrue();
    }

    @Test
    void chineseMapSystemsAndBareCodesParse() {
        assertThat(ImportOptionParser.parse(Map.of("source-crs", "GCJ-02"))
                        .sourceCrs()
                        .chineseSystem())
                .isEqualTo(ChineseCoordinateSystem.GCJ02);
        assertThat(ImportOptionParser.parse(Map.of("source-crs", "bd09"))
                        .sourceCrs()
                        .chineseSystem())
                .isEqualTo(ChineseCoordinateSystem.BD09);
        assertThat(ImportOptionParser.parse(Map.of("source-crs", "4490"))
                        .sourceCrs()
                        .epsg())
                .isEqualTo(4490);
    }

    @Test
    void everyProblemNamesItsOption() {
        assertBad(Map.of("source-crs", "mars"), "source-crs");
        assertBad(Map.of("encoding", "klingon"), "encoding");
        assertBad(Map.of("invalid", "ignore"), "invalid");
        assertBad(Map.of("type-map", "幼儿园"), "type-map");
        assertBad(Map.of("lon-column", "x"), "lat-column");
        assertBad(Map.of("type", "market", "type-column", "kind"), "type");
        assertBad(Map.of("strict", "maybe"), "strict");
        assertBad(Map.of("colour", "red"), "colour");
    }

    private static void assertBad(Map<String, String> values, String option) {
        assertThatThrownBy(() -> ImportOptionParser.parse(values))
                .isInstanceOfSatisfying(
                        BadImportOptionException.class,
                        e -> assertThat(e.option()).isEqualTo(option));
    }
}
