package dev.archway.runtime.httpapi;

import dev.archway.runtime.CompiledStage;
import java.util.Map;

/**
 * The stages of one HTTP API being served, by name; {@code $default} is the one that answers
 * paths without a stage prefix. Immutable.
 */
public record HttpApiStages(String apiId, Map<String, HttpApiStage> stages) {
  public static final String DEFAULT_STAGE = "$default";

  public HttpApiStages {
    stages = Map.copyOf(stages);
  }

  /** The stage of that name, or null. */
  public HttpApiStage named(String stageName) {
    return stages.get(stageName);
  }

  /** The {@code $default} stage, or null when the API has none. */
  public HttpApiStage defaultStage() {
    return stages.get(DEFAULT_STAGE);
  }

  @Override
  public String toString() {
    return "http api " + apiId + " " + stages.values().stream().map(HttpApiStage::stage).map(CompiledStage::stageName).sorted().toList();
  }
}
