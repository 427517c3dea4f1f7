package org.lifecircle.datasets.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.standards.StandardsCatalog;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Names, codes and standards facts of the communities and subdistricts.
 *
 * <p><b>Codes</b> follow the 12-digit statistical division code: {@link #COUNTY_CODE} (a county
 * number unused in Nanjing's 3201 prefecture, so fictional) + 3-digit subdistrict + 3-digit
 * community, where residents' committees count from 001 and villages from 201, as in the official
 * tables. Subdistricts and communities are numbered in north-west reading order.
 *
 * <p><b>Rural</b>: a few communities on the edge of the extent whose density is below
 * {@link #RURAL_MAX_HOUSEHOLDS_PER_CELL} become villages (…村, {@code urban = false}).
 *
 * <p><b>Facts</b> are plausible with a share deliberately failing each standard of the catalog:
 * urban office below the urban minimum, service floor area below the required m² per 100
 * households, staff outside the 5–9 range. At least one urban community fails each, for any seed.
 */
final class CommunityRegister {
    static final String COUNTY_CODE = "320199";
    static final double RURAL_MAX_HOUSEHOLDS_PER_CELL = 10.0;
    /** Share of communities that become villages, where the density allows. */
    private static final double RURAL_SHARE = 0.08;
    /** Share of communities failing each standard. */
    private static final double FAILING_SHARE = 0.15;

    private final String[] subdistrictCodes;
    private final String[] subdistrictNames;
    private final String[] communityCodes;
    private final String[] communityNames;
    private final String[] communityBases;
    private final boolean[] urban;
    private final long[] households;
    private final int[] subdistrictOfCommunity;
    private final int[] outputOrder;
    private final Double[] officeArea;
    private final Double[] serviceArea;
    private final Integer[] staff;
    private int officeFailures;
    private int serviceFailures;
    private int staffFailures;

    CommunityRegister(
            CellGrid grid,
            CommunityPartition communities,
            SubdistrictGrouping subdistricts,
            int[] householdsPerCell,
            StandardsCatalog catalog,
            SplittableRandom random) {
        int n = communities.count();
        int[] communityOfCell = communities.communityOfCell();
        this.households = new long[n];
        int[] cells = new int[n];
        long[] firstKey = new long[n];
        boolean[] onEdge = new boolean[n];
        Arrays.fill(firstKey, Long.MAX_VALUE);
        for (int index = 0; index < communityOfCell.length; index++) {
            int c = communityOfCell[index];
            if (c < 0) {
                continue;
            }
            int column = grid.columnOfCell(index);
            int row = grid.rowOfCell(index);
            households[c] += householdsPerCell[index];
            cells[c]++;
            firstKey[c] = Math.min(firstKey[c], (long) (grid.heightCells() - 1 - row) * grid.widthCells() + column);
            onEdge[c] |= column == 0 || row == 0 || column == grid.widthCells() - 1 || row == grid.heightCells() - 1;
        }
        this.subdistrictOfCommunity = new int[n];
        for (int c = 0; c < n; c++) {
            subdistrictOfCommunity[c] = subdistricts.subdistrictOf(communities.superblockOf(c));
        }

        this.urban = new boolean[n];
        Arrays.fill(urban, true);
        long[] ruralCandidates = new long[n];
        int candidateCount = 0;
        for (int c = 0; c < n; c++) {
            double density = households[c] / (double) cells[c];
            if (onEdge[c] && density < RURAL_MAX_HOUSEHOLDS_PER_CELL) {
                ruralCandidates[candidateCount++] = (long) (density * 1e6) * 65536 + c;
            }
        }
        Arrays.sort(ruralCandidates, 0, candidateCount);
        int ruralCount = (int) Math.min(candidateCount, Math.max(1, Math.round(n * RURAL_SHARE)));
        for (int k = 0; k < ruralCount; k++) {
            urban[(int) (ruralCandidates[k] % 65536)] = false;
        }

        // output order: subdistrict, then urban before rural, then north-west reading order
        long[] order = new long[n];
        for (int c = 0; c < n; c++) {
            order[c] =
                    ((long) subdistrictOfCommunity[c] << 52) | ((urban[c] ? 0L : 1L) << 51) | (firstKey[c] << 20) | c;
        }
        Arrays.sort(order);
        this.outputOrder = new int[n];
        for (int k = 0; k < n; k++) {
            outputOrder[k] = (int) (order[k] & ((1 << 20) - 1));
        }

        ChineseNames names = new ChineseNames(random);
        int subdistrictCount = subdistricts.count();
        this.subdistrictCodes = new String[subdistrictCount];
        this.subdistrictNames = new String[subdistrictCount];
        for (int s = 0; s < subdistrictCount; s++) {
            subdistrictCodes[s] = COUNTY_CODE + String.format(Locale.ROOT, "%03d", s + 1);
            subdistrictNames[s] = names.nextSubdistrictBase() + "街道";
        }
        this.communityCodes = new String[n];
        this.communityNames = new String[n];
        this.communityBases = new String[n];
        int[] nextUrban = new int[subdistrictCount];
        int[] nextRural = new int[subdistrictCount];
        for (int c : outputOrder) {
            int s = subdistrictOfCommunity[c];
            int number = urban[c] ? 1 + nextUrban[s]++ : 201 + nextRural[s]++;
            if (number > 199 && urban[c] || number > 399) {
                throw new IllegalStateException("Too many communities in subdistrict " + subdistrictCodes[s]);
            }
            communityCodes[c] = subdistrictCodes[s] + String.format(Locale.ROOT, "%03d", number);
            communityBases[c] = names.nextCommunityBase();
            communityNames[c] = communityBases[c] + (urban[c] ? "社区" : "村");
        }

        this.officeArea = new Double[n];
        this.serviceArea = new Double[n];
        this.staff = new Integer[n];
        assignFacts(catalog, random);
    }

    private void assignFacts(StandardsCatalog catalog, SplittableRandom random) {
        double officeMin = catalog.value(StandardsCatalog.OFFICE_AREA_URBAN_MIN);
        double perHundred = catalog.value(StandardsCatalog.SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS);
        int staffMin = (int) catalog.value(StandardsCatalog.STAFF_MIN);
        int staffMax = (int) catalog.value(StandardsCatalog.STAFF_MAX);
        List<Integer> urbanIds = new ArrayList<>();
        for (int c : outputOrder) {
            boolean failOffice = random.nextDouble() < FAILING_SHARE;
            boolean failService = random.nextDouble() < FAILING_SHARE;
            boolean failStaff = random.nextDouble() < FAILING_SHARE;
            double officeDraw = random.nextDouble();
            double serviceDraw = random.nextDouble();
            int staffDraw = random.nextInt(1 << 20);
            double required = households[c] / 100.0 * perHundred;
            if (urban[c]) {
                urbanIds.add(c);
                officeArea[c] = (double) Math.round(
                        failOffice ? officeMin * (0.4 + 0.55 * officeDraw) : officeMin * (1.02 + 0.8 * officeDraw));
            } else {
                // the urban minimum does not bind villages
                officeArea[c] = (double) Math.round(150 + 300 * officeDraw);
            }
            serviceArea[c] = (double) Math.round(
                    failService
                            ? required * (0.4 + 0.5 * serviceDraw)
                            : Math.max(60, required * (1.05 + 1.6 * serviceDraw)));
            int range = staffMax - staffMin + 1;
            staff[c] = failStaff
                    ? (staffDraw % 2 == 0
                            ? Math.max(1, staffMin - 1 - staffDraw / 2 % 2)
                            : staffMax + 1 + staffDraw / 2 % 3)
                    : staffMin + staffDraw % range;
        }
        if (!urbanIds.isEmpty()) {
            int forced = urbanIds.get(random.nextInt(urbanIds.size()));
            if (urbanIds.stream().noneMatch(c -> officeArea[c] < officeMin)) {
                officeArea[forced] = (double) Math.round(officeMin * 0.6);
            }
            if (urbanIds.stream().noneMatch(c -> serviceArea[c] < households[c] / 100.0 * perHundred)) {
                serviceArea[forced] = (double) Math.round(households[forced] / 100.0 * perHundred * 0.5);
            }
            if (urbanIds.stream().noneMatch(c -> staff[c] < staffMin || staff[c] > staffMax)) {
                staff[forced] = staffMin - 2;
            }
        }
        for (int c : outputOrder) {
            officeFailures += urban[c] && officeArea[c] < officeMin ? 1 : 0;
            serviceFailures += serviceArea[c] < households[c] / 100.0 * perHundred ? 1 : 0;
            staffFailures += staff[c] < staffMin || staff[c] > staffMax ? 1 : 0;
        }
    }

    /** The communities as domain rows in code order; {@code outlines} is indexed by community id. */
    List<Community> communities(MultiPolygon[] outlines) {
        List<Community> rows = new ArrayList<>(outputOrder.length);
        for (int c : outputOrder) {
            int s = subdistrictOfCommunity[c];
            rows.add(new Community(
                    communityCodes[c],
                    communityNames[c],
                    subdistrictCodes[s],
                    subdistrictNames[s],
                    urban[c],
                    outlines[c],
                    officeArea[c],
                    serviceArea[c],
                    staff[c]));
        }
        return Collections.unmodifiableList(rows);
    }

    /** Community ids in output (code) order. */
    int[] outputOrder() {
        return outputOrder.clone();
    }

    String communityCode(int community) {
        return communityCodes[community];
    }

    String communityBase(int community) {
        return communityBases[community];
    }

    boolean isUrban(int community) {
        return urban[community];
    }

    long households(int community) {
        return households[community];
    }

    int subdistrictOf(int community) {
        return subdistrictOfCommunity[community];
    }

    int subdistrictCount() {
        return subdistrictCodes.length;
    }

    String subdistrictCode(int subdistrict) {
        return subdistrictCodes[subdistrict];
    }

    String subdistrictName(int subdistrict) {
        return subdistrictNames[subdistrict];
    }

    int officeAreaFailures() {
        return officeFailures;
    }

    int serviceAreaFailures() {
        return serviceFailures;
    }

    int staffFailures() {
        return staffFailures;
    }
}
