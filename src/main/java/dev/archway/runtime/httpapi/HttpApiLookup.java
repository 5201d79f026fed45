package dev.archway.runtime.httpapi;

/** Where the execute listener finds an HTTP API's served stages. Must not block. */
@FunctionalInterface
public interface HttpApiLookup {
  /** Serves no HTTP API: every request goes to the REST flow. */
  HttpApiLookup NONE = apiId -> null;

  /** The API's stages being served, or null when {@code apiId} names no HTTP API. */
  HttpApiStages find(String apiId);
}
