package org.lifecircle.web.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the OGC tests read out of GDAL's answers and MapServer's pictures. */
final class OgcTestSupport {
    private OgcTestSupport() {}

    /** The "Feature Count" of an {@code ogrinfo -so} summary. */
    static long featureCount(String ogrinfoSummary) {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfoSummary);
        assertThat(m.find()).as(ogrinfoSummary).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A {@code #rrggbb} fill drawn at an opacity over a white map background, as RGB. */
    static int blendOverWhite(String hex, double opacity) {
        int c = Integer.parseInt(hex.substring(1), 16);
        int r = (int) Math.round((c >> 16 & 0xff) * opacity + 255 * (1 - opacity));
        int g = (int) Math.round((c >> 8 & 0xff) * opacity + 255 * (1 - opacity));
        int b = (int) Math.round((c & 0xff) * opacity + 255 * (1 - opacity));
        return r << 16 | g << 8 | b;
    }

    /** Whether two RGB colours differ by at most 3 in every channel (PNG palette rounding). */
    static boolean closeTo(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xff) - (expected >> shift & 0xff)) > 3) {
                return false;
            }
        }
        return true;
    }

    /** The first row's first column, a PostgreSQL {@code float8[]}, as a Java array. */
    static double[] doubles(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.queryForObject(
                sql,
                (rs, i) -> {
                    Double[] values = (Double[]) rs.getArray(1).getArray();
                    double[] out = new double[values.length];
                    for (int k = 0; k < values.length; k++) {
                        out[k] = values[k];
                    }
                    return out;
                },
                args);
    }
}
