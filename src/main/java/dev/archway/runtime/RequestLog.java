package dev.archway.runtime;

import dev.archway.observe.RouteTelemetry;

/**
 * The record of one request, filled in as it travels (route, integration and authorizer
 * latencies, API key, error type) and completed exactly once, when its answer has been written,
 * or when it ended without one (client gone, deadline passed). Then the {@link RequestLogSink}
 * receives it; after that nothing changes it. Used on the request's event loop only.
 */
public final class RequestLog {
  /** {@link #status()} of a request whose client went away before it was answered. */
  public static final int CLIENT_CLOSED = 0;

  private final long startNanos;
  private RequestContext context;
  private RouteTelemetry telemetry;
  private Exchange exchange;
  private int integrationStatus = -1;
  private String integrationError;
  private String errorMessage;
  private String validationErrorString;
  private long responseLength = -1;
  private WebSocketEvent webSocketEvent;
  private long requestBytes;
  private long integrationNanos = -1;
  private long authorizerNanos = -1;
  private long integrationEndNanos;
  private long authorizerEndNanos;
  private String spanId;
  private String errorType;
  private String apiKeyId;
  private boolean throttled;
  private Boolean cacheHit;
  private boolean completed;
  private int status;
  private long responseBytes;
  private long latencyNanos;

  /** @param startNanos {@link System#nanoTime()} when the request's first byte arrived */
  public RequestLog(long startNanos) {
    this.startNanos = startNanos;
  }

  /** The request's {@code $context}; null only for a request too malformed to have one. */
  public RequestContext context() {
    return context;
  }

  public void context(RequestContext arrived) {
    this.context = arrived;
  }

  /** How the request is observed: its route's (or, unrouted, its stage's) telemetry; null when it reached no stage. */
  public RouteTelemetry telemetry() {
    return telemetry;
  }

  public void telemetry(RouteTelemetry route) {
    this.telemetry = route;
  }

  /** The request as its pipeline served it (authorizer, caller, API key, endpoint response); null when none ran. */
  public Exchange exchange() {
    return exchange;
  }

  public void exchange(Exchange served) {
    this.exchange = served;
  }

  /** The WebSocket event this log is of ({@code $context.connectionId}, {@code eventType}...); null for HTTP requests. */
  public WebSocketEvent webSocketEvent() {
    return webSocketEvent;
  }

  public void webSocketEvent(WebSocketEvent event) {
    this.webSocketEvent = event;
  }

  /** {@code $context.integration.error}: why the integration call failed, or null. */
  public String integrationError() {
    return integrationError;
  }

  public void integrationError(String reason) {
    this.integrationError = reason;
  }

  /** {@code $context.error.message}: the gateway response's message, or null when none answered. */
  public String errorMessage() {
    return errorMessage;
  }

  /** {@code $context.error.validationErrorString}, or null. */
  public String validationErrorString() {
    return validationErrorString;
  }

  /** The gateway response the request ended with: its type, message and validation errors. */
  public void gatewayResponse(GatewayResponse response, String message) {
    errorType(response.type());
    this.errorMessage = message;
    String validation = response.validationErrorString();
    this.validationErrorString = validation == null || validation.isEmpty() ? null : validation;
  }

  /** {@code $context.responseLength}: the answer's payload (body) bytes, or -1 when none was sent. */
  public long responseLength() {
    return responseLength;
  }

  public void responseLength(long bytes) {
    this.responseLength = bytes;
  }

  /** The status the integration answered with, or -1 when none answered. */
  public int integrationStatus() {
    return integrationStatus;
  }

  public void integrationStatus(int status) {
    this.integrationStatus = status;
  }

  /** Bytes the client sent: head and body. */
  public long requestBytes() {
    return requestBytes;
  }

  public void addRequestBytes(long bytes) {
    requestBytes += bytes;
  }

  /** Time the integration took (the sum when a route calls several), in nanoseconds; -1 when none ran. */
  public long integrationLatencyNanos() {
    return integrationNanos;
  }

  /** Called when an integration call ends, with when it started ({@link System#nanoTime()}). */
  public void integrationEnded(long startedNanos) {
    long now = System.nanoTime();
    integrationNanos = Math.max(integrationNanos, 0) + now - startedNanos;
    integrationEndNanos = now;
  }

  /** {@link System#nanoTime()} when the (last) integration call ended; meaningful when one ran. */
  public long integrationEndNanos() {
    return integrationEndNanos;
  }

  /** Time the authorizer took, in nanoseconds (0 for a cached decision); -1 when none ran. */
  public long authorizerLatencyNanos() {
    return authorizerNanos;
  }

  /** Called when the authorizer has decided, with the time it took. */
  public void authorizerLatency(long nanos) {
    authorizerNanos = Math.max(authorizerNanos, 0) + nanos;
    authorizerEndNanos = System.nanoTime();
  }

  /** {@link System#nanoTime()} when the authorizer decided; meaningful when one ran. */
  public long authorizerEndNanos() {
    return authorizerEndNanos;
  }

  /**
   * The id of the request's span (16 hex digits), drawn on first use: the parent id of the W3C
   * {@code traceparent} sent to backends, and the span's id when the stage traces requests.
   */
  public String spanId() {
    if (spanId == null) {
      spanId = RequestIds.spanId();
    }
    return spanId;
  }

  /** The gateway response type the request ended with ({@code THROTTLED}, {@code INTEGRATION_TIMEOUT}...), or null. */
  public String errorType() {
    return errorType;
  }

  public void errorType(String type) {
    this.errorType = type;
    throttled |= "THROTTLED".equals(type) || "QUOTA_EXCEEDED".equals(type);
  }

  /** The id of the API key the request was served with, or null. */
  public String apiKeyId() {
    return apiKeyId;
  }

  public void apiKeyId(String id) {
    this.apiKeyId = id;
  }

  /** Whether a throttle or quota refused the request. */
  public boolean throttled() {
    return throttled;
  }

  /** Whether the stage cache answered; null when the route has no cache. */
  public Boolean cacheHit() {
    return cacheHit;
  }

  public void cacheHit(boolean hit) {
    this.cacheHit = hit;
  }

  public boolean isCompleted() {
    return completed;
  }

  /** The status sent, or {@link #CLIENT_CLOSED}. */
  public int status() {
    return status;
  }

  /** Bytes of the answer: head and body. */
  public long responseBytes() {
    return responseBytes;
  }

  /** {@link System#nanoTime()} when the request's first byte arrived. */
  public long startNanos() {
    return startNanos;
  }

  /** From the request's first byte to its answer written (or its end). */
  public long latencyNanos() {
    return latencyNanos;
  }

  /**
   * Completes the log and hands it to {@code sink}; only the first call counts.
   *
   * @param status the status sent, or {@link #CLIENT_CLOSED}
   */
  public void complete(int status, long responseBytes, RequestLogSink sink) {
    complete(status, responseBytes, sink, System.nanoTime());
  }

  /** As {@link #complete(int, long, RequestLogSink)}, ended at {@code endNanos} ({@link System#nanoTime()}). */
  public void complete(int status, long responseBytes, RequestLogSink sink, long endNanos) {
    if (completed) {
      return;
    }
    completed = true;
    this.status = status;
    this.responseBytes = responseBytes;
    this.latencyNanos = endNanos - startNanos;
    sink.completed(this);
  }

  @Override
  public String toString() {
    return "RequestLog(" + (context == null ? "-" : context.httpMethod() + " " + context.path()) + " -> " + status
        + ", " + latencyNanos / 1000 + " us" + (errorType == null ? "" : ", " + errorType) + ")";
  }
}
