package org.lifecircle.core.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandardsCheckTest {

    private static StandardsCheck staffCheck(Double measured, CheckOutcome outcome) {
        return new StandardsCheck(
                StandardsCatalog.STAFF_MIN,
                null,
                measured,
                Threshold.atLeast(5),
                outcome,
                "persons",
                "members",
                "JUMIN 第八条",
                "组织法 第八条");
    }

    @Test
    void thresholdBoundsAreInclusive() {
        Threshold fiveToNine = Threshold.between(5, 9);

        assertThat(fiveToNine.admits(5)).isTrue();
        assertThat(fiveToNine.admits(9)).isTrue();
        assertThat(fiveToNine.admits(4.999)).isFalse();
        assertThat(fiveToNine.admits(9.001)).isFalse();
        assertThat(fiveToNine.admits(Double.NaN)).isFalse();
        assertThat(Threshold.atLeast(30).admits(1e12)).isTrue();
        assertThat(Threshold.atMost(5000).admits(-1)).isTrue();
    }

    @Test
    void thresholdWithoutBoundsOrReversedIsRefused() {
        assertThatThrownBy(() -> new Threshold(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Threshold.between(9, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> Threshold.atLeast(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Threshold.atMost(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outcomeFollowsFromValueAndThreshold() {
        assertThat(staffCheck(5.0, CheckOutcome.PASS).outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(staffCheck(4.0, CheckOutcome.FAIL).outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(staffCheck(null, CheckOutcome.UNKNOWN).outcome()).isEqualTo(CheckOutcome.UNKNOWN);
    }

    @Test
    void outcomeThatContradictsTheValueIsRefused() {
        assertThatThrownBy(() -> staffCheck(4.0, CheckOutcome.PASS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contradicts");
        assertThatThrownBy(() -> staffCheck(null, CheckOutcome.FAIL))
                .as("missing data is never a failure")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> staffCheck(7.0, CheckOutcome.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
    }
}
