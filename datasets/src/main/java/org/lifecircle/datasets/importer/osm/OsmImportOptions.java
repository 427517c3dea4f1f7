package org.lifecircle.datasets.importer.osm;

import java.util.Objects;
import java.util.Set;
import org.lifecircle.core.standards.StandardsCatalog;

/**
 * What the OSM importer takes from a file and how, validated on construction. Tag values are OSM
 * values as documented on the OSM wiki's {@code Key:highway}, {@code Key:railway}, {@code
 * Key:waterway} and {@code Key:building} pages.
 *
 * @param walkableHighways {@code highway=*} values walked on unless tagged {@code foot=no}, {@code
 *     area=yes}, or {@code access=private|no} without a foot permission. Default: footway, path,
 *     pedestrian, steps, living_street, residential, service, unclassified, tertiary, secondary,
 *     primary, trunk (with their {@code _link}s) and track. Motorways are left out: pedestrians are
 *     banned from them (《道路交通安全法》第六十七条).
 * @param footOptInHighways {@code highway=*} values walked on only with {@code foot=yes},
 *     {@code designated} or {@code permissive}. Default: cycleway, bridleway.
 * @param arterialHighways values whose edges are {@code arterial} (hard breaks for community
 *     boundaries). Default: trunk, primary, secondary and their links — the 快速路, 主干路 and
 *     次干路 of GB/T 51328-2018 as OSM China maps them, the roads community boundaries follow.
 * @param noFootInTunnelHighways values whose tunnels ({@code tunnel≠no}) are taken as motor-only
 *     unless tagged {@code foot=yes|designated|permissive} or with a sidewalk. Default: none, so that
 *     every class above is walked as tagged. Chinese urban expressway tunnels and underpasses (such
 *     as Nanjing's 水西门隧道, {@code highway=trunk}) carry no footway, yet OSM rarely tags them {@code
 *     foot=no}; {@code trunk, trunk_link, primary, primary_link} removes them, at the price of
 *     cutting off the expressway sections between them, which are then walkable islands.
 * @param danglingEndLinkMaxMeters how far a dead end of a footway-like edge at ground level may be
 *     linked to another part of the network by a {@code connector} edge, in [0, 100]; 0 switches
 *     linking off. Default 20 m: separately mapped sidewalks lie up to half a road's width from the
 *     street's centre line, and a 主干路 is commonly 40–50 m between its red lines (GB/T 51328-2018);
 *     see {@link DanglingEndLinker}.
 * @param danglingEndLinkHighways {@code highway=*} values whose dead ends may be linked. Default:
 *     footway, path, pedestrian, steps, cycleway, bridleway — the ways mapped apart from the streets
 *     they run beside.
 * @param railBarrierRailways {@code railway=*} values that are RAIL barriers where at grade (neither
 *     {@code tunnel} nor {@code bridge}). Default: rail, light_rail, subway, narrow_gauge. Trams are
 *     left out: they run in the street and are crossed anywhere.
 * @param riverBarrierWaterways {@code waterway=*} line values that are RIVER barriers unless in a
 *     culvert ({@code tunnel≠no}). Default: river, canal. Streams and ditches are left out: they are
 *     stepped over or culverted too often to break a community.
 * @param waterAreaTags {@code key=value} tags of areas (closed ways, multipolygons) that are RIVER
 *     barriers. Default: natural=water, waterway=riverbank, landuse=reservoir.
 * @param minWaterAreaSquareMeters smaller water areas are left out, {@code >= 0}. Default 10,000 m²
 *     (1 ha): ponds in parks and courtyards do not divide neighbourhoods; rivers and lakes do.
 * @param residentialBuildingTypes {@code building=*} values that house residents. Default:
 *     residential, apartments, house, detached, semidetached_house, terrace, dormitory, bungalow.
 * @param residentialInResidentialLanduse {@code building=*} values counted as residential when the
 *     building's centre lies in a {@code landuse=residential} area. Default {@code yes}: most Chinese
 *     housing blocks are mapped as untyped buildings inside a mapped 小区. Empty to switch this off.
 * @param maxRejectionsListed rejected rows listed one by one in the report, {@code >= 0}; the rest
 *     are counted in a warning. Default 100.
 * @param population the population estimate's parameters
 */
