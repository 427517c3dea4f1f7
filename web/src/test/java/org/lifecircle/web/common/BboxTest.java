package org.lifecircle.web.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BboxTest {
    @Test
    void fourOrderedNumbersParse() {
        assertThat(Bbox.parse(" 118.76, 32.03,118.80 ,32.06")).isEqualTo(new Bbox(118.76, 32.03, 118.80, 32.06));
    }

    @Test
    void eachMalformedFormIsRefusedWithItsReason() {
        assertThatThrownBy(() -> Bbox.parse(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> Bbox.parse("1,2,3")).hasMessageContaining("got 3");
        assertThatThrownBy(() -> Bbox.parse("1,x,3,4")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> Bbox.parse("1,2,Infinity,4")).hasMessageContaining("finite");
        assertThatThrownBy(() -> Bbox.parse("3,2,1,4")).hasMessageContaining("min must be below max");
        assertThatThrownBy(() -> Bbox.parse("1,2,1,4")).hasMessageContaining("min must be below max");
        assertThatThrownBy(() -> Bbox.parse("1,-91,2,4")).hasMessageContaining("latitude");
    }

    @Test
    void optionalBboxMayBeAbsent() {
        assertThat(Bbox.parseOptional("")).isNull();
        assertThat(Bbox.parseOptional(null)).isNull();
    }
}
