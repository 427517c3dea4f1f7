package org.lifecircle.web.common;

/** An id or code that names nothing; answered with 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
