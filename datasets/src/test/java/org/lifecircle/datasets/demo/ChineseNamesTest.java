package org.lifecircle.datasets.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChineseNamesTest {
    @Test
    void numeralsReadAsWrittenInOrdinals() {
        assertThat(ChineseNames.numeral(1)).isEqualTo("一");
        assertThat(ChineseNames.numeral(10)).isEqualTo("十");
        assertThat(ChineseNames.numeral(12)).isEqualTo("十二");
        assertThat(ChineseNames.numeral(20)).isEqualTo("二十");
        assertThat(ChineseNames.numeral(105)).isEqualTo("一百零五");
        assertThat(ChineseNames.numeral(110)).isEqualTo("一百一十");
        assertThat(ChineseNames.numeral(1005)).isEqualTo("一千零五");
        assertThat(ChineseNames.numeral(1200)).isEqualTo("一千二百");
        assertThat(ChineseNames.ordinal(3)).isEqualTo("第三");
        assertThatThrownBy(() -> ChineseNames.numeral(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poolsHoldEnoughUniqueNamesForTheCity() {
        ChineseNames names = new ChineseNames(new SplittableRandom(5));
        List<String> communities = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {
            communities.add(names.nextCommunityBase());
        }
        List<String> subdistricts = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            subdistricts.add(names.nextSubdistrictBase());
        }
        assertThat(communities).doesNotHaveDuplicates().allMatch(n -> n.length() == 2);
        assertThat(subdistricts).doesNotHaveDuplicates();
    }

    @Test
    void sameSeedDrawsTheSameNames() {
        ChineseNames a = new ChineseNames(new SplittableRandom(9));
        ChineseNames b = new ChineseNames(new SplittableRandom(9));
        for (int k = 0; k < 50; k++) {
            assertThat(a.nextCommunityBase()).isEqualTo(b.nextCommunityBase());
        }
    }
}
