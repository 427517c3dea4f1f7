package org.lifecircle.web.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OgrInfoParserTest {
    /** {@code ogrinfo -ro -so -al} of GDAL 3.6 on a two-layer GeoPackage, abridged. */
    private static final String TWO_LAYERS = """
            INFO: Open of `t.gpkg'
                  using driver `GPKG' successful.

            Layer name: 社区
            Geometry: Multi Polygon
            Feature Count: 292
            Extent: (118.780000, 32.040000) - (118.790000, 32.050000)
            Layer SRS WKT:
            PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 120E",
                BASEGEOGCRS["China Geodetic Coordinate System 2000",
                ID["EPSG",4549]]
            Data axis to CRS axis mapping: 2,1
            FID Column = fid
            Geometry Column = geom
            名称: String (0.0)
            code: String (12.0)
            pop: Real (24.15)

            Layer name: points
            Geometry: Point
            Feature Count: 5
            Layer SRS WKT:
            (unknown)
            lon: Real (0.0)
            """;

    @Test
    void readsEveryLayerWithCountCrsAndFields() {
        List<OgrLayer> layers = OgrInfoParser.parse(TWO_LAYERS);

        assertThat(layers).hasSize(2);
        assertThat(layers.get(0))
                .isEqualTo(new OgrLayer("社区", "Multi Polygon", 292, true, List.of("名称", "code", "pop")));
        assertThat(layers.get(1)).isEqualTo(new OgrLayer("points", "Point", 5, false, List.of("lon")));
    }

    @Test
    void layerWithoutGeometryIsSeen() {
        List<OgrLayer> layers =
                OgrInfoParser.parse("Layer name: table\nGeometry: None\nFeature Count: 3\nLayer SRS WKT:\n(unknown)\n");
        assertThat(layers.get(0).hasGeometry()).isFalse();
    }
}
