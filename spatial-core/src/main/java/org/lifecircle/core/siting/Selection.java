package org.lifecircle.core.siting;

import java.util.Arrays;

/**
 * A set of chosen candidates with, per open cell, how many of them cover it and which one when only
 * one does; the state that makes marginal gains and swap deltas cheap.
 *
 * <p><b>IMPLEMENTATION NOTE.</b> {@code coverSum[i]} is the sum of the indices of the chosen
 * candidates covering cell {@code i}. When {@code coverCount[i] == 1} it is the index of the sole
 * coverer, found without a list per cell. Sums are kept in {@code int} arithmetic, which may wrap
 * around while several sites cover a cell; additions and subtractions modulo 2<sup>32</sup> still
 * return the exact index once a single coverer remains. Not thread-safe.
 */
final class Selection {
    private final CoverageRelation relation;
    final int[] coverCount;
    final int[] coverSum;
    /** Chosen candidates by position, {@code 0 … size-1}. */
    final int[] chosen;
    /** Position of each candidate in {@code chosen}, -1 when not chosen. */
    final int[] positionOf;

    int size;
    long coveredHouseholds;

    Selection(CoverageRelation relation, int capacity) {
        this.relation = relation;
        this.coverCount = new int[relation.openCount];
        this.coverSum = new int[relation.openCount];
        this.chosen = new int[capacity];
        this.positionOf = new int[relation.candidateCount];
        Arrays.fill(positionOf, -1);
    }

    /** Households of the candidate's open cells that no chosen candidate covers yet. */
    long gainOf(int candidate) {
        long gain = 0;
        int[] cells = relation.cellsOfCandidate;
        for (int p = relation.candidateStart[candidate]; p < relation.candidateStart[candidate + 1]; p++) {
            int i = cells[p];
            if (coverCount[i] == 0) {
                gain += relation.openHouseholds[i];
            }
        }
        return gain;
    }

    /** Households only the candidate at a position covers. */
    long exclusiveOf(int position) {
        int candidate = chosen[position];
        long loss = 0;
        int[] cells = relation.cellsOfCandidate;
        for (int p = relation.candidateStart[candidate]; p < relation.candidateStart[candidate + 1]; p++) {
            int i = cells[p];
            if (coverCount[i] == 1) {
                loss += relation.openHouseholds[i];
            }
        }
        return loss;
    }

    /** The sole chosen coverer of a cell covered exactly once. */
    int soleCovererOf(int cell) {
        return coverSum[cell];
    }

    /** Adds a candidate at the end; returns the households it newly covers. */
    long add(int candidate) {
        long gain = cover(candidate, +1);
        positionOf[candidate] = size;
        chosen[size++] = candidate;
        return gain;
    }

    /** Puts a candidate in the place of the one at a position. */
    void replace(int position, int candidate) {
        int out = chosen[position];
        cover(out, -1);
        positionOf[out] = -1;
        cover(candidate, +1);
        chosen[position] = candidate;
        positionOf[candidate] = position;
    }

    /** Empties the selection. */
    void clear() {
        for (int k = 0; k < size; k++) {
            cover(chosen[k], -1);
            positionOf[chosen[k]] = -1;
        }
        size = 0;
    }

    boolean isChosen(int candidate) {
        return positionOf[candidate] >= 0;
    }

    private long cover(int candidate, int sign) {
        long changed = 0;
        int[] cells = relation.cellsOfCandidate;
        for (int p = relation.candidateStart[candidate]; p < relation.candidateStart[candidate + 1]; p++) {
            int i = cells[p];
            if (sign > 0 && coverCount[i] == 0 || sign < 0 && coverCount[i] == 1) {
                changed += relation.openHouseholds[i];
            }
            coverCount[i] += sign;
            coverSum[i] += sign * candidate;
        }
        coveredHouseholds += sign * changed;
        return changed;
    }
}
