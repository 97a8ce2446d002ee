package org.lcjp.reoffending.impact;

/**
 * A difference between two groups (first minus second) with its interval and two-sided p-value.
 *
 * @param difference  estimate of first minus second
 * @param interval    confidence interval of the difference
 * @param pValue      two-sided p-value (NaN when undefined, e.g. no variation in either group)
 * @param significant p-value at or below 1 - confidence
 */
public record TestResult(double difference, Interval interval, double pValue, boolean significant) {}
