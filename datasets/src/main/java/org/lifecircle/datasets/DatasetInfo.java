package org.lifecircle.datasets;

import java.util.Objects;

/**
 * What a dataset is.
 *
 * @param name short name, e.g. {@code demo-town}
 * @param source provenance written to each row's source column, e.g. {@code demo:town:42}
 * @param description one line for people
 */
public record DatasetInfo(String name, String source, String description) {
    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }
}
