package org.lifecircle.core.siting;

/**
 * Binary max-heap of candidate indices keyed by a (possibly stale) marginal gain, ordered by gain
 * descending and then candidate index ascending, so the lazy greedy breaks ties exactly like the
 * plain one. Arrays are sized for all candidates once; an item is in the heap at most once because
 * the lazy greedy pops before it pushes back. Not thread-safe.
 */
final class GainHeap {
    private final int[] items;
    private final long[] keys;
    private int size;

    GainHeap(int capacity) {
        items = new int[capacity];
        keys = new long[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int peekItem() {
        return items[0];
    }

    long peekKey() {
        return keys[0];
    }

    void push(int item, long key) {
        int slot = size++;
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (!before(item, key, items[parent], keys[parent])) {
                break;
            }
            items[slot] = items[parent];
            keys[slot] = keys[parent];
            slot = parent;
        }
        items[slot] = item;
        keys[slot] = key;
    }

    /** Removes the top item; the heap must not be empty. */
    int poll() {
        int top = items[0];
        size--;
        if (size > 0) {
            int item = items[size];
            long key = keys[size];
            int slot = 0;
            int half = size >>> 1;
            while (slot < half) {
                int child = 2 * slot + 1;
                int right = child + 1;
                if (right < size && before(items[right], keys[right], items[child], keys[child])) {
                    child = right;
                }
                if (!before(items[child], keys[child], item, key)) {
                    break;
                }
                items[slot] = items[child];
                keys[slot] = keys[child];
                slot = child;
            }
            items[slot] = item;
            keys[slot] = key;
        }
        return top;
    }

    /** Whether (a, keyA) comes out before (b, keyB): larger gain first, then smaller index. */
    static boolean before(int a, long keyA, int b, long keyB) {
        return keyA > keyB || (keyA == keyB && a < b);
    }
}
