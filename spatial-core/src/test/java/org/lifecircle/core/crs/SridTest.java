package org.lifecircle.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SridTest {
    @Test
    void nanjingFallsInTheZoneOfCentralMeridian120() {
        assertThat(Srid.gaussKrugerZoneFor(118.78)).isEqualTo(4549);
        assertThat(Srid.centralMeridianOf(4549)).isEqualTo(120);
    }

    @Test
    void zoneEdgesMapToFirstAndLastCode() {
        assertThat(Srid.gaussKrugerZoneFor(75.0)).isEqualTo(Srid.CGCS2000_GK3_CM_FIRST);
        assertThat(Srid.gaussKrugerZoneFor(135.0)).isEqualTo(Srid.CGCS2000_GK3_CM_LAST);
        assertThatThrownBy(() -> Srid.gaussKrugerZoneFor(10.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
