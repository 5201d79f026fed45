package dev.archway.runtime;

import dev.archway.integration.BackendResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The execution-log lines about the endpoint, in AWS's wording; bodies are cut as AWS cuts them. */
final class EndpointLog {
  /** AWS truncates logged bodies to 1,000 bytes. */
  private static final int MAX_BODY = 1000;

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

  /** {@code {Name=value, Other=a,b}}, as AWS prints header maps. */
  static String headers(MultiMap headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : headers.names()) {
      out.put(name, String.join(",", headers.getAll(name)));
    }
    return out.toString();
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
