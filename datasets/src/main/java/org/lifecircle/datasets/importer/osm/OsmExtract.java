package org.lifecircle.datasets.importer.osm;

import java.util.List;
import java.util.Map;
import org.lifecircle.core.domain.Barrier;
import org.lifecircle.core.domain.Facility;
import org.lifecircle.core.domain.PopulationCell;
import org.lifecircle.core.domain.RoadEdge;
import org.lifecircle.datasets.DatasetInfo;
import org.lifecircle.datasets.importer.ImportReport;

/**
 * Everything an OSM import produces before it is written: the rows of the four tables it replaces,
 * figures a reviewer checks against other tools, and the report (not yet committed).
 *
 * @param facilitiesByOsmTag matched features per {@code key=value} before merging duplicates, e.g.
 *     {@code amenity=school → 18}
 * @param walkableWays ways the walkability rules accept
 * @param walkableWaysWithEdges of those, ways that gave at least one edge (all but ways wholly
 *     outside the extract or of zero length)
 * @param roadLengthMeters length of the walkable ways that became edges, planar in the
 *     Gauss-Krüger zone, without the connector edges the importer added
 * @param largestPartMeters length of the largest connected part of the network, connectors included
 * @param population estimated residents in the cells
 * @param households estimated households in the cells
 * @param gaussKrugerSrid the CGCS2000 3-degree zone lengths and areas were measured in
 * @param report the report with {@code committed = false}
 */
public record OsmExtract(
        DatasetInfo info,
        List<Facility> facilities,
        List<PopulationCell> populationCells,
        List<RoadEdge> roadEdges,
        List<Barrier> barriers,
        Map<String, Long> facilitiesByOsmTag,
        int walkableWays,
        int walkableWaysWithEdges,
        double roadLengthMeters,
        double largestPartMeters,
        long population,
        long households,
        int gaussKrugerSrid,
        ImportReport report) {
    public OsmExtract {
        facilities = List.copyOf(facilities);
        populationCells = List.copyOf(populationCells);
        roadEdges = List.copyOf(roadEdges);
        barriers = List.copyOf(barriers);
        facilitiesByOsmTag = Map.copyOf(facilitiesByOsmTag);
    }
}
