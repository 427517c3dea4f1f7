package org.lifecircle.web.run;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One kind of analysis the runs API can start. {@link #validate} runs in the request thread so bad
 * parameters are a 400 at once; {@link #execute} runs later on the run executor.
 */
public interface RunKind {

    /** The {@code kind} value of a run request, e.g. {@code service-areas}. */
    String name();

    /**
     * Checks and completes the request's parameters (defaults filled in).
     *
     * @throws org.lifecircle.web.common.BadParameterException naming the parameter at fault
     */
    JsonNode validate(JsonNode request);

    /**
     * Computes and stores the results of a run in one transaction.
     *
     * @param parameters what {@link #validate} returned
     * @return the result summary stored with the run
     */
    Map<String, Object> execute(long runId, JsonNode parameters, RunProgress progress);
}
