package org.lifecircle.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class ChineseCoordinateTransformTest {
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), Srid.WGS84);

    @Test
    void everyPolygonVertexIsConvertedAndTheInputKept() throws ParseException {
        Geometry gcj = new WKTReader(FACTORY)
                .read("POLYGON ((118.78 32.04, 118.79 32.04, 118.79 32.05, 118.78 32.05, 118.78 32.04),"
                        + " (118.783 32.043, 118.785 32.043, 118.785 32.045, 118.783 32.043))");
        Geometry wgs = ChineseCoordinateTransform.toWgs84(gcj, ChineseCoordinateSystem.GCJ02);

        Coordinate[] before = gcj.getCoordinates();
        Coordinate[] after = wgs.getCoordinates();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.length; i++) {
            LonLat expected = Gcj02.toWgs84(before[i].x, before[i].y);
            assertThat(after[i].x).isCloseTo(expected.lon(), within(1e-12));
            assertThat(after[i].y).isCloseTo(expected.lat(), within(1e-12));
        }
        assertThat(gcj.getCoordinates()[0]).isEqualTo(new Coordinate(118.78, 32.04));
        assertThat(wgs.isValid()).isTrue();
        assertThat(((Polygon) wgs).getNumInteriorRing()).isEqualTo(1);
        assertThat(wgs.getSRID()).isEqualTo(Srid.WGS84);
    }

    @Test
    void bd09ToGcj02SkipsWgs84OnTheWay() {
        LonLat bd = Bd09.fromGcj02(118.79, 32.04);
        LonLat gcj = new ChineseCoordinateTransform(ChineseCoordinateSystem.BD09, ChineseCoordinateSystem.GCJ02)
                .transform(bd.lon(), bd.lat());
        assertThat(gcj.lon()).isCloseTo(118.79, within(1e-8));
        assertThat(gcj.lat()).isCloseTo(32.04, within(1e-8));
    }

    @Test
    void namesParseInAnyCase() {
        assertThat(ChineseCoordinateSystem.parse("GCJ-02")).isEqualTo(ChineseCoordinateSystem.GCJ02);
        assertThat(ChineseCoordinateSystem.parse("bd09")).isEqualTo(ChineseCoordinateSystem.BD09);
        assertThatThrownBy(() -> ChineseCoordinateSystem.parse("mars")).hasMessageContaining("gcj02");
    }
}
