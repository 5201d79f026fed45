package dev.archway.runtime;

import dev.archway.integration.BackendResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The execution-log lines about the endpoint, in AWS's wording; bodies are cut as AWS cuts them. */
final class EndpointLog {
  /** AWS truncates logged bodies to 1,000 bytes. */
  private static final int MAX_BODY = 1000;
  private static final Set<String> SECRETS = Set.of("authorization", "proxy-authorization", "x-api-key", "cookie",
      "set-cookie", "x-amz-security-token");

  private EndpointLog() {}

  static void received(Exchange exchange, BackendResponse response, long startedNanos) {
    ExecutionLog log = exchange.executionLog();
    if (!log.enabled()) {
      return;
    }
    log.add("Received response. Status: " + response.statusCode() + ", Integration latency: "
        + (System.nanoTime() - startedNanos) / 1_000_000 + " ms");
    log.add("Endpoint response headers: " + headers(response.headers()));
    log.add("Endpoint response body before transformations: " + body(response.body()));
  }

  /**
   * The lines with which AWS starts a request's execution log; the data lines among them are kept
   * only with {@code dataTraceEnabled}.
   */
  static void started(ExecutionLog log, String requestId, MethodRequest request) {
    if (!log.enabled()) {
      return;
    }
    log.add("Starting execution for request: " + requestId);
    log.add("HTTP Method: " + request.httpMethod() + ", Resource Path: " + request.path());
    log.add("Method request path: ", request.pathParameters(), String::valueOf);
    log.add("Method request query string: ", request.queryParameters(), EndpointLog::headers);
    log.add("Method request headers: ", request.headers(), EndpointLog::headers);
    log.add("Method request body before transformations: ", request.body(), EndpointLog::body);
  }

  /**
   * {@code {Name=value, Other=a,b}}, as AWS prints header maps; credentials (authorization headers,
   * API keys, cookies, session tokens) redacted to their last 4 characters, as AWS redacts them.
   */
  static String headers(MultiMap headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : headers.names()) {
      String value = String.join(",", headers.getAll(name));
      out.put(name, SECRETS.contains(name.toLowerCase(Locale.ROOT)) ? redacted(value) : value);
    }
    return out.toString();
  }

  private static String redacted(String value) {
    return value.length() < 12 ? "****" : "****" + value.substring(value.length() - 4);
  }

  static String body(Buffer body) {
    if (body == null) {
      return "";
    }
    String text = body.length() > MAX_BODY ? body.getBuffer(0, MAX_BODY).toString(StandardCharsets.UTF_8) + " [TRUNCATED]"
        : body.toString(StandardCharsets.UTF_8);
    return text;
  }
}
