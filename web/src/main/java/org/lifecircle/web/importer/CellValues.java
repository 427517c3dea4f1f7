package org.lifecircle.web.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers read from a file's text cells: thousands separators and spaces are ignored ({@code
 * 1,234}), negative or unreadable values reject the row. Counts (people, households, places) are
 * rounded to whole numbers: population grids often hold fractional estimates.
 */
final class CellValues {
    /** Digits before the point: 10 for counts (int), a few more for areas in square metres. */
    private static final int MAX_INTEGER_DIGITS = 15;
    /** Digits after the point; estimates and areas need far fewer. */
    private static final int MAX_DECIMALS = 30;
    /** Longest text read as a number: those digits with separators, sign and exponent. */
    private static final int MAX_NUMBER_CHARS = 100;

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
        if (text.length() > MAX_NUMBER_CHARS) {
            // Parsing is quadratic in the digits: a cell of a million digits would take a minute.
            throw new RowRejectedException(field.label() + " of " + text.length() + " characters is not a number");
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
        // BigDecimal keeps any exponent (1e999999999, 1e-9999999): rounding such a value builds a
        // number of that many digits, which takes minutes or overflows. No count or area comes near.
        // In long: for 1E+2147483647 the int difference overflows.
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_DECIMALS) {
            throw new RowRejectedException(field.label() + " " + text + " is out of range");
        }
        return value;
    }
}
