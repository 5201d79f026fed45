package dev.archway.observe;

import dev.archway.runtime.RequestLog;
import dev.archway.runtime.RequestLogSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyEventExecutorMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Prometheus's view of the gateway ({@code GET /metrics} on the management listener): per route the
 * {@code archway_requests_seconds} histogram by status class, integration and authorizer latency,
 * throttled requests by reason and cache results, labelled with the API, stage and route template
 * (see {@link RouteMeters}); the server's own counters (dropped log lines and metric samples, open
 * WebSocket connections); JVM and Netty gauges. Meters are bound on a route's first request; a
 * request records into them, lock-free.
 */
public final class PrometheusMetrics implements RequestLogSink {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter withoutStage;
  private final boolean requests;

  /**
   * @param requests whether requests are counted ({@code --metrics}); the server's gauges are there either way
   * @param eventLoops the loops that serve API traffic
   */
  public PrometheusMetrics(boolean requests, EventLoopGroup eventLoops) {
    this.requests = requests;
    this.withoutStage = Counter.builder("archway.requests.without.stage")
        .description("Requests that named no API or stage Archway serves").register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new NettyAllocatorMetrics(PooledByteBufAllocator.DEFAULT).bindTo(registry);
    if (eventLoops != null) {
      new NettyEventExecutorMetrics(eventLoops).bindTo(registry);
    }
  }

  /** A count the server keeps elsewhere (dropped lines, samples), as {@code <name>_total}. */
  public void count(String name, String description, LongSupplier value) {
    FunctionCounter.builder(name, value, v -> v.getAsLong()).description(description).register(registry);
  }

  /** A value the server keeps elsewhere (open connections), as a gauge. */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  @Override
  public void completed(RequestLog log) {
    if (!requests) {
      return;
    }
    RouteTelemetry route = log.telemetry();
    if (route == null) {
      withoutStage.increment();
      return;
    }
    if (log.context() != null && Boolean.TRUE.equals(log.context().isCanaryRequest())) {
      route = route.canary();
    }
    RouteMeters meters = route.meters(registry);
    meters.request(log.status()).record(log.latencyNanos(), TimeUnit.NANOSECONDS);
    if (log.integrationLatencyNanos() >= 0) {
      meters.integration().record(log.integrationLatencyNanos(), TimeUnit.NANOSECONDS);
    }
    if (log.authorizerLatencyNanos() >= 0) {
      meters.authorizer().record(log.authorizerLatencyNanos(), TimeUnit.NANOSECONDS);
    }
    if (log.throttled()) {
      meters.throttled("QUOTA_EXCEEDED".equals(log.errorType())).increment();
    }
    if (log.cacheHit() != null) {
      meters.cache(log.cacheHit()).increment();
    }
  }

  /** The Prometheus text exposition (or OpenMetrics, when {@code accept} asks for it). */
  public String scrape(String accept) {
    return registry.scrape(accept == null ? "text/plain" : accept);
  }

  /** The content type {@link #scrape} answers for {@code accept}. */
  public static String contentType(String accept) {
    return accept != null && accept.contains("application/openmetrics-text")
        ? "application/openmetrics-text; version=1.0.0; charset=utf-8" : "text/plain; version=0.0.4; charset=utf-8";
  }

  @Override
  public String toString() {
    return "PrometheusMetrics(" + registry.getMeters().size() + " meters)";
  }
}
