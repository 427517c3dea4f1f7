package org.lifecircle.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntDoubleMinHeapTest {
    @Test
    void pollsEveryEntryInKeyOrderWhateverTheMixOfPushesAndPolls() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            IntDoubleMinHeap heap = new IntDoubleMinHeap(1 + random.nextInt(8));
            List<double[]> pending = new ArrayList<>();
            int pushes = 1 + random.nextInt(300);
            double lastPolled = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pushes; i++) {
                // Keys never below the last polled one, as in Dijkstra; duplicates on purpose.
                double key = lastPolled + (random.nextInt(4) == 0 ? 0 : random.nextInt(50));
                int item = random.nextInt(40);
                heap.push(item, key);
                pending.add(new double[] {key, item});
                if (random.nextInt(3) == 0) {
                    lastPolled = pollAndCheck(heap, pending, lastPolled);
                }
            }
            while (!heap.isEmpty()) {
                lastPolled = pollAndCheck(heap, pending, lastPolled);
            }
            assertThat(pending).isEmpty();
            heap.clear();
            assertThat(heap.size()).isZero();
        }
    }

    /** Polls one entry: its key is the least pending, and the entry was pushed. */
    private static double pollAndCheck(IntDoubleMinHeap heap, List<double[]> pending, double lastPolled) {
        double least = pending.stream().mapToDouble(e -> e[0]).min().orElseThrow();
        double key = heap.peekKey();
        int item = heap.pollMin();
        assertThat(key).isEqualTo(least).isGreaterThanOrEqualTo(lastPolled);
        int at = -1;
        for (int i = 0; i < pending.size() && at < 0; i++) {
            if (pending.get(i)[0] == key && pending.get(i)[1] == item) {
                at = i;
            }
        }
        boolean removed = at >= 0 && pending.remove(at) != null;
        assertThat(removed).as("entry %s at %s was pushed", item, key).isTrue();
        assertThat(heap.size()).isEqualTo(pending.size());
        return key;
    }

    @Test
    void growsPastItsInitialCapacity() {
        IntDoubleMinHeap heap = new IntDoubleMinHeap(1);
        double[] keys = new Random(3).doubles(1000, 0, 1e6).toArray();
        for (int i = 0; i < keys.length; i++) {
            heap.push(i, keys[i]);
        }
        Arrays.sort(keys);
        for (double key : keys) {
            assertThat(heap.peekKey()).isEqualTo(key);
            heap.pollMin();
        }
        assertThat(heap.isEmpty()).isTrue();
    }
}
