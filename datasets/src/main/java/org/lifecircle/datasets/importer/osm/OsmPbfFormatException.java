package org.lifecircle.datasets.importer.osm;

import java.io.IOException;

/**
 * An OSM PBF file that cannot be read to its end: truncated, corrupt, compressed in a way this reader
 * does not support, or needing a feature it lacks. Thrown before anything is handed to a sink.
 */
public final class OsmPbfFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public OsmPbfFormatException(String message) {
        super(message);
    }

    public OsmPbfFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
