package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StagingCommandTest {

    @Test
    void fileCrsIsReprojectedOrAssumedAndAnEpsgCodeOverridesIt() {
        assertThat(StagingCommand.crsArguments(SourceCrs.FILE, true)).containsExactly("-t_srs", "EPSG:4326");
        assertThat(StagingCommand.crsArguments(SourceCrs.FILE, false)).containsExactly("-a_srs", "EPSG:4326");
        assertThat(StagingCommand.crsArguments(SourceCrs.parse("EPSG:4549"), true))
                .containsExactly("-s_srs", "EPSG:4549", "-t_srs", "EPSG:4326");
        assertThat(StagingCommand.crsArguments(SourceCrs.parse("gcj02"), false)).containsExactly("-a_srs", "EPSG:4326");
    }

    @Test
    void argumentsAreAListWithTheSourceAndTableAsSingleArguments() {
        SourceDataset source = new SourceDataset(
                Path.of("/tmp/work dir/source.csv"), SourceFormat.CSV, List.of("X_POSSIBLE_NAMES=经度"), "点.csv");
        List<String> args = StagingCommand.arguments(
                source, null, List.of("-a_srs", "EPSG:4326"), "PG:dbname=x", "stage_20260101000000_0a0b0c0d");

        assertThat(args).containsSequence("-f", "PostgreSQL", "PG:dbname=x");
        assertThat(args).containsSequence("-oo", "X_POSSIBLE_NAMES=经度", "/tmp/work dir/source.csv");
        assertThat(args).containsSequence("-nln", "stage_20260101000000_0a0b0c0d");
        assertThat(args).containsSequence("-lco", "SCHEMA=import_staging");
        assertThat(args).containsSequence("-mapFieldType", "All=String");
        assertThat(Map.of("args", args).toString()).doesNotContain("'");
    }
}
