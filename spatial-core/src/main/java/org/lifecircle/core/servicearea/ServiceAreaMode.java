package org.lifecircle.core.servicearea;

/** How a service area is drawn. */
public enum ServiceAreaMode {
    /**
     * A geodesic circle of radius speed × time around the facility: the "service radius" of
     * GB 50180-2018 and TD/T 1062-2021; ignores the network and barriers.
     */
    CIRCLE,
    /** The land within the walking time along the network, plus a short off-network walk. */
    NETWORK;

    /** The lower-case code used in requests and stored runs. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
