package dev.archway.deploy;

import dev.archway.runtime.httpapi.HttpApiLookup;
import dev.archway.runtime.httpapi.HttpApiStage;
import dev.archway.runtime.httpapi.HttpApiStages;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP APIs being served: one immutable map behind one reference, like {@link LiveStages}. A
 * publish replaces all stages of an API in one swap; readers never lock.
 */
public final class LiveHttpApis implements HttpApiLookup {
  private final AtomicReference<Map<String, HttpApiStages>> apis = new AtomicReference<>(Map.of());

  @Override
  public HttpApiStages find(String apiId) {
    return apis.get().get(apiId);
  }

  /**
   * Replaces every stage of the API. An API with no stage stays known (its URLs answer 404 Not
   * Found, as AWS's do) until {@link #remove} forgets it.
   */
  public void publish(String apiId, Map<String, HttpApiStage> stages) {
    HttpApiStages frozen = new HttpApiStages(apiId, stages);
    apis.updateAndGet(current -> {
      Map<String, HttpApiStages> next = new HashMap<>(current);
      next.put(apiId, frozen);
      return Map.copyOf(next);
    });
  }

  public void remove(String apiId) {
    apis.updateAndGet(current -> {
      if (!current.containsKey(apiId)) {
        return current;
      }
      Map<String, HttpApiStages> next = new HashMap<>(current);
      next.remove(apiId);
      return Map.copyOf(next);
    });
  }

  @Override
  public String toString() {
    Map<String, HttpApiStages> current = apis.get();
    return "LiveHttpApis(" + current.size() + " apis, " + current.values().stream().mapToInt(s -> s.stages().size()).sum() + " stages)";
  }
}
