package dev.archway.cloudwatch.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Archway's own parts (the gateway metrics feed) record CloudWatch metrics: {@link #record}
 * never blocks; a full queue drops the sample and counts it. One thread folds samples into the
 * store's minute aggregates and flushes them every few seconds, off every event loop. A per-API-key
 * series is one more dimension ({@code ApiKeyId}), so usage analytics fit the same store.
 */
public final class MetricSink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricSink.class);
  private static final long FLUSH_EVERY_MILLIS = 5_000;

  /** One value, or (when {@code aggregate} is set) a minute already aggregated by its producer. */
  private record Sample(String scope, MetricId metric, String unit, long timestamp, double value, Aggregate aggregate) {}

  private final MetricStore store;
  private final BlockingQueue<Sample> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread worker;
  private volatile boolean closed;

  public MetricSink(MetricStore store, int capacity) {
    this.store = store;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.worker = new Thread(this::run, "archway-metric-sink");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Records one value of a metric at the store clock's now.
   *
   * @return false when the sample was dropped (queue full, or the sink closed)
   */
  public boolean record(String accountId, String region, String namespace, String metricName, Map<String, String> dimensions,
      String unit, double value) {
    Sample sample = new Sample(accountId + ":" + region, MetricId.of(namespace, metricName, dimensions), unit == null ? "None" : unit,
        store.clock().millis(), value, null);
    if (closed || !Double.isFinite(value) || !queue.offer(sample)) {
      dropped.incrementAndGet();
      return false;
    }
    return true;
  }

  /**
   * Merges a minute its producer aggregated (the gateway metrics of an event loop) into the
   * metric's minute at {@code timestampMillis}; the aggregate must not change afterwards.
   *
   * @param scope {@code account:region}
   * @return false when it was dropped (queue full, or the sink closed)
   */
  public boolean merge(String scope, MetricId metric, String unit, long timestampMillis, Aggregate aggregate) {
    if (closed || !queue.offer(new Sample(scope, metric, unit, timestampMillis, 0, aggregate))) {
      dropped.incrementAndGet();
      return false;
    }
    return true;
  }

  /** Samples dropped here or by the store. */
  public long dropped() {
    return dropped.get() + store.dropped();
  }

  private void run() {
    List<Sample> batch = new ArrayList<>();
    long lastFlush = System.nanoTime();
    while (!closed || !queue.isEmpty()) {
      try {
        Sample first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, 10_000);
          batch.forEach(s -> store.add(s.scope(), s.metric(), s.unit(), s.timestamp(),
              s.aggregate() == null ? a -> a.add(s.value(), 1) : a -> a.merge(s.aggregate())));
          batch.clear();
        }
        if (System.nanoTime() - lastFlush > TimeUnit.MILLISECONDS.toNanos(FLUSH_EVERY_MILLIS)) {
          store.flush();
          lastFlush = System.nanoTime();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("could not write metrics: {}", e.toString());
      }
    }
  }

  /** Folds in what is queued, writes it, then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      worker.join(10_000);
      store.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("could not write metrics at shutdown: {}", e.toString());
    }
  }
}
