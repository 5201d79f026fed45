package dev.archway.cloudwatch.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one metric over [start, end) in periods: the finest resolution kept for the start time
 * (as AWS: one minute for 15 days, five minutes for 63, then hours), its aggregates merged into
 * periods that begin at the start rounded down to that resolution. A period that is not a
 * multiple of the resolution gets no data, as on AWS.
 */
public final class MetricQuery {
  private final MetricStore store;

  public MetricQuery(MetricStore store) {
    this.store = store;
  }

  /** Period start (epoch seconds) to the aggregate of each unit; {@code unit} null takes every unit. */
  public TreeMap<Long, Map<String, Aggregate>> periods(String scope, MetricId metric, long start, long end, int period, String unit) {
    int resolution = store.resolutionFor(start);
    TreeMap<Long, Map<String, Aggregate>> out = new TreeMap<>();
    if (period % resolution != 0) {
      return out;
    }
    long from = Math.floorDiv(start, resolution) * resolution;
    store.points(scope, metric, resolution, from, end).forEach((pointStart, byUnit) -> {
      long bucket = from + Math.floorDiv(pointStart - from, period) * (long) period;
      byUnit.forEach((pointUnit, aggregate) -> {
        if (unit == null || unit.equals(pointUnit)) {
          out.computeIfAbsent(bucket, b -> new HashMap<>()).computeIfAbsent(pointUnit, u -> new Aggregate()).merge(aggregate);
        }
      });
    });
    return out;
  }

  /** As {@link #periods}, every unit merged into one aggregate per period (what GetMetricData and alarms read). */
  public TreeMap<Long, Aggregate> merged(String scope, MetricId metric, long start, long end, int period, String unit) {
    TreeMap<Long, Aggregate> out = new TreeMap<>();
    periods(scope, metric, start, end, period, unit).forEach((bucket, byUnit) -> {
      Aggregate total = new Aggregate();
      byUnit.values().forEach(total::merge);
      out.put(bucket, total);
    });
    return out;
  }

  public MetricStore store() {
    return store;
  }
}
