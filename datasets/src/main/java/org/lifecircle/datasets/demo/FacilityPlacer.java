package org.lifecircle.datasets.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.standards.FacilityTypeSpec;
import org.lifecircle.core.standards.LifeCircleLevel;
import org.lifecircle.core.standards.Range;
import org.lifecircle.core.standards.StandardsCatalog;
import org.locationtech.jts.geom.Coordinate;

/**
 * Puts facilities of every catalog type near street nodes, in proportion to households, with
 * deliberate gaps.
 *
 * <p><b>How many.</b> One facility per {@code mean population of the type's life circle / persons
 * per household} households (≈ 3,200 for 5-minute types, ≈ 7,600 for 10-minute, ≈ 28,600 for
 * 15-minute), counted per subdistrict and at least one each: densities come from the catalog, not
 * from a list of types.
 *
 * <p><b>Where.</b> A household-weighted k-means (Lloyd, a fixed six rounds from quantile seeds) over
 * the subdistrict's populated cells gives the centres; each facility goes into the nearest unused
 * populated cell, a few tens of metres inside it from its corner on the street network. So no
 * facility stands on the river or the rail, and every facility lies in a community of its
 * subdistrict.
 *
 * <p><b>Gaps.</b> About one subdistrict in ten (at least one) lacks two randomly chosen types;
 * {@link #gaps()} lists them as known answers for coverage analyses. Every type still has
 * facilities elsewhere.
 *
 * <p>Floor areas are drawn within the catalog's {@code floorAreaSquareMeters} range where it gives
 * one (otherwise {@code null}); capacities follow {@link #CAPACITY_RULES} where a plausible rule is
 * known for the type code (otherwise {@code null}).
 */
final class FacilityPlacer {
    private static final int KMEANS_ROUNDS = 6;
    private static final double GAP_SUBDISTRICT_SHARE = 0.1;
    private static final int GAP_TYPES_PER_SUBDISTRICT = 2;
    /** Facilities sit this far (plus up to 20 m) inside their cell from the street corner. */
    private static final double STREET_SETBACK_METERS = 15.0;

    /** Places per household served, clamped and rounded; per type code, plausible for a demo. */
    record CapacityRule(double placesPerHousehold, int minimum, int maximum, int roundTo) {
        int capacityFor(long householdsServed) {
            double raw = Math.max(minimum, Math.min(maximum, householdsServed * placesPerHousehold));
            return (int) (Math.round(raw / roundTo) * roundTo);
        }
    }

    enum NameStyle {
        /** 梅园社区服务站: the base name of the community it stands in. */
        COMMUNITY,
        /** 玄淮街道社区卫生服务中心: the name of its subdistrict. */
        SUBDISTRICT,
        /** 第三小学: numbered across the city. */
        ORDINAL
    }

    /** Only looked up by code, never iterated, so ordering does not matter. */
    static final Map<String, CapacityRule> CAPACITY_RULES = Map.of(
            "kindergarten", new CapacityRule(0.09, 90, 450, 30),
            "primary_school", new CapacityRule(0.2, 540, 2700, 45),
            "middle_school", new CapacityRule(0.08, 600, 2000, 50),
            "elderly_day_care", new CapacityRule(0.008, 20, 80, 5),
            "community_health_centre", new CapacityRule(0.0015, 20, 60, 5),
            "emergency_shelter", new CapacityRule(0.8, 500, 10000, 100));

    static final Map<String, NameStyle> NAME_STYLES = Map.of(
            "primary_school", NameStyle.ORDINAL,
            "middle_school", NameStyle.ORDINAL);

    /** A subdistrict deliberately left without a facility type. */
    record Gap(int subdistrict, String typeCode) {}

    private final List<Facility> facilities = new ArrayList<>();
    private final Map<String, Integer> countsByType = new LinkedHashMap<>();
    private final List<Gap> gaps = new ArrayList<>();

