package dev.archway.websocket;

import com.networknt.schema.JsonSchema;
import java.util.Map;

/**
 * A route of a WebSocket stage, compiled. {@code integration} is null for a route without a
 * target (AWS deploys it; its messages fail); {@code authorizer} is set on {@code $connect} only;
 * {@code twoWay} when the route has a {@code $default} route response, so the integration's answer
 * goes back to the client; {@code throttle} is the route's limit then the account's.
 *
 * @param requestModels JSON schemas by model selection key, validated for non-proxy integrations
 */
public record WebSocketRoute(
    String routeKey, boolean apiKeyRequired, String authorizationType, ConnectAuthorizer authorizer,
    WebSocketIntegration integration, boolean twoWay, WebSocketThrottle throttle,
    SelectionExpression modelSelection, Map<String, JsonSchema> requestModels) {

  public WebSocketRoute {
    requestModels = Map.copyOf(requestModels);
  }

  @Override
  public String toString() {
    return "route " + routeKey + (authorizer == null ? "" : " " + authorizer) + (apiKeyRequired ? " api key" : "")
        + " -> " + (integration == null ? "(no integration)" : integration) + (twoWay ? " (two-way)" : "")
        + (throttle == null ? "" : " " + throttle) + (requestModels.isEmpty() ? "" : " models " + requestModels.keySet());
  }
}
