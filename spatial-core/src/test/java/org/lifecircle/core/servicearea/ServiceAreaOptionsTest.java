package org.lifecircle.core.servicearea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceAreaOptionsTest {
    @Test
    void defaultsAreTheFiveTenFifteenMinuteLifeCirclesAtOneMetrePerSecond() {
        ServiceAreaOptions options = ServiceAreaOptions.defaults();

        assertThat(options.thresholdsMinutes()).containsExactly(5, 10, 15);
        assertThat(options.mode()).isEqualTo(ServiceAreaMode.NETWORK);
        assertThat(options.limitMetersFor(15)).isEqualTo(900);
        assertThat(options.maxLimitMeters()).isEqualTo(900);
        assertThat(options.withWalkSpeedMetersPerSecond(0.8).limitMetersFor(15)).isEqualTo(720);
    }

    @Test
    void thresholdsMustBePositiveAndStrictlyIncreasing() {
        ServiceAreaOptions defaults = ServiceAreaOptions.defaults();

        assertThatThrownBy(() -> defaults.withThresholdsMinutes(List.of(10, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> defaults.withThresholdsMinutes(List.of(0, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withThresholdsMinutes(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void speedAllowanceAndToleranceAreValidated() {
        ServiceAreaOptions defaults = ServiceAreaOptions.defaults();

        assertThatThrownBy(() -> defaults.withWalkSpeedMetersPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withWalkSpeedMetersPerSecond(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withOffNetworkAllowanceMeters(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withSimplifyToleranceMeters(50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance");
        assertThatThrownBy(() -> defaults.withMaxSnapDistanceMeters(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