    FacilityPlacer(
            CellGrid grid,
            GridCornerProjection projection,
            StreetNetwork network,
            CommunityPartition communities,
            CommunityRegister register,
            int[] householdsPerCell,
            StandardsCatalog catalog,
            String source,
            SplittableRandom random) {
        int subdistricts = register.subdistrictCount();
        int[] communityOfCell = communities.communityOfCell();
        List<List<Integer>> populated = new ArrayList<>();
        long[] subdistrictHouseholds = new long[subdistricts];
        for (int s = 0; s < subdistricts; s++) {
            populated.add(new ArrayList<>());
        }
        for (int index = 0; index < communityOfCell.length; index++) {
            if (communityOfCell[index] >= 0 && householdsPerCell[index] > 0) {
                int s = register.subdistrictOf(communityOfCell[index]);
                populated.get(s).add(index);
                subdistrictHouseholds[s] += householdsPerCell[index];
            }
        }
        List<String> typeCodes = new ArrayList<>(catalog.facilityTypes().keySet());
        if (subdistricts > 1) {
            int gapCount = (int) Math.max(1, Math.round(subdistricts * GAP_SUBDISTRICT_SHARE));
            int[] subdistrictOrder = RandomStreams.permutation(subdistricts, random);
            for (int g = 0; g < gapCount; g++) {
                int[] typeOrder = RandomStreams.permutation(typeCodes.size(), random);
                for (int t = 0; t < Math.min(GAP_TYPES_PER_SUBDISTRICT, typeCodes.size()); t++) {
                    gaps.add(new Gap(subdistrictOrder[g], typeCodes.get(typeOrder[t])));
                }
            }
            gaps.sort((a, b) -> a.subdistrict() != b.subdistrict()
                    ? Integer.compare(a.subdistrict(), b.subdistrict())
                    : Integer.compare(typeCodes.indexOf(a.typeCode()), typeCodes.indexOf(b.typeCode())));
        }

        double personsPerHousehold = catalog.value(StandardsCatalog.PERSONS_PER_HOUSEHOLD);
        Set<String> usedNames = new HashSet<>();
        for (String code : typeCodes) {
            FacilityTypeSpec spec = catalog.facilityType(code);
            LifeCircleLevel level = catalog.lifeCircles().get(spec.lifeCircle());
            double householdsPerFacility =
                    (level.population().min() + level.population().max()) / 2 / personsPerHousehold;
            NameStyle style = NAME_STYLES.getOrDefault(
                    code, level.walkMinutes() >= 15 ? NameStyle.SUBDISTRICT : NameStyle.COMMUNITY);
            String[] alternatives = spec.nameZh().split("或");
            int placed = 0;
            for (int s = 0; s < subdistricts; s++) {
                if (gaps.contains(new Gap(s, code)) || populated.get(s).isEmpty()) {
                    continue;
                }
                int[] cells =
                        populated.get(s).stream().mapToInt(Integer::intValue).toArray();
                int k = (int) Math.max(
                        1, Math.min(cells.length, Math.round(subdistrictHouseholds[s] / householdsPerFacility)));
                long[] served = new long[k];
                int[] sites = siteCells(grid, cells, householdsPerCell, k, served);
                for (int q = 0; q < k; q++) {
                    int site = sites[q];
                    int community = communityOfCell[site];
                    String typeName = alternatives[random.nextInt(alternatives.length)];
                    String name = switch (style) {
                        case ORDINAL -> ChineseNames.ordinal(placed + 1) + typeName;
                        case SUBDISTRICT -> register.subdistrictName(s) + typeName;
                        case COMMUNITY -> register.communityBase(community) + typeName;
                    };
                    for (int copy = 2; !usedNames.add(name); copy++) {
                        String prefix = style == NameStyle.SUBDISTRICT
                                ? register.subdistrictName(s)
                                : register.communityBase(community);
                        name = prefix + ChineseNames.ordinal(copy) + typeName;
                    }
                    Range floor = spec.floorAreaSquareMeters();
                    Double floorArea = floor == null
                            ? null
                            : (double) Math.round(floor.min() + (floor.max() - floor.min()) * random.nextDouble());
                    CapacityRule rule = CAPACITY_RULES.get(code);
                    Integer capacity = rule == null ? null : rule.capacityFor(served[q]);
                    Coordinate location = pointNearStreet(grid, projection, network, site, random);
                    facilities.add(new Facility(
                            code,
                            name,
                            projection.geometryFactory().createPoint(location),
                            floorArea,
                            capacity,
                            source));
                    placed++;
                }
            }
            countsByType.put(code, placed);
        }
    }

