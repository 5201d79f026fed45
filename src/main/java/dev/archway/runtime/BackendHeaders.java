package dev.archway.runtime;

import io.vertx.core.MultiMap;

/** What AWS adds to every request an API sends to an HTTP backend (HTTP and HTTP_PROXY integrations). */
public final class BackendHeaders {
  private BackendHeaders() {}

  /**
   * REST APIs: the trace id of the request (the client's Root kept; with a W3C {@link #traceparent}
   * on stages that trace requests), the id of the API that calls and the {@link #forwarded} headers.
   */
  static void stamp(MultiMap headers, Exchange exchange) {
    RequestContext context = exchange.context();
    headers.set("X-Amzn-Trace-Id", context.traceId());
    String traceparent = traceparent(exchange);
    if (traceparent != null) {
      headers.set("traceparent", traceparent);
    }
    headers.set("X-Amzn-Apigateway-Api-Id", context.apiId());
    forwarded(headers, context);
  }

  /**
   * The W3C {@code traceparent} of a request of a stage with {@code tracingEnabled}: the trace of its
   * {@code X-Amzn-Trace-Id}, the request's span as parent; null on other stages.
   */
  public static String traceparent(Exchange exchange) {
    RequestLog log = exchange.requestLog();
    if (log == null || log.telemetry() == null || !log.telemetry().stage().traced()) {
      return null;
    }
    String traceId = RequestIds.w3cTraceId(exchange.context().traceId());
    return traceId == null ? null : "00-" + traceId + "-" + log.spanId() + "-"
        + ("0".equals(RequestIds.field(exchange.context().traceId(), "Sampled=")) ? "00" : "01");
  }

  /**
   * The Invoke API headers of a Lambda call: on a stage that traces requests, {@code invokeHeaders}
   * (possibly null) with the request's {@code X-Amzn-Trace-Id} and {@link #traceparent}, so the
   * function's own traces join the request's; {@code invokeHeaders} as they are elsewhere.
   */
  public static MultiMap lambdaInvoke(Exchange exchange, MultiMap invokeHeaders) {
    String traceparent = traceparent(exchange);
    if (traceparent == null) {
      return invokeHeaders;
    }
    MultiMap out = invokeHeaders == null ? MultiMap.caseInsensitiveMultiMap() : invokeHeaders;
    out.set("X-Amzn-Trace-Id", exchange.context().traceId());
    out.set("traceparent", traceparent);
    return out;
  }

  /**
   * {@code X-Forwarded-For} (the client's address appended to what {@code headers} already has),
   * {@code X-Forwarded-Port} (the listener's) and {@code X-Forwarded-Proto}, as in AWS's recorded
   * backend requests and Lambda events.
   */
  public static void forwarded(MultiMap headers, RequestContext context) {
    if (context.sourceIp() != null) {
      String forwarded = headers.get("X-Forwarded-For");
      headers.set("X-Forwarded-For", forwarded == null ? context.sourceIp() : forwarded + ", " + context.sourceIp());
    }
    if (context.port() > 0) {
      headers.set("X-Forwarded-Port", Integer.toString(context.port()));
    }
    headers.set("X-Forwarded-Proto", "http");
  }
}
