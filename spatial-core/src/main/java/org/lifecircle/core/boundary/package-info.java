/**
 * Community boundary proposals: regionalization of population cells into contiguous communities
 * within a household range, changing today's boundaries as little as the range allows.
 */
package org.lifecircle.core.boundary;
