package org.lifecircle.web.importer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The importers there are, by kind. */
@Component
public class Importers {
    /** Kinds the interfaces accept; one without an importer bean is "not available yet". */
    static final List<String> KINDS = List.of("osm", "communities", "facilities", "population");

    private final Map<String, Importer> byKind = new TreeMap<>();

    Importers(List<Importer> importers) {
        for (Importer importer : importers) {
            if (byKind.put(importer.kind(), importer) != null) {
                throw new IllegalStateException("Two importers for " + importer.kind());
            }
        }
    }

    /**
     * @throws BadImportOptionException (option {@code kind}) for an unknown kind or one whose importer
     *     is not available
     */
    public Importer find(String kind) {
        Importer importer = byKind.get(kind);
        if (importer != null) {
            return importer;
        }
        if (KINDS.contains(kind)) {
            throw new BadImportOptionException(
                    "kind",
                    "The " + kind + " import is not available yet; available: " + String.join(", ", byKind.keySet()));
        }
        throw new BadImportOptionException(
                "kind", "Unknown import kind '" + kind + "'; kinds: " + String.join(", ", KINDS));
    }
}
