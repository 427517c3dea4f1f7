package org.lifecircle.core.access;

/** How a facility's pull on a cell weakens with walking distance inside the catchment. */
public enum DistanceDecay {
    /**
     * Weight 1 within the catchment, 0 beyond: the original two-step floating catchment area method
     * (Luo &amp; Wang 2003).
     */
    BINARY,
    /**
     * A constant weight per distance sub-zone of the catchment: the enhanced method (Luo &amp; Qi
     * 2009), whose zones 0–10, 10–20 and 20–30 minutes carry weights 1.00, 0.68 and 0.22.
     */
    STEPWISE,
    /**
     * A continuous Gaussian kernel, 1 at the facility and 0 at the catchment edge: {@code (e^{-½(d/d₀)²}
     * − e^{-½}) / (1 − e^{-½})} (D. Dai, "Black residential segregation, disparities in spatial access
     * to health care facilities, and late-stage breast cancer diagnosis in metropolitan Detroit",
     * Health &amp; Place 16(5):1038–1052, 2010, doi:10.1016/j.healthplace.2010.06.012).
     */
    GAUSSIAN
}
