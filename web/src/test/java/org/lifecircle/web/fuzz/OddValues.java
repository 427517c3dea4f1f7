package org.lifecircle.web.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Values that break parsers, collected from the usual suspects: integers one past {@code int} and
 * {@code long}, numbers past {@code double} or below its smallest subnormal, exponents that make
 * {@link java.math.BigDecimal} work for ever, text PostgreSQL cannot store (U+0000), lone
 * surrogates, right-to-left overrides, SQL and path fragments, and very long text.
 */
public final class OddValues {
    /** Number literals as JSON or a CSV cell would carry them. */
    public static final List<String> NUMBERS = List.of(
            "0",
            "-0",
            "-0.0",
            "-1",
            "1",
            "0.5",
            "1.0",
            "3.0",
            "1e3",
            "2147483647",
            "2147483648",
            "-2147483649",
            "4294967297",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "1e308",
            "-1e308",
            "1e309",
            "4.9e-324",
            "1e-400",
            "1E+999999999",
            "1E+2147483647",
            "1e-999999999");

    /** Text values: empty, blank, look-alikes of numbers and keywords, hostile and long text. */
    public static final List<String> TEXTS = List.of(
            "",
            " ",
            "null",
            "true",
            "NaN",
            "Infinity",
            "-Infinity",
            "0x10",
            "1,234",
            "１２３",
            "kindergarten",
            "幼儿园",
            "admin",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "😀",
            "\u202etxt.exe",
            "' OR '1'='1",
            "\"; DROP TABLE community; --",
            "<script>alert(1)</script>",
            "../../../../etc/passwd",
            "%s%n%x",
            "\r\n",
            "\\",
            "\"",
            "POLYGON((",
            "2026-02-30T25:61:00+99:00",
            "+999999999-12-31T23:59:59+18:00");

    private OddValues() {}

    public static String number(Random random) {
        return NUMBERS.get(random.nextInt(NUMBERS.size()));
    }

    /** Mostly a short odd text; now and then one of many thousand characters. */
    public static String text(Random random) {
        if (random.nextInt(12) == 0) {
            return longText(random);
        }
        return TEXTS.get(random.nextInt(TEXTS.size()));
    }

    /** 1,000 to 100,000 characters of one repeated piece (Latin, Chinese or an emoji). */
    public static String longText(Random random) {
        String piece = List.of("x", "社区", "😀", "\u0000", "1").get(random.nextInt(5));
        return piece.repeat(1000 * (1 + random.nextInt(100)) / piece.length());
    }
}
