package dev.archway.observe;

import dev.archway.cloudwatch.metrics.MetricSink;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.RequestLogSink;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudWatch metrics of API traffic ({@code AWS/ApiGateway}, see {@link ApiGatewayMetrics}, and
 * {@code Archway/Usage}, see {@link UsageMetrics}) from completed request logs. Each event loop counts
 * its own requests per route and minute ({@link LoopMetrics}); every {@link #FLUSH_SECONDS} seconds
 * one thread of its own takes what the loops counted and merges it into the metric store through
 * the {@link MetricSink}, off every loop. A request costs a few field updates.
 */
public final class GatewayMetrics implements RequestLogSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayMetrics.class);
  static final int FLUSH_SECONDS = 2;

  private final MetricSink sink;
  private final String defaultScope;
  private final Queue<LoopMetrics> loops = new ConcurrentLinkedQueue<>();
  private final FastThreadLocal<LoopMetrics> loop = new FastThreadLocal<>() {
    @Override
    protected LoopMetrics initialValue() {
      LoopMetrics mine = new LoopMetrics();
      loops.add(mine);
      return mine;
    }
  };
  private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "archway-gateway-metrics");
    thread.setDaemon(true);
    return thread;
  });

  /** @param defaultScope {@code account:region} of APIs whose stage names none */
  public GatewayMetrics(MetricSink sink, String defaultScope) {
    this.sink = sink;
    this.defaultScope = defaultScope;
    flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void completed(RequestLog log) {
    RouteTelemetry route = log.telemetry();
    if (route == null) {
      return; // no stage: AWS has no API to count it under
    }
    boolean canary = log.context() != null && Boolean.TRUE.equals(log.context().isCanaryRequest());
    long at = log.context() != null ? log.context().requestTimeEpoch() : System.currentTimeMillis();
    loop.get().add(canary ? route.canary() : route, log, at, true);
  }

  /** Merges what every loop counted so far into the metric store. */
  void flush() {
    for (LoopMetrics counted : loops) {
      for (LoopMetrics.Minute minute : counted.take()) {
        for (Map.Entry<RouteTelemetry, RouteCounters> entry : minute.routes().entrySet()) {
          RouteTelemetry route = entry.getKey();
          String scope = route.stage().scope() == null ? defaultScope : route.stage().scope();
          ApiGatewayMetrics.Out out = (metric, unit, value) -> sink.merge(scope, metric, unit, minute.startMillis(), value);
          ApiGatewayMetrics.emit(route, entry.getValue(), out);
          UsageMetrics.emit(route, entry.getValue(), out);
        }
      }
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("could not record gateway metrics: {}", e.toString());
    }
  }

  /** Flushes what was counted, then stops; before the metric sink closes. */
  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushQuietly();
  }

  @Override
  public String toString() {
    return "GatewayMetrics(" + loops.size() + " loops, every " + FLUSH_SECONDS + " s)";
  }
}
