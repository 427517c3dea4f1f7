package org.lifecircle.core.boundary;

/**
 * A cell a plan assigns away from its community of today.
 *
 * @param cell the cell
 * @param fromCommunity today's community index
 * @param toCommunity the plan's community index ({@link ProposedCommunity#index()})
 * @param households households of the cell
 */
public record CellMove(int cell, int fromCommunity, int toCommunity, int households) {}
