package org.lifecircle.web.coverage;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.lifecircle.web.run.RunService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The results of a coverage run: cells, gaps, the per-community table and standards checks. */
@RestController
class CoverageController {
    static final MediaType CSV_UTF8 = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CoverageStore store;
    private final RunService runs;

    CoverageController(CoverageStore store, RunService runs) {
        this.store = store;
        this.runs = runs;
    }

    /** Cells of one type with their walking distance to the nearest facility, optionally only (un)covered. */
    @GetMapping(value = "/api/runs/{id}/coverage/cells", produces = GeoJsonMediaType.VALUE)
    String cells(
            @PathVariable long id,
            @RequestParam String type,
            @RequestParam(required = false) Boolean covered,
            @RequestParam(required = false) String bbox) {
        coverageRun(id);
        return store.cellsGeoJson(id, type, covered, Bbox.parseOptional(bbox));
    }

    /** Gap areas, ranked by households per type. */
    @GetMapping(value = "/api/runs/{id}/coverage/gaps", produces = GeoJsonMediaType.VALUE)
    String gaps(
            @PathVariable long id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String bbox) {
        coverageRun(id);
        return store.gapsGeoJson(id, type, Bbox.parseOptional(bbox));
    }

    /**
     * The per-community table as JSON ({@code format=json}, the default) or as CSV for Excel
     * ({@code format=csv}, UTF-8 with BOM, sent as an attachment).
     */
    @GetMapping("/api/runs/{id}/coverage/communities")
    ResponseEntity<?> communities(
            @PathVariable long id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false, defaultValue = "json") String format) {
        coverageRun(id);
        if (!format.equals("json") && !format.equals("csv")) {
            throw new BadParameterException("format", "format must be json or csv, got '" + format + "'");
        }
        CommunityCoverageTable table = CommunityCoverageTable.of(store.communityRows(id, type), store.checks(id, null));
        if (format.equals("json")) {
            return ResponseEntity.ok(Map.of("run", id, "types", table.types(), "communities", table.rows()));
        }
        StringWriter csv = new StringWriter();
        CommunityCoverageCsv.write(table, csv);
        return ResponseEntity.ok()
                .contentType(CSV_UTF8)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("coverage-run-" + id + ".csv")
                                .build()
                                .toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Standards checks of every community, or of one. */
    @GetMapping("/api/runs/{id}/standards")
    List<StoredCheck> standards(@PathVariable long id, @RequestParam(required = false) Long community) {
        coverageRun(id);
        return store.checks(id, community);
    }

    private void coverageRun(long id) {
        runs.requireResults(id, CoverageRunKind.NAME);
    }
}
