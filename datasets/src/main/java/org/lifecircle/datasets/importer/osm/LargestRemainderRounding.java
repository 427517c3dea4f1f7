package org.lifecircle.datasets.importer.osm;

import java.util.Arrays;

/**
 * Whole numbers proportional to weights that add up exactly to a given total: the largest
 * remainder (Hamilton) method. Each share gets the integer part of its quota {@code total × w_i /
 * Σw}; the units left over go one each to the shares with the largest fractional parts, ties to the
 * lower index so the result is deterministic. Every share ends within one of its quota, and rounding
 * never changes the total.
 *
 * <p>Source: M. L. Balinski and H. P. Young, <i>Fair Representation: Meeting the Ideal of One Man,
 * One Vote</i>, Yale University Press, 1982, ch. 2 (Hamilton's method). O(n log n); stateless and
 * thread-safe.
 */
public final class LargestRemainderRounding {
    private LargestRemainderRounding() {}

    /**
     * @param weights non-negative finite weights; their sum must be positive unless {@code total} is 0
     * @param total the sum of the result, in [0, {@link Integer#MAX_VALUE}]
     * @return one whole number per weight, summing to {@code total}; zero weights get zero
     * @throws IllegalArgumentException on a negative or non-finite weight, a total out of range, or
     *     all-zero weights with a positive total
     */
    public static int[] apportion(double[] weights, long total) {
        if (total < 0 || total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Total must be in [0, " + Integer.MAX_VALUE + "]: " + total);
        }
        double sum = 0;
        for (double weight : weights) {
            if (!(weight >= 0 && Double.isFinite(weight))) {
                throw new IllegalArgumentException("Weights must be finite and non-negative: " + weight);
            }
            sum += weight;
        }
        int[] shares = new int[weights.length];
        if (total == 0) {
            return shares;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("Cannot apportion " + total + " over weights that are all zero");
        }
        double[] remainders = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double quota = total * (weights[i] / sum);
            int whole = (int) Math.min(Math.floor(quota), total);
            shares[i] = whole;
            remainders[i] = quota - whole;
            assigned += whole;
        }
        long left = total - assigned;
        if (left != 0) {
            Integer[] order = new Integer[weights.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int byRemainder = Double.compare(remainders[b], remainders[a]);
                return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
            });
            // Exact arithmetic leaves fewer units than shares; floating-point quotas may leave one
            // more or one less, so both loops cycle and skip shares that cannot take or give a unit.
            for (int k = 0; left > 0; k = (k + 1) % order.length) {
                if (weights[order[k]] > 0) {
                    shares[order[k]]++;
                    left--;
                }
            }
            for (int k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
                if (shares[order[k]] > 0) {
                    shares[order[k]]--;
                    left++;
                }
            }
        }
        return shares;
    }
}
