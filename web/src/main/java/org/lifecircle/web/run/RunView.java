package org.lifecircle.web.run;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** An analysis run as the API shows it. */
public record RunView(
        long id,
        String kind,
        String status,
        double progressPercent,
        JsonNode parameters,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        JsonNode timingsMillis,
        JsonNode summary,
        String error,
        Long datasetLoadId) {}
