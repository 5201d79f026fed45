package dev.archway.runtime;

/** Where the execute listener finds the compiled stage a request names. Must not block. */
@FunctionalInterface
public interface StageLookup {

  /** The stage being served, or null when the API or the stage is unknown. */
  CompiledStage find(String apiId, String stageName);
}
