package org.lifecircle.web.importer;

/** A row left out of an import, with the reason the report gives. Cheap: no stack trace. */
final class RowRejectedException extends Exception {
    RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
