package org.lifecircle.web.common;

/**
 * A longitude/latitude box in EPSG:4326, parsed from {@code minLon,minLat,maxLon,maxLat}.
 */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

    public Bbox {
        if (!(minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90)) {
            throw new BadParameterException("bbox", "bbox must lie within longitude -180..180 and latitude -90..90");
        }
        if (!(minLon < maxLon && minLat < maxLat)) {
            throw new BadParameterException("bbox", "bbox min must be below max: minLon,minLat,maxLon,maxLat");
        }
    }

    /**
     * @throws BadParameterException when the text is not four finite comma-separated numbers in order
     */
    public static Bbox parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadParameterException("bbox", "bbox is required: minLon,minLat,maxLon,maxLat in EPSG:4326");
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new BadParameterException(
                    "bbox", "bbox needs 4 comma-separated numbers minLon,minLat,maxLon,maxLat, got " + parts.length);
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadParameterException("bbox", "bbox value '" + parts[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(values[i])) {
                throw new BadParameterException("bbox", "bbox values must be finite");
            }
        }
        return new Bbox(values[0], values[1], values[2], values[3]);
    }

    /** Optional variant: {@code null} or blank text gives {@code null}. */
    public static Bbox parseOptional(String text) {
        return text == null || text.isBlank() ? null : parse(text);
    }
}
