package org.lifecircle.datasets.importer.osm;

import java.util.Arrays;

/**
 * Sums of a quantity per grid cell, keyed by cell column and row: an open-addressing hash map from
 * packed {@code long} keys to {@code double} sums, so millions of building shares add up without
 * boxing. Not thread-safe.
 */
final class CellAccumulator {
    private static final long EMPTY = Long.MIN_VALUE;
    private static final double MAX_LOAD = 0.5;

    private long[] keys = newKeys(1024);
    private double[] sums = new double[1024];
    private int size;

    static long key(int column, int row) {
        return ((long) column << 32) | (row & 0xffffffffL);
    }

    static int column(long key) {
        return (int) (key >> 32);
    }

    static int row(long key) {
        return (int) key;
    }

    void add(int column, int row, double value) {
        long key = key(column, row);
        int slot = find(keys, key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
            sums[slot] = value;
            if (size > keys.length * MAX_LOAD) {
                grow();
            }
        } else {
            sums[slot] += value;
        }
    }

    int size() {
        return size;
    }

    /** The keys in ascending order (column, then row): a deterministic output order. */
    long[] sortedKeys() {
        long[] sorted = new long[size];
        int k = 0;
        for (long key : keys) {
            if (key != EMPTY) {
                sorted[k++] = key;
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    double sum(long key) {
        int slot = find(keys, key);
        return keys[slot] == EMPTY ? 0 : sums[slot];
    }

    private static int find(long[] table, long key) {
        int mask = table.length - 1;
        int slot = (int) (mix(key) & mask);
        while (table[slot] != EMPTY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The 64-bit finaliser of MurmurHash3 (Austin Appleby), spreading nearby cells over the table. */
    private static long mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldSums = sums;
        keys = newKeys(oldKeys.length * 2);
        sums = new double[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                sums[slot] = oldSums[i];
            }
        }
    }

    private static long[] newKeys(int capacity) {
        long[] table = new long[capacity];
        Arrays.fill(table, EMPTY);
        return table;
    }
}
