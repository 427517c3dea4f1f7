/**
 * The walking graph shared by every analysis: {@link org.lifecircle.core.graph.WalkingGraph} (CSR
 * arrays, nodes in lon/lat and Gauss-Krüger metres, components, edge index), {@link
 * org.lifecircle.core.graph.Snapper} (points onto edges), {@link
 * org.lifecircle.core.graph.DistanceSearch} (bounded single- and multi-source Dijkstra from snapped
 * points) and {@link org.lifecircle.core.graph.MetricProjection} (Proj4J projections).
 */
package org.lifecircle.core.graph;
