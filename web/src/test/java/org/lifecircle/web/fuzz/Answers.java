package org.lifecircle.web.fuzz;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract every answer of the API keeps, whatever was sent: no 5xx (the service has no
 * dependency down in these tests, so even the documented 503 must not occur), and every error as
 * RFC 9457 problem+json with a {@code detail} saying what was wrong.
 */
public final class Answers {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SHOWN_BODY_CHARS = 300;

    private Answers() {}

    /** Why the answer breaks the contract, or {@code null} when it keeps it. */
    public static String breach(int status, String contentType, byte[] body) {
        if (status >= 500) {
            return "status " + status + ": " + shown(body);
        }
        if (status < 400) {
            return null;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "error " + status + " as " + contentType + " instead of problem+json: " + shown(body);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (JacksonException e) {
            return "error " + status + " whose problem+json does not parse (" + e.getOriginalMessage() + "): "
                    + shown(body);
        }
        JsonNode detail = problem == null ? null : problem.get("detail");
        if (detail == null || !detail.isString() || detail.asString().isBlank()) {
            return "error " + status + " without a detail: " + shown(body);
        }
        return null;
    }

    private static String shown(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > SHOWN_BODY_CHARS ? text.substring(0, SHOWN_BODY_CHARS) + "…" : text;
    }
}
