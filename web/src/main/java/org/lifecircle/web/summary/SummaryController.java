package org.lifecircle.web.summary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SummaryController {
    private final SummaryRepository summaries;

    SummaryController(SummaryRepository summaries) {
        this.summaries = summaries;
    }

    /** Counts and totals of what the database holds now. */
    @GetMapping("/api/summary")
    Summary summary() {
        return summaries.current();
    }
}
