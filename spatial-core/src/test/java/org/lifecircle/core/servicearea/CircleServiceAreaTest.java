package org.lifecircle.core.servicearea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifecircle.core.graph.TestNetworks.edge;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifecircle.core.graph.WalkingGraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class CircleServiceAreaTest {
    private static final WalkingGraph GRAPH = WalkingGraph.fromEdges(List.of(edge(1, 2, 0, 0, 100, 0)));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Nanjing, 118.78, 32.05", "Harbin, 126.63, 45.75", "Sanya, 109.51, 18.25"})
    void circleBoundaryIsAtTheRadiusGeodesically(String city, double lon, double lat) {
        ServiceAreaOptions options = ServiceAreaOptions.defaults()
                .withMode(ServiceAreaMode.CIRCLE)
                .withMaxSnapDistanceMeters(Double.POSITIVE_INFINITY);

        List<ServiceArea> areas = new ServiceAreaBuilder(GRAPH, List.of(), options)
                .forPoint(lon, lat)
                .areas();

        assertThat(areas).hasSize(3);
        for (ServiceArea area : areas) {
            double radius = area.limitMeters();
            Polygon circle = (Polygon) area.area();
            Coordinate[] ring = circle.getExteriorRing().getCoordinates();
            assertThat(ring.length).isGreaterThan(60);
            for (int i = 0; i + 1 < ring.length; i++) {
                double vertex = vincentyMeters(lon, lat, ring[i].x, ring[i].y);
                double midpoint =
                        vincentyMeters(lon, lat, (ring[i].x + ring[i + 1].x) / 2, (ring[i].y + ring[i + 1].y) / 2);
                assertThat(vertex).as(city).isBetween(0.995 * radius, 1.005 * radius);
                assertThat(midpoint).as(city).isBetween(0.995 * radius, 1.005 * radius);
            }
            assertThat(area.areaSquareMeters())
                    .isBetween(0.99 * Math.PI * radius * radius, 1.01 * Math.PI * radius * radius);
        }
    }

    /**
     * Vincenty's inverse formula on GRS80 (T. Vincenty, "Direct and inverse solutions of geodesics on
     * the ellipsoid with application of nested equations", Survey Review 23(176), 88–93, 1975).
     */
    static double vincentyMeters(double lon1, double lat1, double lon2, double lat2) {
        double a = 6378137.0;
        double f = 1 / 298.257222101;
        double b = a * (1 - f);
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);
        double lambda = l;
        double sinSigma;
        double cosSigma;
        double sigma;
        double cosSqAlpha;
        double cos2SigmaM;
        int iterations = 0;
        double previous;
        do {
            double sinLambda = Math.sin(lambda);
            double cosLambda = Math.cos(lambda);
            sinSigma =
                    Math.sqrt(Math.pow(cosU2 * sinLambda, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0) {
                return 0;
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSqAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            double c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
            previous = lambda;
            lambda = l
                    + (1 - c)
                            * f
                            * sinAlpha
                            * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        } while (Math.abs(lambda - previous) > 1e-12 && ++iterations < 200);
        double uSq = cosSqAlpha * (a * a - b * b) / (b * b);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma = bigB
                * sinSigma
                * (cos2SigmaM
                        + bigB
                                / 4
                                * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                                        - bigB
                                                / 6
                                                * cos2SigmaM
                                                * (-3 + 4 * sinSigma * sinSigma)
                                                * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return b * bigA * (sigma - deltaSigma);
    }
}
