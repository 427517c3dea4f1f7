package org.lifecircle.web.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Map page settings under {@code lifecircle.map.*}.
 *
 * @param basemapUrl an XYZ or WMTS tile URL template ({@code {z}/{x}/{y}}), empty for no basemap:
 *     the page works offline without one
 * @param basemapAttribution credit shown for the basemap
 */
@ConfigurationProperties("lifecircle.map")
record MapSettings(
        @DefaultValue("") String basemapUrl,
        @DefaultValue("") String basemapAttribution) {}
