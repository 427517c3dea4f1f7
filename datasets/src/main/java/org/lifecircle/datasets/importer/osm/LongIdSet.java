package org.lifecircle.datasets.importer.osm;

import java.util.Arrays;

/**
 * A set of OSM ids as a sorted {@code long[]}: add in any order, {@link #seal()}, then look up by
 * binary search. An index in {@code [0, size)} names each member, so parallel primitive arrays can
 * hold per-member data (coordinates of needed nodes) with no boxing. Not thread-safe while adding.
 */
final class LongIdSet {
    private long[] ids = new long[64];
    private int size;
    private boolean sealed;

    void add(long id) {
        if (sealed) {
            throw new IllegalStateException("Set is sealed");
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
    }

    void addAll(long[] values) {
        for (long value : values) {
            add(value);
        }
    }

    /** Sorts and removes duplicates; adding is over. */
    LongIdSet seal() {
        if (!sealed) {
            Arrays.sort(ids, 0, size);
            int unique = 0;
            for (int i = 0; i < size; i++) {
                if (unique == 0 || ids[i] != ids[unique - 1]) {
                    ids[unique++] = ids[i];
                }
            }
            ids = Arrays.copyOf(ids, unique);
            size = unique;
            sealed = true;
        }
        return this;
    }

    /** Index of an id, or -1 when absent; the set must be sealed. */
    int indexOf(long id) {
        if (!sealed) {
            throw new IllegalStateException("Seal the set before looking ids up");
        }
        int index = Arrays.binarySearch(ids, 0, size, id);
        return index >= 0 ? index : -1;
    }

    boolean contains(long id) {
        return indexOf(id) >= 0;
    }

    int size() {
        return size;
    }

    long idAt(int index) {
        return ids[index];
    }
}
