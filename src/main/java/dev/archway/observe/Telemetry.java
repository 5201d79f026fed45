package dev.archway.observe;

import dev.archway.cloudwatch.logs.LogSink;
import dev.archway.cloudwatch.metrics.MetricSink;
import dev.archway.config.Settings;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.RequestLogSink;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that observes API traffic, wired once: the CloudWatch gateway metrics, Prometheus's
 * meters, access and execution logs, OpenTelemetry traces. {@link #sink()} is where every completed request log goes (the front door and the
 * WebSocket runtime hand theirs to it); {@link #mount} adds {@code GET /metrics} to the management
 * listener.
 */
public final class Telemetry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);
  private final Vertx vertx;
  private final GatewayMetrics gatewayMetrics;
  private final PrometheusMetrics prometheus;
  private final AccessLogCopy accessLogCopy;
  private final Tracing tracing;
  private final RequestLogSink[] sinks;

  private Telemetry(Vertx vertx, GatewayMetrics gatewayMetrics, PrometheusMetrics prometheus, AccessLogCopy accessLogCopy,
      Tracing tracing, List<RequestLogSink> sinks) {
    this.vertx = vertx;
    this.gatewayMetrics = gatewayMetrics;
    this.prometheus = prometheus;
    this.accessLogCopy = accessLogCopy;
    this.tracing = tracing;
    this.sinks = sinks.toArray(RequestLogSink[]::new);
  }

  /**
   * @param metrics where the CloudWatch gateway metrics go
   * @param logs where access and execution logs go
   * @param webSocketConnections the number of WebSocket connections open on this node
   * @throws IOException when the {@code --access-log} file cannot be opened
   */
  public static Telemetry start(Vertx vertx, Settings settings, MetricSink metrics, LogSink logs,
      IntSupplier webSocketConnections) throws IOException {
    boolean counted = settings.observability().metrics();
    GatewayMetrics gateway = counted ? new GatewayMetrics(metrics, settings.accountId() + ":" + settings.region()) : null;
    PrometheusMetrics prometheus = new PrometheusMetrics(counted, ((VertxInternal) vertx).nettyEventLoopGroup());
    prometheus.count("archway.metric.samples.dropped", "CloudWatch metric samples dropped (queue full)", metrics::dropped);
    prometheus.count("archway.log.lines.dropped", "CloudWatch Logs lines of Archway's own dropped (queue full)",
        logs::dropped);
    prometheus.gauge("archway.websocket.connections", "WebSocket connections open on this node",
        webSocketConnections::getAsInt);
    Path copyTo = settings.observability().accessLog();
    AccessLogCopy copy = copyTo == null ? null : new AccessLogCopy(copyTo);
    AccessLogs accessLogs = new AccessLogs(logs, copy);
    prometheus.count("archway.access.log.dropped", "Access-log lines dropped (a queue was full)", accessLogs::dropped);
    Tracing tracing = Tracing.start(settings.observability().otel());
    if (tracing == null) {
      LOG.info("tracing: spans of stages with tracingEnabled are not exported (set OTEL_EXPORTER_OTLP_ENDPOINT to export them)");
    }
    List<RequestLogSink> sinks = new ArrayList<>();
    if (gateway != null) {
      sinks.add(gateway);
    }
    sinks.addAll(List.of(prometheus, accessLogs, new ExecutionLogs(logs)));
    if (tracing != null) {
      sinks.add(tracing);
    }
    return new Telemetry(vertx, gateway, prometheus, copy, tracing, sinks);
  }

  /** Where completed request logs go: each observer in turn, on the request's event loop. */
  public RequestLogSink sink() {
    RequestLogSink[] all = sinks;
    return log -> completed(all, log);
  }

  private static void completed(RequestLogSink[] all, RequestLog log) {
    for (RequestLogSink sink : all) {
      sink.completed(log);
    }
  }

  /** {@code GET /metrics}: the Prometheus scrape, rendered on a worker thread. */
  public void mount(Router router) {
    router.get("/metrics").handler(ctx -> {
      String accept = ctx.request().getHeader("Accept");
      vertx.executeBlocking(() -> prometheus.scrape(accept), false).onComplete(ar -> {
        if (ar.failed()) {
          ctx.fail(ar.cause());
          return;
        }
        ctx.response().putHeader("Content-Type", PrometheusMetrics.contentType(accept)).end(ar.result());
      });
    });
  }

  /** Flushes what was counted; before the metric and log sinks close. */
  @Override
  public void close() {
    if (gatewayMetrics != null) {
      gatewayMetrics.close();
    }
    if (accessLogCopy != null) {
      accessLogCopy.close();
    }
    if (tracing != null) {
      tracing.close();
    }
  }
}
