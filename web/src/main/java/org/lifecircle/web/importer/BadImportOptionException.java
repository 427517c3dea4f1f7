package org.lifecircle.web.importer;

/**
 * An option (or the kind, or the file argument) that cannot be used. Nothing was stored. The command
 * line exits with 2, the upload endpoint answers 400 naming the option.
 */
public class BadImportOptionException extends RuntimeException {
    private final String option;

    BadImportOptionException(String option, String message) {
        super(message);
        this.option = option;
    }

    /** The option's name without dashes, e.g. {@code source-crs}; the form field of the same name. */
    public String option() {
        return option;
    }
}
