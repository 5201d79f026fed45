package dev.archway.websocket;

import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.LambdaInvoker;
import dev.archway.integration.UriTemplate;
import dev.archway.mapping.MappingTemplate;
import java.util.List;
import java.util.Map;

/**
 * The integration of a WebSocket route, compiled. By {@code type}: {@code AWS_PROXY} and {@code AWS}
 * call {@code function} through {@code lambda}; {@code HTTP_PROXY} and {@code HTTP} send
 * {@code httpMethod} to {@code uri} through {@code http}; {@code MOCK} calls nothing. Non-proxy types
 * map the message with the request template that {@code templateSelection} picks (passthrough by
 * {@code passthroughBehavior} when none), and the answer with the integration response whose key
 * matches {@code responseSelection}'s value.
 *
 * @param requestParameters {@code integration.request.*} targets to their sources, as written
 */
public record WebSocketIntegration(
    String integrationId, String type, LambdaFunctionUri function, LambdaInvoker lambda, UriTemplate uri,
    String httpMethod, HttpProxyIntegration http, long timeoutMillis, Map<String, MappingTemplate> requestTemplates,
    SelectionExpression templateSelection, String passthroughBehavior, String contentHandling,
    Map<String, String> requestParameters, SelectionExpression responseSelection,
    List<WebSocketIntegrationResponse> responses) {

  public WebSocketIntegration {
    requestTemplates = Map.copyOf(requestTemplates);
    requestParameters = Map.copyOf(requestParameters);
    responses = List.copyOf(responses);
  }

  public boolean isProxy() {
    return type.endsWith("_PROXY");
  }

  /**
   * The integration response for a selection value: the first {@code /regex/} key matching it whole,
   * else {@code $default}; null when neither (the answer is then not sent back).
   */
  public WebSocketIntegrationResponse response(String selected) {
    WebSocketIntegrationResponse fallback = null;
    for (WebSocketIntegrationResponse response : responses) {
      if (response.pattern() == null) {
        fallback = response;
      } else if (response.pattern().matcher(selected).matches()) {
        return response;
      }
    }
    return fallback;
  }

  @Override
  public String toString() {
    String target = switch (type) {
      case "AWS", "AWS_PROXY" -> String.valueOf(function);
      case "HTTP", "HTTP_PROXY" -> httpMethod + " " + uri;
      default -> "";
    };
    return type + (target.isEmpty() ? "" : " " + target) + (requestTemplates.isEmpty() ? "" : " templates "
        + requestTemplates.keySet() + " by " + templateSelection) + (responses.isEmpty() ? "" : " responses "
        + responses.stream().map(WebSocketIntegrationResponse::key).toList());
  }
}