    /** Weighted k-means over cells; returns one distinct cell per centre and fills households served. */
    private static int[] siteCells(CellGrid grid, int[] cells, int[] households, int k, long[] served) {
        int n = cells.length;
        double[] x = new double[n];
        double[] y = new double[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            x[i] = grid.columnOfCell(cells[i]) + 0.5;
            y[i] = grid.rowOfCell(cells[i]) + 0.5;
            total += households[cells[i]];
        }
        double[] cx = new double[k];
        double[] cy = new double[k];
        long running = 0;
        int q = 0;
        for (int i = 0; i < n && q < k; i++) {
            running += households[cells[i]];
            if (running * k >= (2L * q + 1) * total / 2) {
                cx[q] = x[i];
                cy[q++] = y[i];
            }
        }
        for (; q < k; q++) {
            cx[q] = x[n - 1];
            cy[q] = y[n - 1];
        }
        int[] assignment = new int[n];
        for (int round = 0; round <= KMEANS_ROUNDS; round++) {
            double[] sumX = new double[k];
            double[] sumY = new double[k];
            double[] weight = new double[k];
            Arrays.fill(served, 0);
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestDistance = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double d = (x[i] - cx[c]) * (x[i] - cx[c]) + (y[i] - cy[c]) * (y[i] - cy[c]);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = c;
                    }
                }
                assignment[i] = best;
                double w = households[cells[i]];
                sumX[best] += w * x[i];
                sumY[best] += w * y[i];
                weight[best] += w;
                served[best] += households[cells[i]];
            }
            if (round < KMEANS_ROUNDS) {
                for (int c = 0; c < k; c++) {
                    if (weight[c] > 0) {
                        cx[c] = sumX[c] / weight[c];
                        cy[c] = sumY[c] / weight[c];
                    }
                }
            }
        }
        boolean[] taken = new boolean[n];
        int[] sites = new int[k];
        for (int c = 0; c < k; c++) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                double d = (x[i] - cx[c]) * (x[i] - cx[c]) + (y[i] - cy[c]) * (y[i] - cy[c]);
                if (!taken[i] && d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            taken[best] = true;
            sites[c] = cells[best];
        }
        return sites;
    }

    /** A point inside the cell, set back from its first corner that is a street node (else its south-west corner). */
    private static Coordinate pointNearStreet(
            CellGrid grid, GridCornerProjection projection, StreetNetwork network, int cell, SplittableRandom random) {
        int column = grid.columnOfCell(cell);
        int row = grid.rowOfCell(cell);
        int[][] corners = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        int[] chosen = corners[0];
        for (int[] corner : corners) {
            if (network.isNode(grid.cornerIndex(column + corner[0], row + corner[1]))) {
                chosen = corner;
                break;
            }
        }
        double dx = STREET_SETBACK_METERS + 20 * random.nextDouble();
        double dy = STREET_SETBACK_METERS + 20 * random.nextDouble();
        double xMeters = (column + chosen[0]) * CellGrid.CELL_SIZE_METERS + (chosen[0] == 0 ? dx : -dx);
        double yMeters = (row + chosen[1]) * CellGrid.CELL_SIZE_METERS + (chosen[1] == 0 ? dy : -dy);
        return projection.project(xMeters, yMeters);
    }

    List<Facility> facilities() {
        return Collections.unmodifiableList(facilities);
    }

    /** Facilities per type code, in catalog order. */
    Map<String, Integer> countsByType() {
        return Collections.unmodifiableMap(countsByType);
    }

    List<Gap> gaps() {
        return Collections.unmodifiableList(gaps);
    }
}
