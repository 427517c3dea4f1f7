package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportUploadsTest {

    @Test
    void uploadNamesNeverBecomePaths() {
        assertThat(ImportUploads.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ImportUploads.fileName("C:\\Users\\张\\社区.zip")).isEqualTo("社区.zip");
        assertThat(ImportUploads.fileName("..")).isEqualTo("upload");
        assertThat(ImportUploads.fileName(null)).isEqualTo("upload");
        assertThat(ImportUploads.fileName("a".repeat(300) + ".geojson"))
                .hasSize(120)
                .endsWith(".geojson");
    }
}
