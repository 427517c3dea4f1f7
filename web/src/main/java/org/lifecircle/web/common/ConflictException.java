package org.lifecircle.web.common;

/**
 * A request that is well-formed but cannot be served in the resource's present state (e.g. the
 * results of a run that has not finished); answered with 409.
 */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
