package org.lifecircle.datasets.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic, unique Chinese place names from syllable lists: community bases such as 梅园 or
 * 长乐 (then 梅园社区, 长乐村), subdistrict bases such as 玄淮 (then 玄淮街道), and ordinal
 * numerals for 第三小学. Names are drawn without replacement from a seeded shuffle of all
 * two-character combinations, so the same seed always yields the same names and no name repeats.
 *
 * <p>The community pool holds {@code 48 × 42 − doubles ≈ 2,000} names, enough for the city's
 * ≈ 1,250 communities; the subdistrict pool ≈ 600 names for its ≈ 150 subdistricts.
 */
final class ChineseNames {
    private static final String COMMUNITY_FIRST = "梅长青兴和安翠金丰春银柳松桂荷明新永福瑞清紫枫双北南东西嘉华龙凤宁康泰盛德仁文秀玉锦云月星阳芳桃溪";
    private static final String COMMUNITY_SECOND = "园乐石隆平居竹桥泽江苑岸涛花塘珠华安寿丰风林湖岭山河溪湾坊里庄门港亭台坡桥洲浦堤井巷城";
    private static final String SUBDISTRICT_FIRST = "玄秦鼓建雨栖浦六溧高仙汤燕尧马孝迈红锁光朝夫莫淳";
    private static final String SUBDISTRICT_SECOND = "武淮楼邺宁霞口合水林化陵群皋墅岗桥集镇埠圩";
    private static final String DIGITS = "零一二三四五六七八九";

    private final List<String> communityBases;
    private final List<String> subdistrictBases;
    private int nextCommunity;
    private int nextSubdistrict;

    ChineseNames(SplittableRandom random) {
        this.communityBases = shuffledPairs(COMMUNITY_FIRST, COMMUNITY_SECOND, random);
        this.subdistrictBases = shuffledPairs(SUBDISTRICT_FIRST, SUBDISTRICT_SECOND, random);
    }

    private static List<String> shuffledPairs(String first, String second, SplittableRandom random) {
        List<String> pairs = new ArrayList<>();
        for (int a = 0; a < first.length(); a++) {
            for (int b = 0; b < second.length(); b++) {
                String name = "" + first.charAt(a) + second.charAt(b);
                if (first.charAt(a) != second.charAt(b) && !pairs.contains(name)) {
                    pairs.add(name);
                }
            }
        }
        int[] order = RandomStreams.permutation(pairs.size(), random);
        List<String> shuffled = new ArrayList<>(pairs.size());
        for (int k : order) {
            shuffled.add(pairs.get(k));
        }
        return shuffled;
    }

    /** The next unused community base name, e.g. 梅园; append 社区 or 村. */
    String nextCommunityBase() {
        if (nextCommunity >= communityBases.size()) {
            throw new IllegalStateException("Community name pool exhausted after " + nextCommunity + " names");
        }
        return communityBases.get(nextCommunity++);
    }

    /** The next unused subdistrict base name, e.g. 玄淮; append 街道. */
    String nextSubdistrictBase() {
        if (nextSubdistrict >= subdistrictBases.size()) {
            throw new IllegalStateException("Subdistrict name pool exhausted after " + nextSubdistrict + " names");
        }
        return subdistrictBases.get(nextSubdistrict++);
    }

    /** Chinese numeral for 1 ≤ n ≤ 9999 as used in ordinals: 三, 十二, 二十, 一百零五, 一千二百. */
    static String numeral(int n) {
        if (n < 1 || n > 9999) {
            throw new IllegalArgumentException("Numeral out of range 1..9999: " + n);
        }
        String[] units = {"千", "百", "十", ""};
        int[] values = {1000, 100, 10, 1};
        StringBuilder text = new StringBuilder();
        boolean pendingZero = false;
        for (int k = 0; k < 4; k++) {
            int digit = n / values[k] % 10;
            if (digit == 0) {
                pendingZero = text.length() > 0;
                continue;
            }
            if (pendingZero) {
                text.append('零');
                pendingZero = false;
            }
            boolean bareTen = k == 2 && digit == 1 && text.length() == 0;
            if (!bareTen) {
                text.append(DIGITS.charAt(digit));
            }
            text.append(units[k]);
        }
        return text.toString();
    }

    /** 第 + numeral: 第三, 第十二. */
    static String ordinal(int n) {
        return "第" + numeral(n);
    }
}
