package dev.archway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.observe.StageTelemetry;
import dev.archway.runtime.CompiledStage;
import java.util.Map;
import java.util.Set;

/**
 * One stage of a WebSocket API with its deployment compiled: what a connection to
 * {@code /{stage}} is served from. Immutable; a connection keeps the snapshot it was accepted
 * with for its {@code $connect}, and reads the live one for each message.
 *
 * @param routes every route by its route key, {@code $connect}, {@code $disconnect} and {@code $default} included
 * @param apiKeySelection where {@code apiKeyRequired} routes read the key: {@code $request.header.x-api-key}
 *     or {@code $context.authorizer.usageIdentifierKey}
 * @param apiKeys the API keys the stage accepts, or null when no access rules are compiled (compiler tests)
 * @param buckets the names of the token buckets the routes' throttles draw from
 * @param connectionsApi the stage's {@code @connections} API, served by the execute listener as a REST-like stage
 * @param telemetry how its events are observed (metrics, access logs)
 */
public record WebSocketStage(
    String apiId, String stageName, String deploymentId, Map<String, String> variables,
    SelectionExpression routeSelection, String apiKeySelection, StageApiKeys apiKeys, Map<String, WebSocketRoute> routes,
    Set<String> buckets, CompiledStage connectionsApi, StageTelemetry telemetry) {

  /** Where the key of {@code apiKeyRequired} routes comes from when it is the $connect authorizer's. */
  public static final String AUTHORIZER_KEY = "$context.authorizer.usageIdentifierKey";

  public static final String CONNECT = "$connect";
  public static final String DISCONNECT = "$disconnect";
  public static final String DEFAULT = "$default";

  public WebSocketStage {
    variables = Map.copyOf(variables);
    routes = Map.copyOf(routes);
    buckets = Set.copyOf(buckets);
    telemetry = telemetry == null ? StageTelemetry.NONE : telemetry;
  }

  /** The route of the {@code $connect} step of the handshake, or null: every connection is then accepted. */
  public WebSocketRoute connect() {
    return routes.get(CONNECT);
  }

  /** The route told when a connection closes, or null. */
  public WebSocketRoute disconnect() {
    return routes.get(DISCONNECT);
  }

  /**
   * The route of a message: the one whose key equals the route selection expression's value, else
   * {@code $default}; null when neither exists (AWS then answers with an error frame). The reserved
   * keys are never selected by a message.
   *
   * @param body the message parsed as JSON, or null when it is not JSON
   */
  public WebSocketRoute select(JsonNode body) {
    String key = routeSelection.evaluate(body);
    WebSocketRoute route = key.equals(CONNECT) || key.equals(DISCONNECT) ? null : routes.get(key);
    return route != null ? route : routes.get(DEFAULT);
  }

  @Override
  public String toString() {
    return "websocket stage " + apiId + "/" + stageName + " (deployment " + deploymentId + ", " + routes.size()
        + " routes, selection " + routeSelection + ")";
  }
}
