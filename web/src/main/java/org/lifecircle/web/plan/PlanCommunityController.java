package org.lifecircle.web.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lifecircle.web.audit.AuditLog;
import org.lifecircle.web.common.BadParameterException;
import org.lifecircle.web.common.Bbox;
import org.lifecircle.web.common.FeatureLimit;
import org.lifecircle.web.common.GeoJsonMediaType;
import org.lifecircle.web.common.JsonParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A plan's communities and cells as the boundary editor names and reads them: renaming the
 * communities a plan creates, and which community of the plan each cell is in now.
 */
@RestController
class PlanCommunityController {
    /** Longest community name, in characters: longer than any official name, short enough for a label. */
    static final int MAX_NAME_CHARS = 64;
    /** As the CHECK on {@code plan_community.code} and {@code community.code} (V001, V005). */
    private static final Pattern CODE = Pattern.compile("^[0-9A-Za-z_-]{1,32}$");

    private final PlanService plans;
    private final FeatureLimit limit;
    private final AuditLog audit;

    PlanCommunityController(PlanService plans, FeatureLimit limit, AuditLog audit) {
        this.plans = plans;
        this.limit = limit;
        this.audit = audit;
    }

    /**
     * Renames a community the plan creates: {@code {"name": …}} and/or {@code {"code": …}}. Answers
     * the community with its metrics; 409 for an adopted plan or a community of today.
     */
    @PatchMapping("/api/plans/{id}/communities/{key}")
    Map<String, Object> rename(@PathVariable long id, @PathVariable int key, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadParameterException("name", "A rename is a JSON object with name and/or code");
        }
        JsonParameters.rejectUnknown(body, List.of("name", "code"));
        if (!body.has("name") && !body.has("code")) {
            throw new BadParameterException("name", "name or code is required");
        }
        PlanService.Rename rename = plans.rename(id, key, name(body), code(body));
        if (rename.changed()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("key", key);
            detail.put("code", rename.now().code());
            detail.put("name", rename.now().name());
            detail.put("formerCode", rename.former().code());
            detail.put("formerName", rename.former().name());
            audit.record("plan.community-renamed", "plan:" + id, detail);
        }
        return rename.view();
    }

    /**
     * The plan's cells intersecting a bbox (required), as GeoJSON: each cell's id, the key of its
     * community in the plan now, households, population and whether the plan moves it from its
     * community of today.
     */
    @GetMapping(value = "/api/plans/{id}/cells", produces = GeoJsonMediaType.VALUE)
    String cells(@PathVariable long id, @RequestParam(required = false) String bbox) {
        Bbox box = Bbox.parse(bbox);
        return limit.within(() -> plans.countCellsIn(id, box), () -> plans.cellsGeoJson(id, box));
    }

    /** One cell of the plan: the community it is in now (key, code, name), households, moved. */
    @GetMapping("/api/plans/{id}/cells/{cellId}")
    Map<String, Object> cell(@PathVariable long id, @PathVariable long cellId) {
        return plans.cell(id, cellId);
    }

    /** A name: trimmed, not blank, at most {@link #MAX_NAME_CHARS} characters, no control characters. */
    private static String name(JsonNode body) {
        JsonNode node = body.get("name");
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw new BadParameterException("name", "name must be a string, got " + node);
        }
        String name = node.asString().strip();
        if (name.isEmpty()) {
            throw new BadParameterException("name", "name must not be blank");
        }
        int chars = name.codePointCount(0, name.length());
        if (chars > MAX_NAME_CHARS) {
            throw new BadParameterException(
                    "name", "name must be at most " + MAX_NAME_CHARS + " characters, got " + chars);
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadParameterException("name", "name must not hold control characters");
        }
        return name;
    }

    private static String code(JsonNode body) {
        JsonNode node = body.get("code");
        if (node == null) {
            return null;
        }
        if (!node.isString() || !CODE.matcher(node.asString()).matches()) {
            throw new BadParameterException("code", "code must be 1 to 32 letters, digits, '_' or '-', got " + node);
        }
        return node.asString();
    }
}
