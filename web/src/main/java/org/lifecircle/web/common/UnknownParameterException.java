package org.lifecircle.web.common;

import java.util.List;

/** A query parameter the endpoint does not take; a typo must not be silently ignored. */
public class UnknownParameterException extends RuntimeException {
    private final String parameter;
    private final List<String> allowed;

    public UnknownParameterException(String parameter, List<String> allowed) {
        super("Unknown parameter '" + parameter + "'"
                + (allowed.isEmpty() ? "; this endpoint takes none" : "; allowed: " + String.join(", ", allowed)));
        this.parameter = parameter;
        this.allowed = List.copyOf(allowed);
    }

    public String parameter() {
        return parameter;
    }

    public List<String> allowed() {
        return allowed;
    }
}
