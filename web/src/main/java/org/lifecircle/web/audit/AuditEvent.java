package org.lifecircle.web.audit;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** One row of the audit log. */
public record AuditEvent(
        long id, OffsetDateTime at, String actor, String action, String target, JsonNode detail, String remoteAddr) {}
