/**
 * Capacity-aware spatial accessibility: two-step floating catchment area scores with binary,
 * stepwise or Gaussian distance decay on the shared walking graph ({@link
 * org.lifecircle.core.access.TwoStepFloatingCatchment}).
 */
package org.lifecircle.core.access;
