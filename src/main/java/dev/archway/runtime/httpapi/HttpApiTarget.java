package dev.archway.runtime.httpapi;

import dev.archway.runtime.InvokeTarget;
import java.util.Locale;

/**
 * Which HTTP API stage an invoke URL reaches, and the path after the stage. Host style
 * ({@code Host: {apiId}.execute-api.<anything>}): the first path segment selects a stage when the
 * API has one of that name, else the {@code $default} stage serves the whole path, as AWS picks
 * stages. Path style ({@code /restapis/{apiId}/{stage}/_user_request_/{path}}) names the stage,
 * {@code $default} included.
 *
 * @param stage the stage, or null when none matches (the client gets 404 Not Found)
 * @param path the raw path after the stage: "" or starting with "/"
 */
public record HttpApiTarget(HttpApiStage stage, String path) {
  private static final String HOST_MARKER = ".execute-api.";
  private static final String PATH_PREFIX = "/restapis/";
  private static final String USER_REQUEST = "/_user_request_";

  /** @return the target, or null when the URL names no HTTP API (the REST flow answers it) */
  public static HttpApiTarget resolve(String host, String rawPath, HttpApiLookup apis) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return null;
    }
    if (host != null) {
      int marker = host.toLowerCase(Locale.ROOT).indexOf(HOST_MARKER);
      if (marker > 0) {
        HttpApiStages stages = stages(host.substring(0, marker), apis);
        return stages == null ? null : hostStyle(stages, rawPath);
      }
    }
    return rawPath.startsWith(PATH_PREFIX) ? pathStyle(rawPath, apis) : null;
  }

  private static HttpApiTarget hostStyle(HttpApiStages stages, String rawPath) {
    int slash = rawPath.indexOf('/', 1);
    String first = slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash);
    HttpApiStage named = first.equals(HttpApiStages.DEFAULT_STAGE) ? null : stages.named(first);
    if (named != null) {
      return new HttpApiTarget(named, slash < 0 ? "" : rawPath.substring(slash));
    }
    return new HttpApiTarget(stages.defaultStage(), rawPath);
  }

  private static HttpApiTarget pathStyle(String rawPath, HttpApiLookup apis) {
    int apiEnd = rawPath.indexOf('/', PATH_PREFIX.length());
    if (apiEnd < 0) {
      return null;
    }
    HttpApiStages stages = stages(rawPath.substring(PATH_PREFIX.length(), apiEnd), apis);
    if (stages == null) {
      return null;
    }
    int stageEnd = rawPath.indexOf('/', apiEnd + 1);
    String rest = stageEnd < 0 || !rawPath.startsWith(USER_REQUEST, stageEnd) ? null : rawPath.substring(stageEnd + USER_REQUEST.length());
    if (rest == null || (!rest.isEmpty() && rest.charAt(0) != '/')) {
      return new HttpApiTarget(null, rawPath);
    }
    String stage = rawPath.substring(apiEnd + 1, stageEnd);
    // Clients that escape '$' still mean the $default stage.
    return new HttpApiTarget(stages.named(stage.equals("%24default") ? HttpApiStages.DEFAULT_STAGE : stage), rest);
  }

  private static HttpApiStages stages(String apiId, HttpApiLookup apis) {
    return InvokeTarget.isApiId(apiId) ? apis.find(apiId) : null;
  }
}
