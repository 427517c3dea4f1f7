/**
 * Walking service areas (生活圈) of facilities, as geodesic circles or along the walking network,
 * per facility and dissolved per facility type; entry point {@link
 * org.lifecircle.core.servicearea.ServiceAreaBuilder}.
 */
package org.lifecircle.core.servicearea;
