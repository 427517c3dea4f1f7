package org.lifecircle.web.servicearea;

import org.lifecircle.core.domain.Facility;

/** A facility with its database id, so results can point back at it. */
record StoredFacility(long id, Facility facility) {}
