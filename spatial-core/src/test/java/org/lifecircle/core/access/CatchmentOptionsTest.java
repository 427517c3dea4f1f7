package org.lifecircle.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CatchmentOptionsTest {
    @Test
    void binaryWeighsEveryoneInsideTheCatchmentFullyAndNobodyBeyond() {
        CatchmentOptions options = CatchmentOptions.binary(500);

        assertThat(options.weightAt(0)).isEqualTo(1);
        assertThat(options.weightAt(500)).isEqualTo(1);
        assertThat(options.weightAt(500.001)).isZero();
        assertThat(options.weightAt(Double.POSITIVE_INFINITY)).isZero();
        assertThat(options.weightAt(Double.NaN)).isZero();
    }

    @Test
    void stepwiseWeightIsTheWeightOfTheZoneHoldingTheDistanceWithBoundsInTheInnerZone() {
        CatchmentOptions options = CatchmentOptions.stepwise(new double[] {300, 600, 900}, new double[] {1, 0.6, 0.2});

        assertThat(options.catchmentMeters()).isEqualTo(900);
        assertThat(options.weightAt(0)).isEqualTo(1);
        assertThat(options.weightAt(300)).isEqualTo(1);
        assertThat(options.weightAt(300.5)).isEqualTo(0.6);
        assertThat(options.weightAt(600)).isEqualTo(0.6);
        assertThat(options.weightAt(899)).isEqualTo(0.2);
        assertThat(options.weightAt(900)).isEqualTo(0.2);
        assertThat(options.weightAt(901)).isZero();
    }

    @Test
    void luoQiWeightsSplitTheCatchmentIntoThreeEqualZones() {
        CatchmentOptions options = CatchmentOptions.luoQiStepwise(900);

        assertThat(options.zoneUpperBoundsMeters()).containsExactly(300, 600, 900);
        assertThat(options.zoneWeights()).containsExactly(1.00, 0.68, 0.22);
        assertThat(options.weightAt(450)).isEqualTo(0.68);
    }

    @Test
    void gaussianWeightIsOneAtTheFacilityZeroAtTheCatchmentAndFallsInBetween() {
        CatchmentOptions options = CatchmentOptions.gaussian(800);

        assertThat(options.weightAt(0)).isCloseTo(1, within(1e-15));
        assertThat(options.weightAt(800)).isCloseTo(0, within(1e-15));
        double half = (Math.exp(-0.125) - Math.exp(-0.5)) / (1 - Math.exp(-0.5));
        assertThat(options.weightAt(400)).isCloseTo(half, within(1e-15));
        assertThat(options.weightAt(200)).isGreaterThan(options.weightAt(400));
        assertThat(options.weightAt(801)).isZero();
    }

    @Test
    void stepwiseZonesMustIncreaseEndAtTheCatchmentAndNeverWeighFartherMore() {
        assertThatThrownBy(() -> CatchmentOptions.stepwise(new double[] {300, 300}, new double[] {1, 0.5}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatchmentOptions.stepwise(new double[] {300, 600}, new double[] {0.5, 0.8}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatchmentOptions.stepwise(new double[] {300, 600}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatchmentOptions.stepwise(new double[] {300, 600}, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CatchmentOptions(
                        DistanceDecay.STEPWISE, 700, new double[] {300, 600}, new double[] {1, 0.5}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CatchmentOptions(DistanceDecay.BINARY, 700, new double[] {700}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatchmentOptions.binary(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zoneArraysAreCopiedInAndOut() {
        double[] bounds = {300, 600};
        CatchmentOptions options = CatchmentOptions.stepwise(bounds, new double[] {1, 0.5});
        bounds[0] = 100;
        options.zoneUpperBoundsMeters()[1] = 1;

        assertThat(options.zoneUpperBoundsMeters()).containsExactly(300, 600);
        assertThat(options).isEqualTo(CatchmentOptions.stepwise(new double[] {300, 600}, new double[] {1, 0.5}));
    }
}
