package dev.archway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.integration.BackendResponse;
import dev.archway.mapping.MappingTemplate;
import dev.archway.mapping.Overrides;
import dev.archway.model.Json;
import dev.archway.runtime.ContentHandling;
import dev.archway.runtime.TemplateRunner;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * MOCK, HTTP and AWS integrations, in AWS's three parts. The integration request: the request
 * template that {@code templateSelectionExpression} picks renders the message (else it passes as
 * {@code passthroughBehavior} allows; CONVERT_TO_BINARY sends its base64 text as bytes, untemplated).
 * The call: none for MOCK (its template's {@code statusCode} is the answer's status), the backend
 * for the others. The integration response: the one whose key matches
 * {@code integrationResponseSelectionExpression} (the status code for HTTP and MOCK, a function's
 * {@code errorMessage} for AWS, as AWS sets it), its template chosen
 * by its own selection expression rendering the reply from the answer ({@code $input}); without a
 * template the answer's body is the reply; CONVERT_TO_TEXT hands it over as base64, CONVERT_TO_BINARY
 * sends the reply as a binary frame. Templates render on the shared template workers.
 */
final class NonProxyCall {
  private final TemplateRunner templates;

  NonProxyCall(TemplateRunner templates) {
    this.templates = templates;
  }

  /** The request side's output: the body to send and what its template overrode. */
  private record Rendered(Buffer body, Overrides overrides) {}

  Future<RouteCall.Answer> run(WebSocketIntegration integration, RouteEvent event) {
    return request(integration, event)
        .compose(rendered -> endpoint(integration, event, rendered))
        .compose(endpoint -> response(integration, event, endpoint));
  }

  private Future<Rendered> request(WebSocketIntegration integration, RouteEvent event) {
    if ("CONVERT_TO_BINARY".equals(integration.contentHandling()) && !integration.type().equals("MOCK")) {
      try {
        return Future.succeededFuture(new Rendered(ContentHandling.decode(Buffer.buffer(event.body())), Overrides.NONE));
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(new IllegalArgumentException("contentHandlingStrategy CONVERT_TO_BINARY: the message "
            + e.getMessage()));
      }
    }
    MappingTemplate template = requestTemplate(integration, event.json());
    if (template != null) {
      return templates.render(template, event.input(event.body()), event.requestId())
          .map(r -> new Rendered(Buffer.buffer(r.output()), r.overrides()));
    }
    boolean passes = switch (integration.passthroughBehavior()) {
      case "NEVER" -> false;
      case "WHEN_NO_TEMPLATES" -> integration.requestTemplates().isEmpty();
      default -> true;
    };
    return passes ? Future.succeededFuture(new Rendered(Buffer.buffer(event.body()), Overrides.NONE))
        : Future.failedFuture(new Refusal(415, "Unsupported Media Type", "UNSUPPORTED_MEDIA_TYPE"));
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

  private static Future<BackendResponse> endpoint(WebSocketIntegration integration, RouteEvent event, Rendered rendered) {
    return switch (integration.type()) {
      case "MOCK" -> Future.succeededFuture(new BackendResponse(mockStatus(rendered.body()), MultiMap.caseInsensitiveMultiMap(),
          Buffer.buffer()));
      case "HTTP" -> IntegrationBackends.http(integration, event, rendered.body(), rendered.overrides());
      default -> integration.function() != null ? IntegrationBackends.lambda(integration, event, rendered.body())
          : IntegrationBackends.service(integration, event, rendered.body(), rendered.overrides());
    };
  }

  private Future<RouteCall.Answer> response(WebSocketIntegration integration, RouteEvent event, BackendResponse endpoint) {
    int status = endpoint.statusCode();
    WebSocketIntegrationResponse chosen = null;
    JsonNode answer = null;
    if (integration.responseSelection() != null) {
      answer = integration.responseSelection().readsResponseBody() || readsBody(integration) ? json(endpoint.body()) : null;
      chosen = integration.response(integration.responseSelection().evaluate(event.json(), answer, status));
    }
    if (chosen == null) {
      return Future.succeededFuture(new RouteCall.Answer(status, null, false)); // nothing to send back
    }
    WebSocketIntegrationResponse response = chosen;
    Buffer payload = "CONVERT_TO_TEXT".equals(response.contentHandling()) ? ContentHandling.encode(endpoint.body())
        : endpoint.body();
    String key = response.templateSelection() == null ? SelectionExpression.DEFAULT_KEY
        : response.templateSelection().evaluate(event.json(), answer, status);
    MappingTemplate template = response.template(key);
    Future<Buffer> reply = template == null ? Future.succeededFuture(payload)
        : templates.render(template, event.input(payload.toString(StandardCharsets.UTF_8)), event.requestId())
            .map(r -> Buffer.buffer(r.output()));
    return reply.map(out -> "CONVERT_TO_BINARY".equals(response.contentHandling())
        ? new RouteCall.Answer(status, ContentHandling.decode(out), true)
        : new RouteCall.Answer(status, out.length() == 0 ? null : out, false));
  }

  private static boolean readsBody(WebSocketIntegration integration) {
    return integration.responses().stream().anyMatch(r -> r.templateSelection() != null && r.templateSelection().readsResponseBody());
  }

  /** The {@code statusCode} a MOCK's request side wrote; output that is not JSON with one answers 200, as AWS's does. */
  static int mockStatus(Buffer rendered) {
    JsonNode node = json(rendered);
    JsonNode status = node == null ? null : node.get("statusCode");
    if (status == null) {
      return 200;
    }
    try {
      return status.isNumber() ? status.asInt() : Integer.parseInt(status.asText().trim());
    } catch (NumberFormatException e) {
      return 200;
    }
  }

  /** The answer parsed as JSON, or null when it is not JSON. */
  private static JsonNode json(Buffer body) {
    if (body.length() == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(body.getBytes());
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "NonProxyCall(" + templates + ")";
  }
}
