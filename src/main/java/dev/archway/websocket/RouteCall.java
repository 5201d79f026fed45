package dev.archway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.integration.BackendTimeoutException;
import dev.archway.integration.LambdaResult;
import dev.archway.model.Json;
import dev.archway.runtime.ContentHandling;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.TemplateRunner;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one route's integration for one event (CONNECT, MESSAGE or DISCONNECT) and gives its answer:
 * a status code (what decides {@code $connect}) and what goes back to the client on a two-way route.
 * AWS_PROXY: the Lambda event as AWS sends it; the function's {@code statusCode} and {@code body}.
 * HTTP_PROXY: the message as the body of the integration's method to its URI; the backend's status
 * and body. MOCK, HTTP and AWS: {@link NonProxyCall}. A call that fails ends in a {@link Refusal}:
 * 504 when the backend did not answer in time, else 500, with the reason in the log.
 */
final class RouteCall {
  private static final Logger LOG = LoggerFactory.getLogger(RouteCall.class);

  /** What an integration answered; {@code reply} is null when nothing goes back, {@code binary} for a binary frame. */
  record Answer(int statusCode, Buffer reply, boolean binary) {
    static Answer text(int statusCode, String reply) {
      return new Answer(statusCode, reply == null ? null : Buffer.buffer(reply), false);
    }
  }

  private final NonProxyCall nonProxy;

  RouteCall(TemplateRunner templates) {
    this.nonProxy = new NonProxyCall(templates);
  }

  /** @param lambdaEvent the Lambda event of this call, made only for AWS_PROXY */
  Future<Answer> run(WebSocketIntegration integration, RouteEvent event, Supplier<ObjectNode> lambdaEvent) {
    long started = System.nanoTime();
    Future<Answer> answer;
    try {
      answer = switch (integration.type()) {
        case "AWS_PROXY" -> lambdaProxy(integration, event, lambdaEvent.get());
        case "HTTP_PROXY" -> httpProxy(integration, event);
        default -> nonProxy.run(integration, event);
      };
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    RequestLog log = event.request().log();
    return answer.andThen(ar -> {
      if (log == null) {
        return;
      }
      if (!integration.type().equals("MOCK")) { // AWS suppresses IntegrationLatency for mock integrations
        log.integrationEnded(started);
      }
      if (ar.succeeded()) {
        log.integrationStatus(ar.result().statusCode());
      }
    }).recover(e -> Future.failedFuture(refusal(integration, event, e)));
  }

  private static Refusal refusal(WebSocketIntegration integration, RouteEvent event, Throwable e) {
    if (e instanceof Refusal refusal) {
      return refusal;
    }
    if (e instanceof BackendTimeoutException) {
      LOG.warn("request {}: route {}: {} did not answer within {} ms", event.requestId(), event.request().routeKey(),
          integration, integration.timeoutMillis());
      return Refusal.timedOut();
    }
    LOG.warn("request {}: route {} of {}: Execution failed: {}", event.requestId(), event.request().routeKey(),
        event.connection(), e.getMessage() == null ? e.toString() : e.getMessage());
    return Refusal.integrationFailure();
  }

  private static Future<Answer> lambdaProxy(WebSocketIntegration integration, RouteEvent event, ObjectNode lambdaEvent) {
    Buffer payload = Buffer.buffer(lambdaEvent.toString());
    return integration.lambda().invoke(integration.function().function(event.stage().variables()), payload,
        integration.timeoutMillis()).map(RouteCall::proxyAnswer);
  }

  /** A proxy answer: {@code statusCode} (200 when absent) and {@code body}; a function error fails. */
  static Answer proxyAnswer(LambdaResult result) {
    if (result.failed()) {
      throw new IllegalStateException("function error " + result.functionError());
    }
    JsonNode answer;
    try {
      answer = Json.MAPPER.readTree(result.payload().getBytes());
    } catch (Exception e) {
      throw new IllegalStateException("function output is not JSON");
    }
    if (answer == null || !answer.isObject()) {
      return Answer.text(200, answer == null ? null : answer.isTextual() ? answer.asText() : answer.toString());
    }
    JsonNode status = answer.get("statusCode");
    int code = status == null ? 200 : status.isNumber() ? status.asInt() : status(status.asText());
    JsonNode reply = answer.get("body");
    return Answer.text(code, reply == null || reply.isNull() ? null : reply.isTextual() ? reply.asText() : reply.toString());
  }

  private static Future<Answer> httpProxy(WebSocketIntegration integration, RouteEvent event) {
    Buffer body = Buffer.buffer(event.body());
    if ("CONVERT_TO_BINARY".equals(integration.contentHandling())) {
      body = ContentHandling.decode(body);
    }
    return IntegrationBackends.http(integration, event, body, dev.archway.mapping.Overrides.NONE)
        .map(response -> new Answer(response.statusCode(), response.body().length() == 0 ? null : response.body(), false));
  }

  static int status(String status) {
    try {
      return Integer.parseInt(status.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("statusCode " + status + " is not a number");
    }
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "RouteCall(" + nonProxy + ")";
  }
}
