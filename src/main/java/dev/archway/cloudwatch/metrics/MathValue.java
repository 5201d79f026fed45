package dev.archway.cloudwatch.metrics;

import java.util.List;
import java.util.TreeMap;

/** What a metric math expression evaluates to: a number, one time series, or an array of them. */
sealed interface MathValue {
  record Scalar(double value) implements MathValue {}

  /** Values by period start (epoch seconds). */
  record Series(String label, TreeMap<Long, Double> values) implements MathValue {}

  record Many(List<Series> series) implements MathValue {}
}
