package org.lifecircle.web.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The fixed budget of a fuzz test: its inputs come from a {@link Random} with a fixed seed and a
 * fixed number of tries, so CI sends the same inputs every time and a failure names the seed and the
 * try that reproduce it. By hand, {@code -Dfuzz.seed=N} draws other inputs and {@code -Dfuzz.scale=K}
 * makes K times as many tries (Surefire and Failsafe pass both to the test JVM).
 *
 * <p>Findings are collected, not thrown at the first one, so one run lists every input that broke
 * the property; {@link #assertNone()} fails the test with them.
 */
public final class Fuzzing {
    /** Inputs longer than this are shortened in reports: some are 100,000 characters. */
    private static final int SHOWN_INPUT_CHARS = 400;
    /** Findings listed in a failure; a broken parser can break on hundreds of inputs alike. */
    private static final int SHOWN_FINDINGS = 20;

    private final String property;
    private final long seed;
    private final int tries;
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();

    private Fuzzing(String property, long seed, int tries) {
        this.property = property;
        this.seed = seed;
        this.tries = tries;
    }

    /**
     * @param property the property's name; it also varies the seed, so two properties with the same
     *     fixed seed still draw different inputs
     * @param fixedSeed the seed CI uses
     * @param fixedTries the tries CI makes
     */
    public static Fuzzing of(String property, long fixedSeed, int fixedTries) {
        String seedOverride = System.getProperty("fuzz.seed");
        String scale = System.getProperty("fuzz.scale");
        long seed = seedOverride == null || seedOverride.isBlank() ? fixedSeed : Long.parseLong(seedOverride.trim());
        int tries = scale == null || scale.isBlank() ? fixedTries : fixedTries * Integer.parseInt(scale.trim());
        return new Fuzzing(property, seed, tries);
    }

    public int tries() {
        return tries;
    }

    /** The generator of this property's inputs. */
    public Random random() {
        return new Random(seed ^ property.hashCode());
    }

    /** Notes that try {@code attempt} with {@code input} broke the property because of {@code what}. */
    public void finding(int attempt, String input, String what) {
        findings.add("try " + attempt + ": " + what + "\n    input: " + shown(input));
    }

    /** Counts an answer, e.g. its status: the summary shows whether the inputs reach past validation. */
    public void outcome(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /** Prints what the tries led to, then fails with the findings, if any. */
    public void assertNone() {
        System.out.println(property + " (seed " + seed + ", " + tries + " tries): " + outcomes);
        if (!findings.isEmpty()) {
            List<String> shown = findings.subList(0, Math.min(findings.size(), SHOWN_FINDINGS));
            throw new AssertionError(property + " (seed " + seed + ", " + tries + " tries) broke on "
                    + findings.size() + " input(s)" + (findings.size() > SHOWN_FINDINGS ? ", the first:" : ":")
                    + "\n  " + String.join("\n  ", shown));
        }
    }

    /** An input as a report shows it: shortened, control characters escaped. */
    public static String shown(String input) {
        if (input == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder();
        int end = Math.min(input.length(), SHOWN_INPUT_CHARS);
        for (int i = 0; i < end; i++) {
            char c = input.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        if (input.length() > end) {
            shown.append("… (").append(input.length()).append(" chars)");
        }
        return shown.toString();
    }
}
