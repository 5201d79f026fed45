package dev.archway.observe;

import dev.archway.runtime.RequestContext;
import dev.archway.runtime.RequestIds;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.RequestLogSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OpenTelemetry tracing of the stages with {@code tracingEnabled}: each completed request becomes a
 * server span (children for its authorizer and its integration) in the trace of its
 * {@code X-Amzn-Trace-Id} (the W3C trace id is X-Ray's Root without its dashes), exported over OTLP
 * as the standard {@code OTEL_*} variables say (OpenTelemetry's own autoconfiguration reads them).
 * The request span's id is the parent id of the {@code traceparent} its backends got. Spans are made
 * when the request is done, from the times its {@link RequestLog} kept; the SDK's batch processor
 * queues them without blocking and drops them when its queue is full.
 */
final class Tracing implements RequestLogSink, AutoCloseable {
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> CLIENT = AttributeKey.stringKey("client.address");
  private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("aws.request_id");
  private static final AttributeKey<String> API_ID = AttributeKey.stringKey("aws.api_gateway.api_id");
  private static final AttributeKey<String> STAGE = AttributeKey.stringKey("aws.api_gateway.stage");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private final OpenTelemetrySdk sdk;
  private final Tracer tracer;

  private Tracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
    this.tracer = sdk.getTracer("dev.archway");
  }

  /** Tracing as {@code otel} (the {@code OTEL_*} variables) configures it; null when they ask for no trace export. */
  static Tracing start(Map<String, String> otel) {
    boolean exporting = otel.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT") || otel.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        || (otel.containsKey("OTEL_TRACES_EXPORTER") && !"none".equals(otel.get("OTEL_TRACES_EXPORTER")));
    if (!exporting || "true".equalsIgnoreCase(otel.get("OTEL_SDK_DISABLED"))) {
      return null;
    }
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.service.name", "archway");
    properties.put("otel.metrics.exporter", "none"); // metrics are Prometheus's and CloudWatch's
    properties.put("otel.logs.exporter", "none");
    otel.forEach((name, value) -> properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value));
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> properties)
        .addTracerProviderCustomizer((builder, config) -> builder.setIdGenerator(PresetIds.INSTANCE))
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
    return new Tracing(sdk);
  }

  @Override
  public void completed(RequestLog log) {
    RouteTelemetry route = log.telemetry();
    RequestContext context = log.context();
    if (route == null || context == null || !route.stage().traced()) {
      return;
    }
    String traceId = RequestIds.w3cTraceId(context.traceId());
    if (traceId == null) {
      return;
    }
    boolean sampled = !"0".equals(RequestIds.field(context.traceId(), "Sampled="));
    String parent = RequestIds.field(context.traceId(), "Parent=");
    SpanContext remote = parent == null ? SpanContext.getInvalid() : SpanContext.createFromRemoteParent(traceId,
        parent.toLowerCase(Locale.ROOT), sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
    long toEpoch = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - System.nanoTime();
    String name = context.httpMethod() + " " + (context.resourcePath() != null ? context.resourcePath()
        : context.routeKey() != null ? context.routeKey() : "");
    SpanBuilder builder = tracer.spanBuilder(name.trim()).setSpanKind(SpanKind.SERVER)
        .setParent(remote.isValid() ? Context.root().with(Span.wrap(remote)) : Context.root())
        .setStartTimestamp(log.startNanos() + toEpoch, TimeUnit.NANOSECONDS)
        .setAttribute(METHOD, context.httpMethod()).setAttribute(PATH, context.path())
        .setAttribute(REQUEST_ID, context.requestId()).setAttribute(API_ID, context.apiId())
        .setAttribute(STAGE, route.stageDimension());
    if (context.resourcePath() != null) {
      builder.setAttribute(ROUTE, context.resourcePath());
    }
    if (context.sourceIp() != null) {
      builder.setAttribute(CLIENT, context.sourceIp());
    }
    Span span = PresetIds.start(builder, traceId, log.spanId());
    Context inside = Context.root().with(span);
    if (log.authorizerLatencyNanos() >= 0) {
      child(inside, "authorizer", SpanKind.INTERNAL, log.authorizerEndNanos(), log.authorizerLatencyNanos(), toEpoch);
    }
    if (log.integrationLatencyNanos() >= 0) {
      child(inside, "integration", SpanKind.CLIENT, log.integrationEndNanos(), log.integrationLatencyNanos(), toEpoch);
    }
    if (log.status() != RequestLog.CLIENT_CLOSED) {
      span.setAttribute(STATUS, (long) log.status());
    }
    if (log.status() >= 500 || log.status() == RequestLog.CLIENT_CLOSED) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(ERROR_TYPE, log.errorType() != null ? log.errorType() : Integer.toString(log.status()));
    }
    span.end(log.startNanos() + log.latencyNanos() + toEpoch, TimeUnit.NANOSECONDS);
  }

  private void child(Context parent, String name, SpanKind kind, long endNanos, long tookNanos, long toEpoch) {
    tracer.spanBuilder(name).setSpanKind(kind).setParent(parent)
        .setStartTimestamp(endNanos - tookNanos + toEpoch, TimeUnit.NANOSECONDS).startSpan()
        .end(endNanos + toEpoch, TimeUnit.NANOSECONDS);
  }

  /** Exports what is queued, then stops. */
  @Override
  public void close() {
    sdk.close();
  }
}
