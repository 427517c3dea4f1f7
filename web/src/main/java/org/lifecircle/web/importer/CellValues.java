package org.lifecircle.web.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers read from a file's text cells: thousands separators and spaces are ignored ({@code
 * 1,234}), negative or unreadable values reject the row. Counts (people, households, places) are
 * rounded to whole numbers: population grids often hold fractional estimates.
 */
final class CellValues {
    private CellValues() {}

    /**
     * A count ≥ 0, or {@code null} for an empty cell of an optional field.
     *
     * @throws RowRejectedException missing (required), unreadable, negative or too large
     */
    static Integer count(StagedRow row, ImportField field, boolean required) throws RowRejectedException {
        BigDecimal value = number(row, field, required);
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new RowRejectedException(field.label() + " " + row.value(field) + " is too large");
        }
        return rounded.intValueExact();
    }

    /** A floor area in m² ≥ 0, or {@code null} for an empty cell of an optional field. */
    static Double area(StagedRow row, ImportField field, boolean required) throws RowRejectedException {
        BigDecimal value = number(row, field, required);
        return value == null ? null : value.doubleValue();
    }

    private static BigDecimal number(StagedRow row, ImportField field, boolean required) throws RowRejectedException {
        String text = row.value(field);
        if (text == null) {
            if (required) {
                throw new RowRejectedException("missing " + field.label());
            }
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.replace(",", "").replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            throw new RowRejectedException(field.label() + " '" + text + "' is not a number");
        }
        if (value.signum() < 0) {
            throw new RowRejectedException("negative " + field.label() + " " + text);
        }
        return value;
    }
}
