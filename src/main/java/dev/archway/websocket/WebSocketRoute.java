package dev.archway.websocket;

import dev.archway.auth.SigV4Verifier;
import java.util.List;

/**
 * A route of a WebSocket stage, compiled. {@code integration} is null for a route without a
 * target (AWS deploys it; its messages fail); {@code authorizer} (CUSTOM) or {@code iam} (AWS_IAM,
 * the SigV4 verifier for {@code execute-api}) is set on {@code $connect} only; {@code twoWay} when
 * the route has a {@code $default} route response, so the integration's answer goes back to the
 * client; {@code throttle} is the plan's, the route's, then the account's limit.
 *
 * @param requiredParameters the {@code $connect} request parameters marked required
 *     ({@code route.request.header.x}, {@code route.request.querystring.x}), in order
 */
public record WebSocketRoute(
    String routeKey, boolean apiKeyRequired, String authorizationType, ConnectAuthorizer authorizer, SigV4Verifier iam,
    List<String> requiredParameters, WebSocketIntegration integration, boolean twoWay, WebSocketThrottle throttle,
    RequestModels models) {

  public WebSocketRoute {
    requiredParameters = List.copyOf(requiredParameters);
  }

  @Override
  public String toString() {
    return "route " + routeKey + (authorizer == null ? "" : " " + authorizer) + (iam == null ? "" : " AWS_IAM")
        + (apiKeyRequired ? " api key" : "") + (requiredParameters.isEmpty() ? "" : " requires " + requiredParameters)
        + " -> " + (integration == null ? "(no integration)" : integration) + (twoWay ? " (two-way)" : "")
        + (throttle == null ? "" : " " + throttle) + (models.validates() ? " " + models : "");
  }
}
