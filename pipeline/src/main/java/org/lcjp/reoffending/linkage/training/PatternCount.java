package org.lcjp.reoffending.linkage.training;

/**
 * How many pairs share one agreement pattern.
 *
 * @param gammas level index per comparison (-1 when null)
 * @param count  pairs with exactly this pattern
 */
public record PatternCount(int[] gammas, long count) {}
