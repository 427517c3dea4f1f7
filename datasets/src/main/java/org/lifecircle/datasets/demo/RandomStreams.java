package org.lifecircle.datasets.demo;

import java.util.SplittableRandom;

/**
 * One independent random stream per generation stage, all derived from the user's seed. Giving each
 * stage its own stream means a change in how one stage draws numbers (say, one more park) does not
 * reshuffle the river, the streets and everything after it.
 */
final class RandomStreams {
    private final long seed;

    RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The stream of a stage, named so the derivation does not depend on call order. */
    SplittableRandom stream(String stage) {
        return new SplittableRandom(mix(seed ^ mix(stage.hashCode() * 0x9E3779B97F4A7C15L)));
    }

    /** The finaliser of SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", 2014). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int swap = random.nextInt(k + 1);
            int held = order[k];
            order[k] = order[swap];
            order[swap] = held;
        }
        return order;
    }
}
