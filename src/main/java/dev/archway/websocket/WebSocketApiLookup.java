package dev.archway.websocket;

/** Finds a served stage of a WebSocket API; implemented by the live registry the deploy side publishes to. */
public interface WebSocketApiLookup {
  WebSocketApiLookup NONE = (apiId, stageName) -> null;

  /** The stage, or null when the API is not a served WebSocket API or has no such stage. */
  WebSocketStage find(String apiId, String stageName);

  /** The {@code @connections} API of a served stage, or null. */
  default dev.archway.runtime.CompiledStage connectionsApi(String apiId, String stageName) {
    WebSocketStage stage = find(apiId, stageName);
    return stage == null ? null : stage.connectionsApi();
  }
}
