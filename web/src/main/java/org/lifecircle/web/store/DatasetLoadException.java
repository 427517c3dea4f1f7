package org.lifecircle.web.store;

/** A dataset load that failed; nothing of it was kept. */
public class DatasetLoadException extends RuntimeException {
    public DatasetLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatasetLoadException(String message) {
        super(message);
    }
}
