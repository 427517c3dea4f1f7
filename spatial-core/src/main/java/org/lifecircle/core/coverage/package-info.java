/**
 * Population coverage by facility types on the shared walking graph: per-cell walking distance to
 * the nearest facility and households covered per community ({@link
 * org.lifecircle.core.coverage.CoverageAnalysis}), coverage gaps dissolved from uncovered cells
 * ({@link org.lifecircle.core.coverage.GapAreas}), each community's household-weighted walking centre
 * ({@link org.lifecircle.core.coverage.CommunityCentre}), and the cell input they share ({@link
 * org.lifecircle.core.coverage.PopulationCells}, {@link org.lifecircle.core.coverage.PointsByEdge}).
 */
package org.lifecircle.core.coverage;
