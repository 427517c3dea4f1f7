package org.lifecircle.datasets.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a demo-city run produced: the counts and the deliberately built-in answers (communities
 * outside the household range, facility gaps, standards failures) that tests and analyses check
 * against.
 *
 * @param size the size generated
 * @param seed the seed it was generated with
 * @param source the {@code source} value of every row, {@code demo:<size>:<seed>}
 * @param widthCells grid cells west to east
 * @param heightCells grid cells south to north
 * @param cellSizeMeters edge of a population cell
 * @param gaussKrugerSrid the zone the grid was laid out in (EPSG:4549)
 * @param originEastingMeters easting of the grid's south-west corner in that zone
 * @param originNorthingMeters northing of the grid's south-west corner in that zone
 * @param extent lon/lat envelope of the whole grid; every geometry lies inside it
 * @param subdistrictCount subdistricts (街道)
 * @param communityCount communities, urban and rural
 * @param ruralCommunityCount villages ({@code urban = false})
 * @param communitiesBelowMinimum communities with fewer households than the catalog minimum
 * @param communitiesAboveMaximum communities with more households than the catalog maximum
 * @param officeAreaFailures urban communities with office space below the catalog minimum
 * @param serviceAreaFailures communities with service floor area below the per-100-households rule
 * @param staffFailures communities with staff outside the catalog range
 * @param populationCellCount emitted cells (those with households)
 * @param totalHouseholds sum of households over the cells
 * @param totalPopulation sum of population over the cells
 * @param facilityCount all facilities
 * @param facilitiesByType facilities per type code, in catalog order
 * @param facilityGaps subdistricts deliberately left without a type
 * @param roadEdgeCount walkable edges
 * @param nodeCount distinct nodes the edges connect
 * @param bridgeCount edges flagged {@code bridge}
 * @param railCrossingCount edges flagged {@code railCrossing}
 * @param islands node components besides the main one; empty when the network is connected
 * @param householdsByCommunityCode households per community (cells assigned to it), in code order
 */
public record DemoCitySummary(
        DemoCitySize size,
        long seed,
        String source,
        int widthCells,
        int heightCells,
        double cellSizeMeters,
        int gaussKrugerSrid,
        double originEastingMeters,
        double originNorthingMeters,
        LonLatEnvelope extent,
        int subdistrictCount,
        int communityCount,
        int ruralCommunityCount,
        int communitiesBelowMinimum,
        int communitiesAboveMaximum,
        int officeAreaFailures,
        int serviceAreaFailures,
        int staffFailures,
        int populationCellCount,
        long totalHouseholds,
        long totalPopulation,
        int facilityCount,
        Map<String, Integer> facilitiesByType,
        List<FacilityGap> facilityGaps,
        int roadEdgeCount,
        int nodeCount,
        int bridgeCount,
        int railCrossingCount,
        List<NetworkIsland> islands,
        Map<String, Long> householdsByCommunityCode) {

    public DemoCitySummary {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(extent, "extent");
        facilitiesByType = Collections.unmodifiableMap(new LinkedHashMap<>(facilitiesByType));
        facilityGaps = List.copyOf(facilityGaps);
        islands = List.copyOf(islands);
        householdsByCommunityCode = Collections.unmodifiableMap(new LinkedHashMap<>(householdsByCommunityCode));
    }

    /** Smallest community by households. */
    public long smallestCommunityHouseholds() {
        return householdsByCommunityCode.values().stream()
                .mapToLong(Long::longValue)
                .min()
                .orElse(0);
    }

    /** Largest community by households. */
    public long largestCommunityHouseholds() {
        return householdsByCommunityCode.values().stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
    }

    /**
     * A lon/lat envelope in EPSG:4326 degrees.
     *
     * @param minLongitude west edge
     * @param minLatitude south edge
     * @param maxLongitude east edge
     * @param maxLatitude north edge
     */
    public record LonLatEnvelope(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {
        public LonLatEnvelope {
            if (!(minLongitude <= maxLongitude && minLatitude <= maxLatitude)) {
                throw new IllegalArgumentException("Envelope min exceeds max");
            }
        }

        public boolean contains(double longitude, double latitude) {
            return longitude >= minLongitude
                    && longitude <= maxLongitude
                    && latitude >= minLatitude
                    && latitude <= maxLatitude;
        }
    }

    /**
     * A connected group of nodes cut off from the main network.
     *
     * @param smallestNodeId the smallest node id in it, to find it again
     * @param nodeCount nodes in it
     */
    public record NetworkIsland(long smallestNodeId, int nodeCount) {}

    /**
     * A subdistrict deliberately left without any facility of a type.
     *
     * @param subdistrictCode 9-digit subdistrict code
     * @param subdistrictName its name
     * @param typeCode the missing catalog facility type
     */
    public record FacilityGap(String subdistrictCode, String subdistrictName, String typeCode) {}
}
