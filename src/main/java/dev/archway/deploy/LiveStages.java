package dev.archway.deploy;

import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.StageLookup;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stages being served: one immutable map behind one reference. Readers never lock; a
 * publish replaces all stages of an API in one swap, so a request sees the old set or the new one.
 */
public final class LiveStages implements StageLookup {
  private final AtomicReference<Map<String, Map<String, CompiledStage>>> apis = new AtomicReference<>(Map.of());

  @Override
  public CompiledStage find(String apiId, String stageName) {
    Map<String, CompiledStage> stages = apis.get().get(apiId);
    return stages == null ? null : stages.get(stageName);
  }

  /** Replaces every stage of the API; an empty map stops serving it. */
  public void publish(String apiId, Map<String, CompiledStage> stages) {
    Map<String, CompiledStage> frozen = Map.copyOf(stages);
    apis.updateAndGet(current -> {
      Map<String, Map<String, CompiledStage>> next = new HashMap<>(current);
      if (frozen.isEmpty()) {
        next.remove(apiId);
      } else {
        next.put(apiId, frozen);
      }
      return Map.copyOf(next);
    });
  }

  public void remove(String apiId) {
    publish(apiId, Map.of());
  }

  /** The stages served for one API, by name (empty when none). */
  public Map<String, CompiledStage> stages(String apiId) {
    return apis.get().getOrDefault(apiId, Map.of());
  }

  @Override
  public String toString() {
    Map<String, Map<String, CompiledStage>> current = apis.get();
    return "LiveStages(" + current.size() + " apis, "
        + current.values().stream().mapToInt(Map::size).sum() + " stages)";
  }
}
