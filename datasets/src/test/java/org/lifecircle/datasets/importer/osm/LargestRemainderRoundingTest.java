package org.lifecircle.datasets.importer.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LargestRemainderRoundingTest {

    @Test
    void leftoverUnitsGoToTheLargestRemainders() {
        // Quotas 1.4, 2.35, 3.25 → floors 1, 2, 3; one unit left goes to the 0.4 remainder.
        assertThat(LargestRemainderRounding.apportion(new double[] {1.4, 2.35, 3.25}, 7))
                .containsExactly(2, 2, 3);
    }

    @Test
    void tiesGoToTheLowerIndex() {
        assertThat(LargestRemainderRounding.apportion(new double[] {1, 1, 1}, 2))
                .containsExactly(1, 1, 0);
    }

    @Test
    void zeroWeightsGetNothingAndTheTotalIsKept() {
        assertThat(LargestRemainderRounding.apportion(new double[] {0, 0.2, 0, 0.2}, 3))
                .containsExactly(0, 2, 0, 1);
    }

    @Test
    void randomWeightsKeepTheTotalAndStayWithinOneOfTheQuota() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] weights = random.doubles(1 + random.nextInt(60), 0, 10).toArray();
            long total = random.nextInt(5_000);
            int[] shares = LargestRemainderRounding.apportion(weights, total);
            assertThat(Arrays.stream(shares).asLongStream().sum()).isEqualTo(total);
            double sum = Arrays.stream(weights).sum();
            for (int i = 0; i < weights.length; i++) {
                assertThat(Math.abs(shares[i] - total * weights[i] / sum)).isLessThan(1.0);
            }
        }
    }

    @Test
    void invalidInputsAreRejected() {
        assertThatThrownBy(() -> LargestRemainderRounding.apportion(new double[] {-1}, 1))
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> LargestRemainderRounding.apportion(new double[] {0, 0}, 1))
                .hasMessageContaining("all zero");
        assertThatThrownBy(() -> LargestRemainderRounding.apportion(new double[] {1}, -1))
                .hasMessageContaining("Total");
        assertThat(LargestRemainderRounding.apportion(new double[] {0, 0}, 0)).containsExactly(0, 0);
    }
}
