package dev.archway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.integration.LambdaResult;
import dev.archway.mapping.ContextVariables;
import dev.archway.mapping.MappingTemplate;
import dev.archway.mapping.TemplateInput;
import dev.archway.model.Json;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.TemplateRunner;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs one route's integration for one event (CONNECT, MESSAGE or DISCONNECT) and gives its answer:
 * a status code (what decides {@code $connect}) and the text to send back on a two-way route.
 * MOCK: the request template the template selection picks gives {@code statusCode}; the integration
 * response chosen by that status renders the reply. AWS_PROXY: the Lambda event as AWS sends it; the
 * function's {@code statusCode} and {@code body}. Templates render on the shared template workers.
 */
final class RouteCall {
  /** What an integration answered; {@code reply} is null when nothing goes back to the client. */
  record Answer(int statusCode, String reply) {}

  /** The integration failed (function error, bad output, template failure): the client gets an error. */
  static final class Failed extends RuntimeException {
    Failed(String message) {
      super(message, null, false, false);
    }
  }

  private final TemplateRunner templates;

  RouteCall(TemplateRunner templates) {
    this.templates = templates;
  }

  /**
   * @param event the Lambda event of this call (AWS_PROXY)
   * @param body the message as text ("" for CONNECT and DISCONNECT), {@code json} it parsed, or null
   */
  Future<Answer> run(WebSocketIntegration integration, WebSocketStage stage, WebSocketConnection connection,
      WebSocketEvents.Request request, ObjectNode event, String body, JsonNode json) {
    long started = System.nanoTime();
    Future<Answer> answer = switch (integration.type()) {
      case "AWS_PROXY" -> lambda(integration, stage, event);
      case "MOCK" -> mock(integration, stage, connection, request, body, json);
      default -> Future.failedFuture(new Failed("integration type " + integration.type() + " is not served"));
    };
    RequestLog log = request.log();
    return log == null ? answer : answer.andThen(ar -> {
      if (!integration.type().equals("MOCK")) { // AWS suppresses IntegrationLatency for mock integrations
        log.integrationLatency(System.nanoTime() - started);
      }
      if (ar.succeeded()) {
        log.integrationStatus(ar.result().statusCode());
      }
    });
  }

  private Future<Answer> lambda(WebSocketIntegration integration, WebSocketStage stage, ObjectNode event) {
    Buffer payload = Buffer.buffer(event.toString());
    return integration.lambda().invoke(integration.function().function(stage.variables()), payload, integration.timeoutMillis())
        .recover(e -> Future.failedFuture(new Failed("Lambda call failed: " + e.getMessage())))
        .map(RouteCall::proxyAnswer);
  }

  /** A proxy answer: {@code statusCode} (200 when absent) and {@code body}; a function error fails. */
  static Answer proxyAnswer(LambdaResult result) {
    if (result.failed()) {
      throw new Failed("function error " + result.functionError());
    }
    JsonNode answer;
    try {
      answer = Json.MAPPER.readTree(result.payload().getBytes());
    } catch (Exception e) {
      throw new Failed("function output is not JSON");
    }
    if (answer == null || !answer.isObject()) {
      return new Answer(200, answer == null ? null : answer.isTextual() ? answer.asText() : answer.toString());
    }
    JsonNode status = answer.get("statusCode");
    int code = status == null ? 200 : status.isNumber() ? status.asInt() : parse(status.asText());
    JsonNode reply = answer.get("body");
    return new Answer(code, reply == null || reply.isNull() ? null : reply.isTextual() ? reply.asText() : reply.toString());
  }

  private Future<Answer> mock(WebSocketIntegration integration, WebSocketStage stage, WebSocketConnection connection,
      WebSocketEvents.Request request, String body, JsonNode json) {
    MappingTemplate template = requestTemplate(integration, json);
    TemplateInput input = input(stage, connection, request, body);
    Future<String> requestSide;
    if (template != null) {
      requestSide = templates.render(template, input, request.requestId()).map(r -> r.output());
    } else if (integration.passthroughBehavior().equals("NEVER")
        || integration.passthroughBehavior().equals("WHEN_NO_TEMPLATES") && !integration.requestTemplates().isEmpty()) {
      return Future.failedFuture(new Failed("no request template matches and passthroughBehavior is "
          + integration.passthroughBehavior()));
    } else {
      requestSide = Future.succeededFuture(body);
    }
    return requestSide.compose(rendered -> {
      int status = mockStatus(rendered);
      String selected = integration.responseSelection().evaluate(json, null, status);
      WebSocketIntegrationResponse response = integration.response(selected);
      if (response == null) {
        return Future.succeededFuture(new Answer(status, null));
      }
      String key = response.templateSelection() == null ? SelectionExpression.DEFAULT_KEY
          : response.templateSelection().evaluate(json, null, status);
      MappingTemplate responseTemplate = response.template(key);
      if (responseTemplate == null) {
        return Future.succeededFuture(new Answer(status, null));
      }
      return templates.render(responseTemplate, new TemplateInput("", null, null, null, input.context(), stage.variables()),
          request.requestId()).map(r -> new Answer(status, r.output()));
    }).recover(e -> Future.failedFuture(e instanceof Failed ? e : new Failed("mapping template failed")));
  }

  private static MappingTemplate requestTemplate(WebSocketIntegration integration, JsonNode json) {
    Map<String, MappingTemplate> all = integration.requestTemplates();
    if (all.isEmpty()) {
      return null;
    }
    String key = integration.templateSelection() == null ? SelectionExpression.DEFAULT_KEY
        : integration.templateSelection().evaluate(json);
    MappingTemplate chosen = all.get(key);
    return chosen != null ? chosen : all.get(SelectionExpression.DEFAULT_KEY);
  }

  /** The {@code statusCode} a MOCK's request side wrote; output that is not JSON with one answers 200, as AWS's does. */
  private static int mockStatus(String rendered) {
    try {
      JsonNode node = Json.MAPPER.readTree(rendered);
      JsonNode status = node == null ? null : node.get("statusCode");
      return status == null ? 200 : status.isNumber() ? status.asInt() : parse(status.asText());
    } catch (Exception e) {
      return 200;
    }
  }

  private static int parse(String status) {
    try {
      return Integer.parseInt(status.trim());
    } catch (NumberFormatException e) {
      throw new Failed("statusCode " + status + " is not a number");
    }
  }

  static TemplateInput input(WebSocketStage stage, WebSocketConnection c, WebSocketEvents.Request request, String body) {
    ContextVariables.Builder context = ContextVariables.builder()
        .apiId(c.apiId()).stage(stage.stageName()).deploymentId(stage.deploymentId())
        .requestId(request.requestId()).extendedRequestId(request.extendedRequestId())
        .requestTime(request.requestTime(), request.timeEpoch())
        .domainName(c.domainName()).sourceIp(c.sourceIp()).userAgent(c.userAgent())
        .webSocket(c.connectionId(), request.routeKey(), request.eventType(), request.messageId(), c.connectedAt());
    if (c.authorized().principalId() != null) {
      context.authorizer(c.authorized().principalId(), c.authorized().context());
    }
    return new TemplateInput(body, null, null, null, context.build(), stage.variables());
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "RouteCall(" + templates + ")";
  }
}
