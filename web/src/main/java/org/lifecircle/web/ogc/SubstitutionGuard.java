package org.lifecircle.web.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.lifecircle.web.ogc.OgcLayer.Substitution;

/**
 * Refuses request parameters that MapServer would substitute into a layer's SQL but that do not
 * pass the layer's validation. MapServer 8.0 validates them too, but on failure it quietly
 * substitutes the default, so {@code type=kindergarten'--} would answer with kindergartens, and
 * {@code type=Market} with kindergartens as well; a client must instead hear that its value was
 * wrong.
 *
 * <p>A value is checked against every requested layer (LAYERS, QUERY_LAYERS, LAYER, TYPENAME(S),
 * or the collection of an OGC API path) that takes the parameter. When the request names no such
 * layer (GetCapabilities, an XML POST, a base layer), MapServer still substitutes into every layer,
 * so the value must at least pass one layer's validation. Parameter names compare
 * case-insensitively, as in MapServer. Thread-safe: immutable.
 */
final class SubstitutionGuard {
    private static final Set<String> LAYER_PARAMETERS =
            Set.of("layers", "query_layers", "layer", "typename", "typenames");
    // Compiled once: String.split compiles a pattern like this one on every call (every request).
    private static final Pattern LAYER_LIST_SEPARATOR = Pattern.compile("[,()\\s]+");

    /** Why a request was refused: the parameter and a message for the OWS exception. */
    record Refusal(String parameter, String message) {}

    private final Map<String, OgcLayer> layersByName = new LinkedHashMap<>();
    private final Map<String, List<OgcLayer>> layersByParameter = new LinkedHashMap<>();

    SubstitutionGuard(List<OgcLayer> layers) {
        for (OgcLayer layer : layers) {
            layersByName.put(layer.name(), layer);
            for (Substitution s : layer.substitutions()) {
                layersByParameter
                        .computeIfAbsent(s.name(), n -> new ArrayList<>())
                        .add(layer);
            }
        }
    }

    /**
     * @param parameters decoded {name, value} pairs of the request, in order
     * @param pathLayer the collection of an OGC API Features path, or {@code null}
     * @return the first refused parameter, or {@code null} when the request may go to MapServer
     */
    Refusal check(List<String[]> parameters, String pathLayer) {
        Set<String> requested = requestedLayers(parameters, pathLayer);
        for (String[] parameter : parameters) {
            String name = parameter[0].toLowerCase(Locale.ROOT);
            List<OgcLayer> declaring = layersByParameter.get(name);
            if (declaring == null) {
                continue;
            }
            String value = parameter[1];
            List<OgcLayer> concerned =
                    declaring.stream().filter(l -> requested.contains(l.name())).toList();
            if (concerned.isEmpty()) {
                if (declaring.stream().noneMatch(l -> l.substitution(name).accepts(value))) {
                    Substitution any = declaring.get(0).substitution(name);
                    return new Refusal(name, describe(name, value, any));
                }
                continue;
            }
            for (OgcLayer layer : concerned) {
                Substitution s = layer.substitution(name);
                if (!s.accepts(value)) {
                    return new Refusal(name, describe(name, value, s) + " (layer " + layer.name() + ")");
                }
            }
        }
        return null;
    }

    private Set<String> requestedLayers(List<String[]> parameters, String pathLayer) {
        Set<String> names = new LinkedHashSet<>();
        if (pathLayer != null) {
            names.add(pathLayer);
        }
        for (String[] parameter : parameters) {
            if (LAYER_PARAMETERS.contains(parameter[0].toLowerCase(Locale.ROOT))) {
                // WFS 2.0 lists may be parenthesised, "(ms:a)(ms:b)"; names may carry a prefix.
                for (String token : LAYER_LIST_SEPARATOR.split(parameter[1])) {
                    String local = token.substring(token.indexOf(':') + 1);
                    if (layersByName.containsKey(local)) {
                        names.add(local);
                    }
                }
            }
        }
        return names;
    }

    private static String describe(String name, String value, Substitution s) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        StringBuilder message = new StringBuilder("Invalid value '")
                .append(shown)
                .append("' for ")
                .append(name)
                .append(": expected ")
                .append(s.meaning());
        if (!s.allowed().isEmpty()) {
            message.append(", one of ")
                    .append(String.join(", ", s.allowed().stream().sorted().toList()));
        }
        return message.toString();
    }
}
