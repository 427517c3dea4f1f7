package org.lifecircle.web.common;

/** A request parameter that cannot be used; answered with 400 and the parameter's name. */
public class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
