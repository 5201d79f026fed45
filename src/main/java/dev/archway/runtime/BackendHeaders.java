package dev.archway.runtime;

import io.vertx.core.MultiMap;

/** What AWS adds to every request an API sends to an HTTP backend (HTTP and HTTP_PROXY integrations). */
public final class BackendHeaders {
  private BackendHeaders() {}

  /**
   * REST APIs: the trace id of the request (the client's Root kept), the id of the API that calls
   * and the {@link #forwarded} headers.
   */
  static void stamp(MultiMap headers, RequestContext context) {
    headers.set("X-Amzn-Trace-Id", context.traceId());
    headers.set("X-Amzn-Apigateway-Api-Id", context.apiId());
    forwarded(headers, context);
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
