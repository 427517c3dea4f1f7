package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvSourceTest {

    @Test
    void separatorIsTheMostFrequentOfCommaSemicolonAndTab() {
        assertThat(CsvSource.separator("name,lon,lat")).isEqualTo(',');
        assertThat(CsvSource.separator("name;lon;lat")).isEqualTo(';');
        assertThat(CsvSource.separator("name\tlon\tlat")).isEqualTo('\t');
    }

    @Test
    void quotedHeadersKeepTheirSeparators() {
        assertThat(CsvSource.split("\"名称, 全称\",\"lon\",lat", ',')).containsExactly("名称, 全称", "lon", "lat");
    }
}
