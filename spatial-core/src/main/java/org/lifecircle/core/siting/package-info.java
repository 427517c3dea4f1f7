/**
 * New facility sites: the maximal covering location problem with existing facilities locked, solved
 * by lazy greedy, swap improvement and restarts on the shared walking graph ({@link
 * org.lifecircle.core.siting.MaximalCoveringLocation}), with candidates from coverage-gap cells
 * ({@link org.lifecircle.core.siting.SiteCandidates}) or a planner's list.
 */
package org.lifecircle.core.siting;
