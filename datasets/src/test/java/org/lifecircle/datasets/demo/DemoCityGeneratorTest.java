package org.lifecircle.datasets.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lifecircle.core.crs.Srid;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.BarrierKind;
import org.lifecircle.core.domain.Community;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.RecordingSink;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Dimension;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

class DemoCityGeneratorTest {
    private static final StandardsCatalog CATALOG = StandardsCatalog.national();

    /** A generated city with the lookups the checks share. */
    record City(DemoCitySize size, long seed, DemoCitySummary summary, RecordingSink rows) {
        @Override
        public String toString() {
            return size + " seed " + seed;
        }

        Geometry barrier(BarrierKind kind) {
            return rows.barriers.stream()
                    .filter(b -> b.kind() == kind)
                    .map(Barrier::geometry)
                    .findFirst()
                    .orElseThrow();
        }

        /** For each populated cell, the communities whose boundary contains its centroid. */
        List<List<Community>> communitiesOfCells() {
            STRtree index = new STRtree();
            Map<Community, PreparedGeometry> prepared = new HashMap<>();
            for (Community community : rows.communities) {
                index.insert(community.boundary().getEnvelopeInternal(), community);
                prepared.put(community, PreparedGeometryFactory.prepare(community.boundary()));
            }
            List<List<Community>> result = new ArrayList<>();
            for (PopulationCell cell : rows.populationCells) {
                Point centroid = cell.cell().getCentroid();
                List<Community> containing = new ArrayList<>();
                for (Object candidate : index.query(centroid.getEnvelopeInternal())) {
                    if (prepared.get((Community) candidate).contains(centroid)) {
                        containing.add((Community) candidate);
                    }
                }
                result.add(containing);
            }
            return result;
        }

        /** Households per community code, from the cells whose centroid lies in it. */
        Map<String, Long> householdsByCentroid() {
            Map<String, Long> households = new LinkedHashMap<>();
            rows.communities.forEach(c -> households.put(c.code(), 0L));
            List<List<Community>> owners = communitiesOfCells();
            for (int k = 0; k < owners.size(); k++) {
                for (Community owner : owners.get(k)) {
                    households.merge(
                            owner.code(), (long) rows.populationCells.get(k).households(), Long::sum);
                }
            }
            return households;
        }
    }

    private static final Map<String, City> GENERATED = new ConcurrentHashMap<>();

    static City city(DemoCitySize size, long seed) {
        return GENERATED.computeIfAbsent(size + ":" + seed, key -> {
            RecordingSink sink = new RecordingSink();
            DemoCitySummary summary = new DemoCityGenerator(size, seed).generate(sink, ProgressListener.NONE);
            return new City(size, seed, summary, sink);
        });
    }

    static Stream<City> cities() {
        return Stream.of(
                city(DemoCitySize.TOWN, 42),
                city(DemoCitySize.TOWN, 7),
                city(DemoCitySize.TOWN, 2024),
                city(DemoCitySize.TOWN, -3),
                city(DemoCitySize.DISTRICT, 42),
                city(DemoCitySize.CITY, 42));
    }

    @Test
    void beginsThenHandsOverEachTableOnceThenCommits() {
        City town = city(DemoCitySize.TOWN, 42);
        assertThat(town.rows().calls)
                .containsExactly(
                        "begin", "communities", "facilities", "populationCells", "roadEdges", "barriers", "commit");
        assertThat(town.rows().info.name()).isEqualTo("demo-town");
        assertThat(town.rows().info.source()).isEqualTo("demo:town:42");
        assertThat(town.summary().source()).isEqualTo("demo:town:42");
    }

    @Test
    void sizesScaleHouseholdsAndExtentAsSpecified() {
        assertThat(DemoCitySize.TOWN.extentCells() * CellGrid.CELL_SIZE_METERS).isBetween(4000.0, 5000.0);
        assertThat(DemoCitySize.CITY.extentCells() * CellGrid.CELL_SIZE_METERS).isBetween(28000.0, 30000.0);
        DemoCitySummary town = city(DemoCitySize.TOWN, 42).summary();
        assertThat(town.totalHouseholds()).isBetween(57_000L, 63_000L);
        assertThat(town.communityCount()).isBetween(20, 30);
        DemoCitySummary district = city(DemoCitySize.DISTRICT, 42).summary();
        assertThat(district.totalHouseholds()).isBetween(570_000L, 630_000L);
        assertThat(district.communityCount()).isBetween(220, 290);
    }

