package org.lifecircle.web.plan;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.lifecircle.core.boundary.RegionalizationOptions;
import org.lifecircle.core.standards.StandardsCatalog;
import org.lifecircle.web.audit.AuditLog;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.lifecircle.web.common.JsonParameters;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The boundary editing API: plans, their communities, edits, undo/redo, rebalancing, adoption. */
@RestController
class PlanController {
    private static final int RECENT_PLANS = 100;

    private final PlanService plans;
    private final StandardsCatalog catalog;
    private final AuditLog audit;

    PlanController(PlanService plans, StandardsCatalog catalog, AuditLog audit) {
        this.plans = plans;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** A plan of today's communities to edit ({@code {"name": …}}); 201 with its id. */
    @PostMapping("/api/plans")
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        JsonNode request = body == null || body.isNull()
                ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : body;
        if (!request.isObject()) {
            throw new BadParameterException("name", "A plan request is a JSON object");
        }
        JsonParameters.rejectUnknown(request, List.of("name"));
        String name = request.has("name")
                        && request.get("name").isString()
                        && !request.get("name").asString().isBlank()
                ? request.get("name").asString()
                : "编辑方案";
        long id = plans.createFromToday(name, RegionalizationOptions.communities(catalog));
        audit.record("plan.created", "plan:" + id, Map.of("name", name, "origin", "today"));
        return ResponseEntity.created(URI.create("/api/plans/" + id)).body(Map.of("id", id));
    }

    /** The newest plans (id, name, origin, status, run), newest first. */
    @GetMapping("/api/plans")
    List<Map<String, Object>> plans() {
        return plans.recent(RECENT_PLANS);
    }

    /** The plan with every community's metrics and the plan's violations. */
    @GetMapping("/api/plans/{id}")
    Map<String, Object> plan(@PathVariable long id) {
        return plans.describe(id);
    }

    /** The plan's communities as polygons (union of their cells). */
    @GetMapping(value = "/api/plans/{id}/communities", produces = GeoJsonMediaType.VALUE)
    String communities(@PathVariable long id) {
        return plans.communitiesGeoJson(id);
    }

    /** Cells the plan assigns away from their community of today. */
    @GetMapping("/api/plans/{id}/moves")
    List<Map<String, Object>> moves(@PathVariable long id) {
        return plans.moves(id);
    }

    /**
     * Moves cells: {@code {"cells": [cell ids], "to": community key}}, or {@code "to": null} for a
     * new community. Answers the touched communities' metrics and violations.
     */
    @PostMapping("/api/plans/{id}/moves")
    Map<String, Object> move(@PathVariable long id, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadParameterException("cells", "A move is a JSON object with cells and to");
        }
        JsonParameters.rejectUnknown(body, List.of("cells", "to"));
        JsonNode cells = body.get("cells");
        if (cells == null || !cells.isArray() || cells.isEmpty() || cells.size() > 100_000) {
            throw new BadParameterException("cells", "cells must be a non-empty array of population cell ids");
        }
        long[] ids = new long[cells.size()];
        for (int k = 0; k < ids.length; k++) {
            if (!JsonParameters.isLong(cells.get(k))) {
                throw new BadParameterException("cells", "cells must be population cell ids, got " + cells.get(k));
            }
            ids[k] = cells.get(k).asLong();
        }
        JsonNode to = body.get("to");
        if (to != null && !to.isNull() && !JsonParameters.isInt(to)) {
            throw new BadParameterException("to", "to must be a community key of the plan, or null for a new one");
        }
        if (to == null) {
            throw new BadParameterException("to", "to is required: a community key of the plan, or null for a new one");
        }
        Map<String, Object> outcome = plans.move(id, ids, to.isNull() ? null : to.asInt());
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("cells", ids.length);
        detail.put("to", to.isNull() ? null : to.asInt());
        audit.record("plan.edited", "plan:" + id, detail);
        return outcome;
    }

    @PostMapping("/api/plans/{id}/undo")
    Map<String, Object> undo(@PathVariable long id) {
        Map<String, Object> outcome = plans.undo(id);
        audit.record("plan.undone", "plan:" + id, Map.of());
        return outcome;
    }

    @PostMapping("/api/plans/{id}/redo")
    Map<String, Object> redo(@PathVariable long id) {
        Map<String, Object> outcome = plans.redo(id);
        audit.record("plan.redone", "plan:" + id, Map.of());
        return outcome;
    }

    /** Rebalances {@code {"communities": [keys]}} and their neighbours; the planner's cells stay put. */
    @PostMapping("/api/plans/{id}/rebalance")
    Map<String, Object> rebalance(@PathVariable long id, @RequestBody JsonNode body) {
        JsonNode keys = body == null ? null : body.get("communities");
        if (keys == null || !keys.isArray() || keys.isEmpty()) {
            throw new BadParameterException("communities", "communities must be a non-empty array of community keys");
        }
        int[] values = new int[keys.size()];
        for (int k = 0; k < values.length; k++) {
            if (!JsonParameters.isInt(keys.get(k))) {
                throw new BadParameterException(
                        "communities", "communities must be community keys, got " + keys.get(k));
            }
            values[k] = keys.get(k).asInt();
        }
        Map<String, Object> outcome = plans.rebalance(id, values);
        audit.record("plan.rebalanced", "plan:" + id, Map.of("communities", values));
        return outcome;
    }

    /** Rejects the plan's move of one cell: it goes back to its community of today. */
    @PostMapping("/api/plans/{id}/moves/{cellId}/reject")
    Map<String, Object> reject(@PathVariable long id, @PathVariable long cellId) {
        Map<String, Object> outcome = plans.reject(id, cellId);
        audit.record("plan.move-rejected", "plan:" + id, Map.of("cell", cellId));
        return outcome;
    }

    /** Adopts the plan: changed communities are closed and their new versions begin. */
    @PostMapping("/api/plans/{id}/adopt")
    Map<String, Object> adopt(@PathVariable long id) {
        Map<String, Object> outcome = plans.adopt(id);
        audit.record("plan.adopted", "plan:" + id, Map.of());
        return outcome;
    }
}
