package org.lifecircle.web.run;

import java.util.Locale;

/** Life of an analysis run; stored as the lower-case name. */
enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
