package org.lifecircle.web.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the layers out of {@code ogrinfo -ro -so -al} text (GDAL 3.x). GDAL 3.6, the Debian 12
 * version, has no JSON output for vector info yet, and these lines have kept their shape since GDAL
 * 2: {@code Layer name:}, {@code Geometry:}, {@code Feature Count:}, {@code Layer SRS WKT:} followed by
 * {@code (unknown)} or the WKT, then one {@code name: Type (width.precision)} line per field.
 */
final class OgrInfoParser {
    private static final Pattern FIELD = Pattern.compile(
            "^(.+): (String|WideString|Integer|Integer64|Real|Date|DateTime|Time|Binary|StringList|IntegerList|Integer64List|RealList)(\\s*\\(.*\\))?$");

    /**
     * GDAL prints field names as they are, so a field named {@code "x\nFeature Count: oops"} makes a
     * line of its own: only a count that is a number is one.
     */
    private static final Pattern FEATURE_COUNT = Pattern.compile("^Feature Count: [0-9]{1,18}\\s*$");

    private OgrInfoParser() {}

    static List<OgrLayer> parse(String output) {
        List<OgrLayer> layers = new ArrayList<>();
        String name = null;
        String geometry = null;
        long count = -1;
        boolean hasCrs = false;
        List<String> fields = new ArrayList<>();
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("Layer name: ")) {
                if (name != null) {
                    layers.add(new OgrLayer(name, geometry, count, hasCrs, fields));
                }
                name = line.substring("Layer name: ".length()).trim();
                geometry = null;
                count = -1;
                hasCrs = false;
                fields = new ArrayList<>();
            } else if (name == null) {
                continue;
            } else if (line.startsWith("Geometry: ") && geometry == null) {
                geometry = line.substring("Geometry: ".length()).trim();
            } else if (FEATURE_COUNT.matcher(line).matches()) {
                count = Long.parseLong(
                        line.substring("Feature Count: ".length()).trim());
            } else if (line.startsWith("Layer SRS WKT:")) {
                hasCrs = i + 1 < lines.length && !lines[i + 1].trim().equals("(unknown)");
            } else {
                Matcher field = FIELD.matcher(line);
                if (field.matches()) {
                    fields.add(field.group(1));
                }
            }
        }
        if (name != null) {
            layers.add(new OgrLayer(name, geometry, count, hasCrs, fields));
        }
        return layers;
    }
}