    @Test
    void invalidOptionsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new DemoCityGenerator(null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size");
        assertThatThrownBy(() -> new DemoCityGenerator(DemoCitySize.TOWN, 1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalog");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void summaryCountsMatchTheRows(City city) {
        DemoCitySummary summary = city.summary();
        RecordingSink rows = city.rows();
        assertThat(rows.communities).hasSize(summary.communityCount());
        assertThat(rows.populationCells).hasSize(summary.populationCellCount());
        assertThat(rows.facilities).hasSize(summary.facilityCount());
        assertThat(rows.roadEdges).hasSize(summary.roadEdgeCount());
        assertThat(rows.roadEdges.stream().filter(RoadEdge::bridge).count()).isEqualTo(summary.bridgeCount());
        assertThat(rows.roadEdges.stream().filter(RoadEdge::railCrossing).count())
                .isEqualTo(summary.railCrossingCount());
        Set<Long> nodes = new HashSet<>();
        rows.roadEdges.forEach(e -> {
            nodes.add(e.sourceNode());
            nodes.add(e.targetNode());
        });
        assertThat(nodes).hasSize(summary.nodeCount());
        Map<String, Long> perType =
                rows.facilities.stream().collect(Collectors.groupingBy(Facility::typeCode, Collectors.counting()));
        summary.facilitiesByType()
                .forEach((type, count) ->
                        assertThat(perType.getOrDefault(type, 0L)).as(type).isEqualTo((long) count));
        assertThat(summary.facilitiesByType().keySet())
                .containsExactlyElementsOf(CATALOG.facilityTypes().keySet());
        assertThat(rows.communities.stream().filter(c -> !c.urban()).count()).isEqualTo(summary.ruralCommunityCount());
        assertThat(summary.householdsByCommunityCode().keySet())
                .containsExactlyElementsOf(
                        rows.communities.stream().map(Community::code).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void householdsOfTheCellsAddUpToTheSummaryTotal(City city) {
        List<PopulationCell> cells = city.rows().populationCells;
        assertThat(cells.stream().mapToLong(PopulationCell::households).sum())
                .isEqualTo(city.summary().totalHouseholds());
        assertThat(cells.stream().mapToLong(PopulationCell::population).sum())
                .isEqualTo(city.summary().totalPopulation());
        double personsPerHousehold =
                city.summary().totalPopulation() / (double) city.summary().totalHouseholds();
        assertThat(personsPerHousehold).isBetween(2.5, 2.75);
        for (PopulationCell cell : cells) {
            assertThat(cell.households()).isPositive();
            assertThat(cell.population()).isGreaterThanOrEqualTo(cell.households());
            assertThat(cell.elderly() + cell.children()).isLessThanOrEqualTo(cell.population());
            assertThat(cell.source()).isEqualTo(city.summary().source());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void everyGeometryLiesInsideTheExtentInLonLat(City city) {
        DemoCitySummary.LonLatEnvelope extent = city.summary().extent();
        assertThat(extent.minLongitude()).isBetween(118.7, 119.0);
        assertThat(extent.maxLongitude()).isBetween(119.0, 119.3);
        assertThat(extent.minLatitude()).isBetween(31.4, 31.6);
        assertThat(extent.maxLatitude()).isBetween(31.6, 31.8);
        List<Geometry> geometries = new ArrayList<>();
        city.rows().populationCells.forEach(c -> geometries.add(c.cell()));
        city.rows().communities.forEach(c -> geometries.add(c.boundary()));
        city.rows().roadEdges.forEach(e -> geometries.add(e.geometry()));
        city.rows().facilities.forEach(f -> geometries.add(f.location()));
        city.rows().barriers.forEach(b -> geometries.add(b.geometry()));
        for (Geometry geometry : geometries) {
            assertThat(geometry.getSRID()).isEqualTo(Srid.WGS84);
            var envelope = geometry.getEnvelopeInternal();
            assertThat(extent.contains(envelope.getMinX(), envelope.getMinY())
                            && extent.contains(envelope.getMaxX(), envelope.getMaxY()))
                    .as("inside extent: %s", envelope)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void walkNetworkIsOneComponentApartFromDeclaredIslands(City city) {
        Map<Long, Long> parent = new HashMap<>();
        for (RoadEdge edge : city.rows().roadEdges) {
            long a = root(parent, edge.sourceNode());
            long b = root(parent, edge.targetNode());
            if (a != b) {
                parent.put(Math.max(a, b), Math.min(a, b));
            }
        }
        Map<Long, Integer> componentSizes = new HashMap<>();
        for (Long node : new ArrayList<>(parent.keySet())) {
            componentSizes.merge(root(parent, node), 1, Integer::sum);
        }
        List<DemoCitySummary.NetworkIsland> islands = city.summary().islands();
        assertThat(componentSizes).hasSize(1 + islands.size());
        for (DemoCitySummary.NetworkIsland island : islands) {
            assertThat(componentSizes.get(root(parent, island.smallestNodeId())))
                    .isEqualTo(island.nodeCount());
        }
    }

    private static long root(Map<Long, Long> parent, long node) {
        long at = node;
        Long up;
        while ((up = parent.putIfAbsent(at, at)) != null && up != at) {
            at = up;
        }
        return at;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void edgesRunBetweenDistinctNodesWithTheirGridLength(City city) {
        for (RoadEdge edge : city.rows().roadEdges) {
            assertThat(edge.sourceNode()).isNotEqualTo(edge.targetNode());
            assertThat(edge.lengthMeters()).isEqualTo((edge.geometry().getNumPoints() - 1) * 100.0);
            assertThat(edge.roadClass()).isIn("primary", "residential", "footway");
            assertThat(edge.arterial()).isEqualTo(edge.roadClass().equals("primary"));
            assertThat(edge.bridge() || edge.railCrossing())
                    .as("flagged edges are arterial")
                    .isEqualTo(edge.arterial() && (edge.bridge() || edge.railCrossing()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void everyCommunityIsOneValidPolygonSoItsCellsAreContiguous(City city) {
        for (Community community : city.rows().communities) {
            // the outline keeps cells that touch only at a corner in separate polygons, so a single
            // valid polygon (connected interior) means the cells are 4-neighbour contiguous
            assertThat(community.boundary().isValid()).as(community.code()).isTrue();
            assertThat(community.boundary().getNumGeometries())
                    .as(community.code())
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void communitiesDoNotOverlapAndEveryPopulatedCellLiesInExactlyOne(City city) {
        List<Community> communities = city.rows().communities;
        STRtree index = new STRtree();
        communities.forEach(c -> index.insert(c.boundary().getEnvelopeInternal(), c));
        for (Community community : communities) {
            for (Object other : index.query(community.boundary().getEnvelopeInternal())) {
                if (other != community) {
                    int interiors = community
                            .boundary()
                            .relate(((Community) other).boundary())
                            .get(Location.INTERIOR, Location.INTERIOR);
                    assertThat(interiors)
                            .as("%s overlaps %s", community.code(), ((Community) other).code())
                            .isEqualTo(Dimension.FALSE);
                }
            }
        }
        assertThat(city.communitiesOfCells())
                .allSatisfy(owners -> assertThat(owners).hasSize(1));
        assertThat(city.householdsByCentroid()).isEqualTo(city.summary().householdsByCommunityCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void hasCommunitiesBelowTheMinimumAndAboveTheMaximum(City city) {
        Map<String, Long> households = city.householdsByCentroid();
        double min = CATALOG.value(StandardsCatalog.HOUSEHOLDS_MIN);
        double max = CATALOG.value(StandardsCatalog.HOUSEHOLDS_MAX);
        assertThat(households.values()).anySatisfy(h -> assertThat(h).isLessThan((long) min));
        assertThat(households.values()).anySatisfy(h -> assertThat(h).isGreaterThan((long) max));
        assertThat(households.values().stream().filter(h -> h < min).count())
                .isEqualTo(city.summary().communitiesBelowMinimum());
        assertThat(households.values().stream().filter(h -> h > max).count())
                .isEqualTo(city.summary().communitiesAboveMaximum());
    }

    @Test
    void everyTownSeedHasCommunitiesOutsideTheHouseholdRange() {
        for (long seed = 100; seed < 140; seed++) {
            DemoCitySummary summary =
                    new DemoCityGenerator(DemoCitySize.TOWN, seed).generate(new RecordingSink(), ProgressListener.NONE);
            assertThat(summary.smallestCommunityHouseholds())
                    .as("seed %d", seed)
                    .isLessThan(1000);
            assertThat(summary.largestCommunityHouseholds()).as("seed %d", seed).isGreaterThan(5000);
            assertThat(summary.islands()).as("seed %d", seed).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void everyCatalogFacilityTypeHasFacilitiesOnLandInsideCommunities(City city) {
        Set<String> types =
                city.rows().facilities.stream().map(Facility::typeCode).collect(Collectors.toSet());
        assertThat(types).containsAll(CATALOG.facilityTypes().keySet());
        PreparedGeometry river = PreparedGeometryFactory.prepare(city.barrier(BarrierKind.RIVER));
        Geometry rail = city.barrier(BarrierKind.RAIL);
        STRtree index = new STRtree();
        city.rows().communities.forEach(c -> index.insert(c.boundary().getEnvelopeInternal(), c));
        for (Facility facility : city.rows().facilities) {
            assertThat(river.intersects(facility.location()))
                    .as(facility.name())
                    .isFalse();
            assertThat(rail.distance(facility.location())).as(facility.name()).isGreaterThan(1e-4);
            assertThat(index.query(facility.location().getEnvelopeInternal()).stream()
                            .anyMatch(c -> ((Community) c).boundary().contains(facility.location())))
                    .as(facility.name())
                    .isTrue();
            var range = CATALOG.facilityType(facility.typeCode()).floorAreaSquareMeters();
            if (range != null) {
                assertThat(facility.floorAreaSquareMeters()).isBetween(range.min(), range.max());
            }
            assertThat(facility.source()).isEqualTo(city.summary().source());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void declaredFacilityGapsHoldNoFacilityOfTheirType(City city) {
        assertThat(city.summary().facilityGaps()).isNotEmpty();
        for (DemoCitySummary.FacilityGap gap : city.summary().facilityGaps()) {
            List<Geometry> subdistrict = city.rows().communities.stream()
                    .filter(c -> c.subdistrictCode().equals(gap.subdistrictCode()))
                    .map(c -> (Geometry) c.boundary())
                    .toList();
            assertThat(subdistrict).isNotEmpty();
            for (Facility facility : city.rows().facilities) {
                if (facility.typeCode().equals(gap.typeCode())) {
                    assertThat(subdistrict).noneMatch(b -> b.contains(facility.location()));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void onlyBridgesCrossTheRiver(City city) {
        PreparedGeometry river = PreparedGeometryFactory.prepare(city.barrier(BarrierKind.RIVER));
        for (RoadEdge edge : city.rows().roadEdges) {
            assertThat(river.intersects(edge.geometry()))
                    .as("edge %d-%d bridge=%s", edge.sourceNode(), edge.targetNode(), edge.bridge())
                    .isEqualTo(edge.bridge());
        }
        assertThat(city.summary().bridgeCount()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void onlyLevelCrossingsCrossTheRail(City city) {
        PreparedGeometry rail = PreparedGeometryFactory.prepare(city.barrier(BarrierKind.RAIL));
        for (RoadEdge edge : city.rows().roadEdges) {
            assertThat(rail.intersects(edge.geometry()))
                    .as("edge %d-%d crossing=%s", edge.sourceNode(), edge.targetNode(), edge.railCrossing())
                    .isEqualTo(edge.railCrossing());
        }
        assertThat(city.summary().railCrossingCount()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void codesAndNamesAreUniqueAndConsistent(City city) {
        List<Community> communities = city.rows().communities;
        assertThat(communities.stream().map(Community::code)).doesNotHaveDuplicates();
        assertThat(communities.stream().map(Community::name)).doesNotHaveDuplicates();
        Map<String, Set<String>> namesByCode = new HashMap<>();
        Map<String, Set<String>> codesByName = new HashMap<>();
        for (Community community : communities) {
            assertThat(community.subdistrictCode()).matches("320199\\d{3}");
            assertThat(community.code()).matches("\\d{12}").startsWith(community.subdistrictCode());
            assertThat(community.subdistrictName()).endsWith("街道");
            int number = Integer.parseInt(community.code().substring(9));
            if (community.urban()) {
                assertThat(community.name()).endsWith("社区");
                assertThat(number).isBetween(1, 199);
            } else {
                assertThat(community.name()).endsWith("村");
                assertThat(number).isBetween(201, 399);
            }
            namesByCode
                    .computeIfAbsent(community.subdistrictCode(), k -> new HashSet<>())
                    .add(community.subdistrictName());
            codesByName
                    .computeIfAbsent(community.subdistrictName(), k -> new HashSet<>())
                    .add(community.subdistrictCode());
        }
        assertThat(namesByCode.values()).allSatisfy(names -> assertThat(names).hasSize(1));
        assertThat(codesByName.values()).allSatisfy(codes -> assertThat(codes).hasSize(1));
        assertThat(namesByCode).hasSize(city.summary().subdistrictCount());
        assertThat(city.rows().facilities.stream().map(Facility::name)).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void subdistrictsNeverCrossTheRiverAndSomeCommunitiesAreRural(City city) {
        Geometry river = city.barrier(BarrierKind.RIVER);
        // the rail runs exactly along a grid column, so it gives the grid's north in lon/lat
        var rail = city.barrier(BarrierKind.RAIL).getCoordinates();
        double northX = rail[rail.length - 1].x - rail[0].x;
        double northY = rail[rail.length - 1].y - rail[0].y;
        Map<String, Set<Boolean>> banksBySubdistrict = new HashMap<>();
        for (Community community : city.rows().communities) {
            Point inside = community.boundary().getInteriorPoint();
            Geometry rayNorth = river.getFactory().createLineString(new Coordinate[] {
                inside.getCoordinate(), new Coordinate(inside.getX() + northX, inside.getY() + northY)
            });
            boolean southBank = rayNorth.intersects(river);
            banksBySubdistrict
                    .computeIfAbsent(community.subdistrictCode(), k -> new HashSet<>())
                    .add(southBank);
        }
        assertThat(banksBySubdistrict).hasSize(city.summary().subdistrictCount());
        assertThat(banksBySubdistrict.values())
                .allSatisfy(banks -> assertThat(banks).hasSize(1));
        assertThat(banksBySubdistrict.values().stream().flatMap(Set::stream).distinct())
                .as("both banks have subdistricts")
                .hasSize(2);
        assertThat(city.summary().ruralCommunityCount()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cities")
    void someUrbanCommunitiesFailEachFacilityStandard(City city) {
        double officeMin = CATALOG.value(StandardsCatalog.OFFICE_AREA_URBAN_MIN);
        double perHundred = CATALOG.value(StandardsCatalog.SERVICE_AREA_PER_HUNDRED_HOUSEHOLDS);
        double staffMin = CATALOG.value(StandardsCatalog.STAFF_MIN);
        double staffMax = CATALOG.value(StandardsCatalog.STAFF_MAX);
        Map<String, Long> households = city.summary().householdsByCommunityCode();
        List<Community> urban =
                city.rows().communities.stream().filter(Community::urban).toList();
        long office = urban.stream()
                .filter(c -> c.officeAreaSquareMeters() < officeMin)
                .count();
        long service = city.rows().communities.stream()
                .filter(c -> c.serviceAreaSquareMeters() < households.get(c.code()) / 100.0 * perHundred)
                .count();
        long staff = city.rows().communities.stream()
                .filter(c -> c.staffCount() < staffMin || c.staffCount() > staffMax)
                .count();
        assertThat(office).isPositive().isEqualTo(city.summary().officeAreaFailures());
        assertThat(service).isPositive().isEqualTo(city.summary().serviceAreaFailures());
        assertThat(staff).isPositive().isEqualTo(city.summary().staffFailures());
        assertThat(office).isLessThan(urban.size() / 2 + 1);
    }
}
