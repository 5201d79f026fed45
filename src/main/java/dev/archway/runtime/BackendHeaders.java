package dev.archway.runtime;

import io.vertx.core.MultiMap;

/** What AWS adds to every request a REST API sends to an HTTP backend (HTTP and HTTP_PROXY integrations). */
final class BackendHeaders {
  private BackendHeaders() {}

  /** The trace id of the request (the client's Root kept) and the id of the API that calls. */
  static void stamp(MultiMap headers, RequestContext context) {
    headers.set("X-Amzn-Trace-Id", context.traceId());
    headers.set("X-Amzn-Apigateway-Api-Id", context.apiId());
  }
}
