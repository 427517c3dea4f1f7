package org.lifecircle.web.run;

import java.net.URI;
import java.util.List;
import org.lifecircle.web.audit.AuditLog;
import org.lifecircle.web.common.BadParameterException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class RunController {
    private static final int RECENT_RUNS = 50;
    private static final int MAX_RUNS = 500;

    private final RunService runs;
    private final AuditLog audit;

    RunController(RunService runs, AuditLog audit) {
        this.runs = runs;
        this.audit = audit;
    }

    /** Starts a run; 202 with its row and a Location to poll. */
    @PostMapping("/api/runs")
    ResponseEntity<RunView> start(@RequestBody JsonNode request) {
        RunView run = runs.submit(request);
        audit.record("run.submitted", "run:" + run.id(), java.util.Map.of("kind", run.kind(), "parameters", request));
        return ResponseEntity.accepted()
                .location(URI.create("/api/runs/" + run.id()))
                .body(run);
    }

    /** Cancels a queued or running run; 202 with its row (a running run stops at its next step). */
    @PostMapping("/api/runs/{id}/cancel")
    ResponseEntity<RunView> cancel(@PathVariable long id) {
        RunView run = runs.cancel(id);
        audit.record("run.cancelled", "run:" + id, java.util.Map.of("kind", run.kind()));
        return ResponseEntity.accepted().body(run);
    }

    /** Status, percent done, timings, summary and error of one run. */
    @GetMapping("/api/runs/{id}")
    RunView run(@PathVariable long id) {
        return runs.find(id);
    }

    /** The most recent runs, newest first, optionally of one kind and status. */
    @GetMapping("/api/runs")
    List<RunView> recent(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false, defaultValue = "" + RECENT_RUNS) int limit) {
        if (limit < 1 || limit > MAX_RUNS) {
            throw new BadParameterException("limit", "limit must be from 1 to " + MAX_RUNS + ", got " + limit);
        }
        return runs.recent(kind, status, limit);
    }
}
