package org.lifecircle.core.boundary;

import java.util.Arrays;
import java.util.Objects;

/**
 * Population cells and which cells touch, as the regionalization sees them: households, area and
 * perimeter per cell, and the shared boundary of each adjacent pair. An adjacency that crosses an
 * arterial road, a rail line, a river or a subdistrict (街道) border is a <em>hard break</em>: it
 * never holds a community together, so two cells on either side of one belong to the same
 * community only if softer links join them. A hard break is <em>crossable as a last resort</em>
 * (an arterial road) when a community cut off on all sides would otherwise stay below the minimum:
 * see {@link IslandBridges}. Rivers, rail lines and subdistrict borders are never crossable.
 *
 * <p>Adjacency is stored in compressed rows ({@code start}, {@code neighbour}), each pair once in
 * each direction with the same shared length and hardness. Immutable once built; the arrays are
 * owned by the record and must not be modified.
 *
 * @param households households per cell, {@code >= 0}
 * @param areaSquareMeters area per cell, {@code > 0}, in a metric projection
 * @param perimeterMeters perimeter per cell, {@code > 0}, in the same projection
 * @param start row starts, length n + 1
 * @param neighbour the neighbouring cell of each entry
 * @param sharedMeters length of the boundary the two cells share
 * @param hard whether the adjacency crosses a hard break
 * @param crossable whether that hard break may be crossed as a last resort (always false for a soft
 *     adjacency)
 */
public record CellGraph(
        int[] households,
        double[] areaSquareMeters,
        double[] perimeterMeters,
        int[] start,
        int[] neighbour,
        double[] sharedMeters,
        boolean[] hard,
        boolean[] crossable) {

    public CellGraph {
        Objects.requireNonNull(households, "households");
        int n = households.length;
        if (areaSquareMeters.length != n || perimeterMeters.length != n || start.length != n + 1) {
            throw new IllegalArgumentException("One household count, area, perimeter and row start per cell");
        }
        int m = start[n];
        if (neighbour.length != m || sharedMeters.length != m || hard.length != m || crossable.length != m) {
            throw new IllegalArgumentException(
                    "One neighbour, shared length, hardness and crossability per adjacency entry");
        }
        for (int i = 0; i < n; i++) {
            if (households[i] < 0 || !(areaSquareMeters[i] > 0) || !(perimeterMeters[i] > 0)) {
                throw new IllegalArgumentException(
                        "Cell " + i + " needs households >= 0 and positive area and perimeter");
            }
            if (start[i] > start[i + 1]) {
                throw new IllegalArgumentException("Row starts must not decrease");
            }
            for (int k = start[i]; k < start[i + 1]; k++) {
                if (neighbour[k] < 0 || neighbour[k] >= n || neighbour[k] == i) {
                    throw new IllegalArgumentException("Cell " + i + " has a bad neighbour " + neighbour[k]);
                }
            }
        }
    }

    /** The same cells and adjacency with other hard flags (crossability kept): a break opened or closed. */
    public CellGraph withHard(boolean[] hardFlags) {
        return new CellGraph(
                households, areaSquareMeters, perimeterMeters, start, neighbour, sharedMeters, hardFlags, crossable);
    }

    /** Number of cells. */
    public int size() {
        return households.length;
    }

    public long totalHouseholds() {
        long total = 0;
        for (int h : households) {
            total += h;
        }
        return total;
    }

    /** Builds the rows from an unordered list of pairs; each pair is given once. */
    public static Builder builder(int[] households, double[] areaSquareMeters, double[] perimeterMeters) {
        return new Builder(households, areaSquareMeters, perimeterMeters);
    }

    /** Collects adjacent pairs, then lays them out in rows. */
    public static final class Builder {
        private final int[] households;
        private final double[] area;
        private final double[] perimeter;
        private int[] a = new int[16];
        private int[] b = new int[16];
        private double[] shared = new double[16];
        private boolean[] hardPair = new boolean[16];
        private boolean[] crossablePair = new boolean[16];
        private int pairs;

        private Builder(int[] households, double[] area, double[] perimeter) {
            this.households = households.clone();
            this.area = area.clone();
            this.perimeter = perimeter.clone();
        }

        /** Cells {@code i} and {@code j} share {@code meters} of boundary; {@code hard} for a hard break. */
        public Builder adjacent(int i, int j, double meters, boolean hard) {
            return adjacent(i, j, meters, hard, false);
        }

        /** As {@link #adjacent(int, int, double, boolean)}, the break crossable as a last resort. */
        public Builder adjacent(int i, int j, double meters, boolean hard, boolean crossable) {
            if (pairs == a.length) {
                a = Arrays.copyOf(a, pairs * 2);
                b = Arrays.copyOf(b, pairs * 2);
                shared = Arrays.copyOf(shared, pairs * 2);
                hardPair = Arrays.copyOf(hardPair, pairs * 2);
                crossablePair = Arrays.copyOf(crossablePair, pairs * 2);
            }
            a[pairs] = i;
            b[pairs] = j;
            shared[pairs] = meters;
            hardPair[pairs] = hard;
            crossablePair[pairs] = hard && crossable;
            pairs++;
            return this;
        }

        public CellGraph build() {
            int n = households.length;
            int[] start = new int[n + 1];
            for (int p = 0; p < pairs; p++) {
                start[a[p] + 1]++;
                start[b[p] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                start[i + 1] += start[i];
            }
            int[] next = Arrays.copyOf(start, n);
            int[] neighbour = new int[start[n]];
            double[] sharedMeters = new double[start[n]];
            boolean[] hard = new boolean[start[n]];
            boolean[] crossable = new boolean[start[n]];
            for (int p = 0; p < pairs; p++) {
                int k = next[a[p]]++;
                neighbour[k] = b[p];
                sharedMeters[k] = shared[p];
                hard[k] = hardPair[p];
                crossable[k] = crossablePair[p];
                k = next[b[p]]++;
                neighbour[k] = a[p];
                sharedMeters[k] = shared[p];
                hard[k] = hardPair[p];
                crossable[k] = crossablePair[p];
            }
            return new CellGraph(households, area, perimeter, start, neighbour, sharedMeters, hard, crossable);
        }
    }
}
