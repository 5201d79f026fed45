package dev.archway.deploy;

import dev.archway.websocket.WebSocketApiLookup;
import dev.archway.websocket.WebSocketStage;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The WebSocket APIs being served: one immutable map behind one reference, like {@link LiveHttpApis}.
 * A publish replaces all stages of an API in one swap; readers never lock.
 */
public final class LiveWebSocketApis implements WebSocketApiLookup {
  private final AtomicReference<Map<String, Map<String, WebSocketStage>>> apis = new AtomicReference<>(Map.of());

  @Override
  public WebSocketStage find(String apiId, String stageName) {
    Map<String, WebSocketStage> stages = apis.get().get(apiId);
    return stages == null ? null : stages.get(stageName);
  }

  /** Replaces every stage of the API. */
  public void publish(String apiId, Map<String, WebSocketStage> stages) {
    Map<String, WebSocketStage> frozen = Map.copyOf(stages);
    apis.updateAndGet(current -> {
      Map<String, Map<String, WebSocketStage>> next = new HashMap<>(current);
      next.put(apiId, frozen);
      return Map.copyOf(next);
    });
  }

  public void remove(String apiId) {
    apis.updateAndGet(current -> {
      if (!current.containsKey(apiId)) {
        return current;
      }
      Map<String, Map<String, WebSocketStage>> next = new HashMap<>(current);
      next.remove(apiId);
      return Map.copyOf(next);
    });
  }

  @Override
  public String toString() {
    Map<String, Map<String, WebSocketStage>> current = apis.get();
    return "LiveWebSocketApis(" + current.size() + " apis, " + current.values().stream().mapToInt(Map::size).sum() + " stages)";
  }
}