public record OsmImportOptions(
        Set<String> walkableHighways,
        Set<String> footOptInHighways,
        Set<String> arterialHighways,
        Set<String> noFootInTunnelHighways,
        double danglingEndLinkMaxMeters,
        Set<String> danglingEndLinkHighways,
        Set<String> railBarrierRailways,
        Set<String> riverBarrierWaterways,
        Set<String> waterAreaTags,
        double minWaterAreaSquareMeters,
        Set<String> residentialBuildingTypes,
        Set<String> residentialInResidentialLanduse,
        int maxRejectionsListed,
        DasymetricOptions population) {

    public static final Set<String> DEFAULT_WALKABLE_HIGHWAYS = Set.of(
            "footway",
            "path",
            "pedestrian",
            "steps",
            "living_street",
            "residential",
            "service",
            "unclassified",
            "tertiary",
            "tertiary_link",
            "secondary",
            "secondary_link",
            "primary",
            "primary_link",
            "trunk",
            "trunk_link",
            "track");
    public static final Set<String> DEFAULT_FOOT_OPT_IN_HIGHWAYS = Set.of("cycleway", "bridleway");
    public static final Set<String> DEFAULT_ARTERIAL_HIGHWAYS =
            Set.of("trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link");
    public static final Set<String> DEFAULT_NO_FOOT_IN_TUNNEL_HIGHWAYS = Set.of();
    public static final double DEFAULT_DANGLING_END_LINK_MAX_METERS = 20;
    public static final Set<String> DEFAULT_DANGLING_END_LINK_HIGHWAYS =
            Set.of("footway", "path", "pedestrian", "steps", "cycleway", "bridleway");
    public static final Set<String> DEFAULT_RAIL_BARRIER_RAILWAYS =
            Set.of("rail", "light_rail", "subway", "narrow_gauge");
    public static final Set<String> DEFAULT_RIVER_BARRIER_WATERWAYS = Set.of("river", "canal");
    public static final Set<String> DEFAULT_WATER_AREA_TAGS =
            Set.of("natural=water", "waterway=riverbank", "landuse=reservoir");
    public static final double DEFAULT_MIN_WATER_AREA_SQUARE_METERS = 10_000;
    public static final Set<String> DEFAULT_RESIDENTIAL_BUILDING_TYPES = Set.of(
            "residential", "apartments", "house", "detached", "semidetached_house", "terrace", "dormitory", "bungalow");
    public static final Set<String> DEFAULT_RESIDENTIAL_IN_RESIDENTIAL_LANDUSE = Set.of("yes");
    public static final int DEFAULT_MAX_REJECTIONS_LISTED = 100;

    private static final double MAX_DANGLING_END_LINK_METERS = 100;

    public OsmImportOptions {
        walkableHighways = copyOf(walkableHighways, "walkableHighways");
        footOptInHighways = copyOf(footOptInHighways, "footOptInHighways");
        arterialHighways = copyOf(arterialHighways, "arterialHighways");
        noFootInTunnelHighways = copyOf(noFootInTunnelHighways, "noFootInTunnelHighways");
        danglingEndLinkHighways = copyOf(danglingEndLinkHighways, "danglingEndLinkHighways");
        railBarrierRailways = copyOf(railBarrierRailways, "railBarrierRailways");
        riverBarrierWaterways = copyOf(riverBarrierWaterways, "riverBarrierWaterways");
        waterAreaTags = copyOf(waterAreaTags, "waterAreaTags");
        residentialBuildingTypes = copyOf(residentialBuildingTypes, "residentialBuildingTypes");
        residentialInResidentialLanduse = copyOf(residentialInResidentialLanduse, "residentialInResidentialLanduse");
        Objects.requireNonNull(population, "population");
        if (walkableHighways.isEmpty()) {
            throw new IllegalArgumentException("At least one walkable highway value is needed");
        }
        if (!(danglingEndLinkMaxMeters >= 0 && danglingEndLinkMaxMeters <= MAX_DANGLING_END_LINK_METERS)) {
            throw new IllegalArgumentException("Dangling end link distance must be in [0, "
                    + MAX_DANGLING_END_LINK_METERS + "] metres: " + danglingEndLinkMaxMeters);
        }
        for (String tag : waterAreaTags) {
            int equals = tag.indexOf('=');
            if (equals <= 0 || equals == tag.length() - 1) {
                throw new IllegalArgumentException("Water area tags must read key=value: " + tag);
            }
        }
        if (!(minWaterAreaSquareMeters >= 0 && Double.isFinite(minWaterAreaSquareMeters))) {
            throw new IllegalArgumentException("Min water area must be >= 0 m²: " + minWaterAreaSquareMeters);
        }
        if (maxRejectionsListed < 0) {
            throw new IllegalArgumentException("Max rejections listed must be >= 0: " + maxRejectionsListed);
        }
        for (String type : residentialBuildingTypes) {
            requireDefaultLevels(population, type);
        }
        for (String type : residentialInResidentialLanduse) {
            requireDefaultLevels(population, type);
        }
    }

    /** Defaults with the national standards catalog. */
    public static OsmImportOptions defaults() {
        return defaults(StandardsCatalog.national());
    }

    /** Defaults with a catalog's persons per household. */
    public static OsmImportOptions defaults(StandardsCatalog catalog) {
        return new OsmImportOptions(
                DEFAULT_WALKABLE_HIGHWAYS,
                DEFAULT_FOOT_OPT_IN_HIGHWAYS,
                DEFAULT_ARTERIAL_HIGHWAYS,
                DEFAULT_NO_FOOT_IN_TUNNEL_HIGHWAYS,
                DEFAULT_DANGLING_END_LINK_MAX_METERS,
                DEFAULT_DANGLING_END_LINK_HIGHWAYS,
                DEFAULT_RAIL_BARRIER_RAILWAYS,
                DEFAULT_RIVER_BARRIER_WATERWAYS,
                DEFAULT_WATER_AREA_TAGS,
                DEFAULT_MIN_WATER_AREA_SQUARE_METERS,
                DEFAULT_RESIDENTIAL_BUILDING_TYPES,
                DEFAULT_RESIDENTIAL_IN_RESIDENTIAL_LANDUSE,
                DEFAULT_MAX_REJECTIONS_LISTED,
                DasymetricOptions.defaults(catalog));
    }

    public OsmImportOptions withPopulation(DasymetricOptions options) {
        return new OsmImportOptions(
                walkableHighways,
                footOptInHighways,
                arterialHighways,
                noFootInTunnelHighways,
                danglingEndLinkMaxMeters,
                danglingEndLinkHighways,
                railBarrierRailways,
                riverBarrierWaterways,
                waterAreaTags,
                minWaterAreaSquareMeters,
                residentialBuildingTypes,
                residentialInResidentialLanduse,
                maxRejectionsListed,
                options);
    }

    public OsmImportOptions withNoFootInTunnelHighways(Set<String> highways) {
        return new OsmImportOptions(
                walkableHighways,
                footOptInHighways,
                arterialHighways,
                highways,
                danglingEndLinkMaxMeters,
                danglingEndLinkHighways,
                railBarrierRailways,
                riverBarrierWaterways,
                waterAreaTags,
                minWaterAreaSquareMeters,
                residentialBuildingTypes,
                residentialInResidentialLanduse,
                maxRejectionsListed,
                population);
    }

    public OsmImportOptions withDanglingEndLinkMaxMeters(double meters) {
        return new OsmImportOptions(
                walkableHighways,
                footOptInHighways,
                arterialHighways,
                noFootInTunnelHighways,
                meters,
                danglingEndLinkHighways,
                railBarrierRailways,
                riverBarrierWaterways,
                waterAreaTags,
                minWaterAreaSquareMeters,
                residentialBuildingTypes,
                residentialInResidentialLanduse,
                maxRejectionsListed,
                population);
    }

    public OsmImportOptions withMinWaterAreaSquareMeters(double squareMeters) {
        return new OsmImportOptions(
                walkableHighways,
                footOptInHighways,
                arterialHighways,
                noFootInTunnelHighways,
                danglingEndLinkMaxMeters,
                danglingEndLinkHighways,
                railBarrierRailways,
                riverBarrierWaterways,
                waterAreaTags,
                squareMeters,
                residentialBuildingTypes,
                residentialInResidentialLanduse,
                maxRejectionsListed,
                population);
    }

    public OsmImportOptions withResidentialInResidentialLanduse(Set<String> buildingTypes) {
        return new OsmImportOptions(
                walkableHighways,
                footOptInHighways,
                arterialHighways,
                noFootInTunnelHighways,
                danglingEndLinkMaxMeters,
                danglingEndLinkHighways,
                railBarrierRailways,
                riverBarrierWaterways,
                waterAreaTags,
                minWaterAreaSquareMeters,
                residentialBuildingTypes,
                buildingTypes,
                maxRejectionsListed,
                population);
    }

    private static Set<String> copyOf(Set<String> values, String name) {
        Objects.requireNonNull(values, name);
        return Set.copyOf(values);
    }

    private static void requireDefaultLevels(DasymetricOptions population, String buildingType) {
        if (!population.levelsByBuildingType().containsKey(buildingType)) {
            throw new IllegalArgumentException("Residential building type '" + buildingType
                    + "' needs default levels in population.levelsByBuildingType");
        }
    }
}
