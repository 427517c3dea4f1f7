package org.lifecircle.web.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies for fuzzing a JSON endpoint, drawn from a valid body: mostly that body with one to
 * three values broken (replaced by an {@link OddValues odd value}, removed, or joined by an unknown
 * member), sometimes any odd JSON value instead of the object, text that is not JSON at all (cut,
 * trailing commas, NaN, single quotes, a byte-order mark), or nesting thousands of levels deep.
 *
 * <p>Bodies are written as text, not through a JSON library, so they carry literals a library would
 * refuse to write ({@code 1E+999999999}, {@code -0}, lone surrogates as {@code \ud800}). Not
 * thread-safe: one per property, like its {@link Random}.
 */
public final class JsonMutator {
    /** Names a request might misspell or smuggle in; none is a field of any endpoint. */
    private static final List<String> UNKNOWN_NAMES = List.of("", "kinds", "Kind", "__proto__", "id", "extra", "社区");

    /** Characters that break JSON syntax where they land. */
    private static final String GARBAGE = "{}[],:\"\\\u0000x";

    private final Random random;

    public JsonMutator(Random random) {
        this.random = random;
    }

    /** A body derived from {@code valid}. */
    public String body(JsonNode valid) {
        int pick = random.nextInt(100);
        if (pick < 65) {
            return mutated(valid, random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1);
        }
        if (pick < 77) {
            return oddJson(3);
        }
        if (pick < 95) {
            return brokenText(mutated(valid, random.nextInt(2)));
        }
        return deepNesting();
    }

    /** {@code valid} with {@code edits} values replaced, removed or added at random places. */
    public String mutated(JsonNode valid, int edits) {
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(valid, new ArrayList<>(), paths);
        List<Edit> chosen = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            List<Object> path = paths.get(random.nextInt(paths.size()));
            chosen.add(new Edit(path, Op.values()[random.nextInt(Op.values().length)], oddJson(2)));
        }
        return write(valid, List.of(), chosen);
    }

    /** The text of a hostile JSON value; containers nest up to {@code depth} levels. */
    public String oddJson(int depth) {
        switch (random.nextInt(11)) {
            case 0:
                return "null";
            case 1:
                return random.nextBoolean() ? "true" : "false";
            case 2:
            case 3:
                return OddValues.number(random);
            case 4:
            case 5:
                return quote(OddValues.text(random));
            case 6:
                return random.nextBoolean() ? "[]" : "{}";
            case 7: {
                if (depth == 0) {
                    return OddValues.number(random);
                }
                List<String> elements = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    elements.add(oddJson(depth - 1));
                }
                return "[" + String.join(",", elements) + "]";
            }
            case 8:
                return depth == 0 ? "{}" : "{" + quote(OddValues.text(random)) + ":" + oddJson(depth - 1) + "}";
            case 9:
                return bigArray();
            default:
                return quote(OddValues.longText(random));
        }
    }

    /** {@code text} broken as a hand-edited or cut-off body would be. */
    public String brokenText(String text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        return switch (random.nextInt(13)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + GARBAGE.charAt(random.nextInt(GARBAGE.length())) + text.substring(at);
            case 2 -> text.isEmpty() ? "" : text.substring(0, at) + text.substring(at + 1);
            case 3 -> text.startsWith("{") && text.length() > 2 ? "{\"kind\":1," + text.substring(1) : text + ",";
            case 4 -> text.endsWith("}") ? text.substring(0, text.length() - 1) + ",}" : text + "]";
            case 5 ->
                text.endsWith("}")
                        ? text.substring(0, text.length() - 1) + ",\"x\":"
                                + List.of("NaN", "Infinity", "-Infinity", "undefined", "0x1F", "01", "+1", ".5")
                                        .get(random.nextInt(8))
                                + "}"
                        : "NaN";
            case 6 -> text.replace('"', '\'');
            case 7 -> "/* comment */" + text;
            case 8 -> "\uFEFF" + text;
            case 9 -> random.nextBoolean() ? "" : " \n\t ";
            case 10 -> text + text;
            case 11 -> randomText(1 + random.nextInt(200));
            default -> text.replace(":", ": ".repeat(1 + random.nextInt(3)));
        };
    }

    /** Arrays or objects nested 64 to 50,000 levels deep. */
    public String deepNesting() {
        int depth = List.of(64, 600, 5_000, 50_000).get(random.nextInt(4));
        return random.nextBoolean()
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** A JSON string literal; control characters and surrogates escaped, everything else as it is. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !isPaired(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean isPaired(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private String bigArray() {
        int size = 1_000 * (1 + random.nextInt(50));
        // Short elements only: a thousand long texts would make a body of gigabytes.
        String element = random.nextBoolean()
                ? OddValues.number(random)
                : quote(OddValues.TEXTS.get(random.nextInt(OddValues.TEXTS.size())));
        return "[" + (element + ",").repeat(size - 1) + element + "]";
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(3) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }

    private enum Op {
        REPLACE,
        REMOVE,
        ADD_UNKNOWN
    }

    private record Edit(List<Object> path, Op op, String oddValue) {}

    private static void collectPaths(JsonNode node, List<Object> prefix, List<List<Object>> paths) {
        paths.add(List.copyOf(prefix));
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                prefix.add(member.getKey());
                collectPaths(member.getValue(), prefix, paths);
                prefix.remove(prefix.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                prefix.add(i);
                collectPaths(node.get(i), prefix, paths);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    /** The text of {@code node} (found at {@code at}) with the edits applied where their paths lead. */
    private String write(JsonNode node, List<Object> at, List<Edit> edits) {
        Edit here = edits.stream()
                .filter(e -> e.path().equals(at) && e.op() != Op.REMOVE
                        || at.isEmpty() && e.path().isEmpty())
                .findFirst()
                .orElse(null);
        if (here != null) {
            if (here.op() == Op.ADD_UNKNOWN && node.isObject()) {
                String name = UNKNOWN_NAMES.get(random.nextInt(UNKNOWN_NAMES.size()));
                String rest = write(node, at, List.of());
                return "{" + quote(name) + ":" + here.oddValue() + (node.isEmpty() ? "" : ",") + rest.substring(1);
            }
            if (here.op() == Op.ADD_UNKNOWN && node.isArray()) {
                String rest = write(node, at, List.of());
                return "[" + here.oddValue() + (node.isEmpty() ? "" : ",") + rest.substring(1);
            }
            return here.oddValue();
        }
        if (node.isObject()) {
            List<String> members = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                List<Object> path = append(at, member.getKey());
                if (removed(edits, path)) {
                    continue;
                }
                members.add(quote(member.getKey()) + ":" + write(member.getValue(), path, edits));
            }
            return "{" + String.join(",", members) + "}";
        }
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                List<Object> path = append(at, i);
                if (removed(edits, path)) {
                    continue;
                }
                elements.add(write(node.get(i), path, edits));
            }
            return "[" + String.join(",", elements) + "]";
        }
        return node.isString() ? quote(node.asString()) : node.toString();
    }

    private static boolean removed(List<Edit> edits, List<Object> path) {
        return edits.stream().anyMatch(e -> e.op() == Op.REMOVE && e.path().equals(path));
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }
}
