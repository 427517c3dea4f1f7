/**
 * The planning standards as data and the checks made with them: the catalog of life-circle levels,
 * facility types and numeric rules, each citing its source ({@link
 * org.lifecircle.core.standards.StandardsCatalog}, overridable per locality), and the per-community
 * checks against it ({@link org.lifecircle.core.standards.CommunityStandardsEvaluator}).
 */
package org.lifecircle.core.standards;
