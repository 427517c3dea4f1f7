package org.lifecircle.web.importer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code lifecircle.import.*}. The upload size limit itself is Spring's {@code
 * spring.servlet.multipart.max-file-size}.
 *
 * @param maxUnzippedSize most bytes a zip may expand to; more is refused as a zip bomb
 * @param maxZipEntries most entries a zip may hold
 * @param gdalTimeout longest one GDAL run may take before it is stopped
 * @param ogr2ogr the {@code ogr2ogr} program (Debian package gdal-bin)
 * @param ogrinfo the {@code ogrinfo} program
 */
@ConfigurationProperties("lifecircle.import")
record ImportProperties(
        @DefaultValue("4GB") DataSize maxUnzippedSize,
        @DefaultValue("10000") int maxZipEntries,
        @DefaultValue("1h") Duration gdalTimeout,
        @DefaultValue("ogr2ogr") String ogr2ogr,
        @DefaultValue("ogrinfo") String ogrinfo) {

    ZipLimits zipLimits() {
        return new ZipLimits(maxZipEntries, maxUnzippedSize.toBytes());
    }
}
