package org.lifecircle.core.graph;

import java.util.Arrays;

/**
 * Indexed binary min-heap of int items (graph nodes) keyed by double, with decrease-key.
 *
 * <p>Each item is in the heap at most once, so the arrays are sized by the item range and never grow.
 * {@code positions[item]} is the item's slot or -1; it is reset to -1 when the item is polled, so
 * a heap that has been drained is clean again without touching the whole array. Not thread-safe.
 */
final class IntDoubleMinHeap {
    private final int[] items;
    private final double[] keys;
    private final int[] positions;
    private int size;

    IntDoubleMinHeap(int itemCount) {
        items = new int[itemCount];
        keys = new double[itemCount];
        positions = new int[itemCount];
        Arrays.fill(positions, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Inserts an item or lowers its key; a higher key for a queued item is ignored. */
    void insertOrDecrease(int item, double key) {
        int slot = positions[item];
        if (slot < 0) {
            slot = size++;
            items[slot] = item;
            keys[slot] = key;
            positions[item] = slot;
            siftUp(slot);
        } else if (key < keys[slot]) {
            keys[slot] = key;
            siftUp(slot);
        }
    }

    double peekKey() {
        return keys[0];
    }

    /** Removes and returns the item with the smallest key; the heap must not be empty. */
    int pollMin() {
        int min = items[0];
        positions[min] = -1;
        size--;
        if (size > 0) {
            items[0] = items[size];
            keys[0] = keys[size];
            positions[items[0]] = 0;
            siftDown(0);
        }
        return min;
    }

    /** Empties the heap touching only the queued items. */
    void clear() {
        for (int i = 0; i < size; i++) {
            positions[items[i]] = -1;
        }
        size = 0;
    }

    private void siftUp(int slot) {
        int item = items[slot];
        double key = keys[slot];
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            move(parent, slot);
            slot = parent;
        }
        place(item, key, slot);
    }

    private void siftDown(int slot) {
        int item = items[slot];
        double key = keys[slot];
        int half = size >>> 1;
        while (slot < half) {
            int child = 2 * slot + 1;
            int right = child + 1;
            if (right < size && keys[right] < keys[child]) {
                child = right;
            }
            if (key <= keys[child]) {
                break;
            }
            move(child, slot);
            slot = child;
        }
        place(item, key, slot);
    }

    private void move(int from, int to) {
        items[to] = items[from];
        keys[to] = keys[from];
        positions[items[to]] = to;
    }

    private void place(int item, double key, int slot) {
        items[slot] = item;
        keys[slot] = key;
        positions[item] = slot;
    }
}
