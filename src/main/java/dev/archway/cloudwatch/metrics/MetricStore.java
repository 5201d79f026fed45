package dev.archway.cloudwatch.metrics;

import dev.archway.store.MetricRows;
import dev.archway.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * CloudWatch's metric store: one-minute aggregates per metric, dimension set and unit, rolled up
 * as they are written into five-minute and one-hour aggregates, and kept as long as AWS keeps
 * them (15 days at one minute, 63 days at five minutes, 455 days at one hour). Samples gather in
 * memory and are written in one store transaction per flush; queries flush first, so what was
 * recorded is what is read.
 */
public final class MetricStore {
  /** Resolutions in seconds and how long each is kept. */
  static final Map<Integer, Duration> RETENTION = Map.of(60, Duration.ofDays(15), 300, Duration.ofDays(63), 3600, Duration.ofDays(455));
  /** Pending aggregates at most in memory between flushes; beyond, new series-minutes are dropped and counted. */
  private static final int MAX_PENDING = 200_000;

  private record PendingKey(String scope, MetricId metric, String unit, long minute) {}

  private final Store store;
  private final Clock clock;
  private Map<PendingKey, Aggregate> pending = new HashMap<>();
  private final AtomicLong dropped = new AtomicLong();

  public MetricStore(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** Adds to the minute of {@code timestampMillis}; {@code change} applies the sample to its aggregate. */
  public void add(String scope, MetricId metric, String unit, long timestampMillis, Consumer<Aggregate> change) {
    long minute = Math.floorDiv(timestampMillis, 60_000L) * 60;
    PendingKey key = new PendingKey(scope, metric, unit, minute);
    synchronized (this) {
      Aggregate aggregate = pending.get(key);
      if (aggregate == null) {
        if (pending.size() >= MAX_PENDING) {
          dropped.incrementAndGet();
          return;
        }
        aggregate = new Aggregate();
        pending.put(key, aggregate);
      }
      change.accept(aggregate);
    }
  }

  /** Samples dropped because too many series-minutes were waiting for a flush. */
  public long dropped() {
    return dropped.get();
  }

  /** Writes what has gathered, merged into the stored aggregates of every resolution, in one transaction. */
  public void flush() {
    Map<PendingKey, Aggregate> batch;
    synchronized (this) {
      if (pending.isEmpty()) {
        return;
      }
      batch = pending;
      pending = new HashMap<>();
    }
    Map<String, Long> newest = new HashMap<>();
    batch.keySet().forEach(key -> newest.merge(seriesKey(key), key.minute() * 1000, Math::max));
    store.write(docs -> {
      MetricRows rows = docs.metrics();
      Map<String, Long> ids = new HashMap<>();
      record Target(long series, int resolution, long start, String unit) {}
      Map<Target, Aggregate> merged = new HashMap<>();
      batch.forEach((key, aggregate) -> {
        long id = ids.computeIfAbsent(seriesKey(key), k -> rows.series(key.scope(), key.metric().namespace(),
            key.metric().metricName(), key.metric().dimensionsKey(), newest.get(k)));
        for (int resolution : RETENTION.keySet()) {
          merged.computeIfAbsent(new Target(id, resolution, Math.floorDiv(key.minute(), resolution) * resolution, key.unit()),
              t -> new Aggregate()).merge(aggregate);
        }
      });
      merged.forEach((target, aggregate) -> {
        Aggregate total = rows.point(target.series(), target.resolution(), target.start(), target.unit())
            .map(Aggregate::of).orElseGet(Aggregate::new);
        total.merge(aggregate);
        rows.put(total.toPoint(target.series(), target.resolution(), target.start(), target.unit()));
      });
      return null;
    });
  }

  private static String seriesKey(PendingKey key) {
    return key.scope() + "\n" + key.metric().namespace() + "\n" + key.metric().metricName() + "\n" + key.metric().dimensionsKey();
  }

  /** Series of a scope (namespace and name optional) with data since {@code seenSince} (epoch ms). */
  public List<MetricRows.Series> series(String scope, String namespace, String metricName, long seenSince) {
    flush();
    return store.read(docs -> docs.metrics().list(scope, namespace, metricName, seenSince));
  }

  /**
   * The stored aggregates of one metric at a resolution, by start (epoch seconds) and unit, for
   * starts in [from, to).
   */
  public TreeMap<Long, Map<String, Aggregate>> points(String scope, MetricId metric, int resolution, long from, long to) {
    flush();
    TreeMap<Long, Map<String, Aggregate>> out = new TreeMap<>();
    store.read(docs -> {
      MetricRows rows = docs.metrics();
      for (MetricRows.Series series : rows.list(scope, metric.namespace(), metric.metricName(), Long.MIN_VALUE)) {
        if (series.dimensions().equals(metric.dimensionsKey())) {
          for (MetricRows.Point point : rows.points(series.id(), resolution, from, to)) {
            out.computeIfAbsent(point.start(), s -> new HashMap<>()).put(point.unit(), Aggregate.of(point));
          }
        }
      }
      return null;
    });
    return out;
  }

  /** The finest resolution still kept for data starting at {@code startSeconds}. */
  public int resolutionFor(long startSeconds) {
    long age = clock.instant().getEpochSecond() - startSeconds;
    if (age <= RETENTION.get(60).toSeconds()) {
      return 60;
    }
    return age <= RETENTION.get(300).toSeconds() ? 300 : 3600;
  }

  /** Drops what AWS no longer keeps: each resolution past its retention, then series left without points. */
  public void prune() {
    long now = clock.instant().getEpochSecond();
    store.write(docs -> {
      MetricRows rows = docs.metrics();
      RETENTION.forEach((resolution, kept) -> rows.prune(resolution, now - kept.toSeconds()));
      rows.pruneSeries((now - RETENTION.get(60).toSeconds()) * 1000);
      return null;
    });
  }
}
