package dev.archway.runtime;

import java.util.Locale;

/**
 * Which API, stage and path an invoke URL names. Two URL styles, as AWS and LocalStack accept:
 * host style {@code Host: {apiId}.execute-api.<anything>} + {@code /{stage}/{path}}, and path style
 * {@code /restapis/{apiId}/{stage}/_user_request_/{path}} with any Host.
 *
 * @param path the raw (still percent-encoded) path after the stage: "" or starting with "/"
 */
public record InvokeTarget(String apiId, String stageName, String path) {
  private static final String HOST_MARKER = ".execute-api.";
  private static final String PATH_PREFIX = "/restapis/";
  private static final String USER_REQUEST = "/_user_request_";

  /** @return the target, or null when the URL names no API and stage */
  public static InvokeTarget of(String host, String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return null;
    }
    if (host != null) {
      int marker = host.toLowerCase(Locale.ROOT).indexOf(HOST_MARKER);
      if (marker > 0) {
        return hostStyle(host.substring(0, marker), rawPath);
      }
    }
    return rawPath.startsWith(PATH_PREFIX) ? pathStyle(rawPath) : null;
  }

  private static InvokeTarget hostStyle(String apiId, String rawPath) {
    int slash = rawPath.indexOf('/', 1);
    String stage = slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash);
    String rest = slash < 0 ? "" : rawPath.substring(slash);
    return valid(apiId, stage) ? new InvokeTarget(apiId, stage, rest) : null;
  }

  private static InvokeTarget pathStyle(String rawPath) {
    int apiEnd = rawPath.indexOf('/', PATH_PREFIX.length());
    if (apiEnd < 0) {
      return null;
    }
    int stageEnd = rawPath.indexOf('/', apiEnd + 1);
    if (stageEnd < 0 || !rawPath.startsWith(USER_REQUEST, stageEnd)) {
      return null;
    }
    String rest = rawPath.substring(stageEnd + USER_REQUEST.length());
    if (!rest.isEmpty() && rest.charAt(0) != '/') {
      return null;
    }
    String apiId = rawPath.substring(PATH_PREFIX.length(), apiEnd);
    String stage = rawPath.substring(apiEnd + 1, stageEnd);
    return valid(apiId, stage) ? new InvokeTarget(apiId, stage, rest) : null;
  }

  /** Ids and stage names are plain words on AWS; anything else cannot name a stage we serve. */
  private static boolean valid(String apiId, String stage) {
    return isApiId(apiId) && isStageName(stage);
  }

  /** {@code [A-Za-z0-9]{1,64}}, checked without a regex: every request asks. */
  public static boolean isApiId(String text) {
    int n = text.length();
    if (n < 1 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9_-]{1,128}}. */
  static boolean isStageName(String text) {
    int n = text.length();
    if (n < 1 || n > 128) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
