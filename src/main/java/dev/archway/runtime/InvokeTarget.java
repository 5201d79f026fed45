package dev.archway.runtime;

/**
 * Which API, stage and path an invoke URL names, read once for REST and HTTP APIs alike. Two URL
 * styles, as AWS and LocalStack accept: host style {@code Host: {apiId}.execute-api.<anything>} +
 * {@code /{stage}/{path}}, and path style {@code /restapis/{apiId}/{stage}/_user_request_/{path}}
 * with any Host.
 *
 * @param stageName the first path segment (host style: a REST stage, or an HTTP API stage if one
 *     has that name) or the stage the path style names; null when a path-style URL lacks
 *     {@code /_user_request_}
 * @param path the raw (still percent-encoded) path after the stage: "" or starting with "/"
 * @param wholePath host style only: the whole request path, which an HTTP API's {@code $default}
 *     stage serves when no stage has the first segment's name; null for the path style
 * @param domainPath the whole request path when a custom domain name's mapping named the API (see
 *     {@link CustomDomain}): {@code $context.path} is then the path as sent, base path included; else null
 */
public record InvokeTarget(String apiId, String stageName, String path, String wholePath, String domainPath) {
  private static final String HOST_MARKER = ".execute-api.";
  private static final String PATH_PREFIX = "/restapis/";
  private static final String USER_REQUEST = "/_user_request_";

  public InvokeTarget(String apiId, String stageName, String path, String wholePath) {
    this(apiId, stageName, path, wholePath, null);
  }

  /** @return the target, or null when the URL names no API */
  public static InvokeTarget of(String host, String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return null;
    }
    int marker = host == null ? -1 : indexOfIgnoreCase(host, HOST_MARKER);
    if (marker > 0) {
      String apiId = host.substring(0, marker);
      if (!isApiId(apiId)) {
        return null;
      }
      int slash = rawPath.indexOf('/', 1);
      return new InvokeTarget(apiId, slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash),
          slash < 0 ? "" : rawPath.substring(slash), rawPath);
    }
    return rawPath.startsWith(PATH_PREFIX) ? pathStyle(rawPath) : null;
  }

  private static InvokeTarget pathStyle(String rawPath) {
    int apiEnd = rawPath.indexOf('/', PATH_PREFIX.length());
    if (apiEnd < 0) {
      return null;
    }
    String apiId = rawPath.substring(PATH_PREFIX.length(), apiEnd);
    if (!isApiId(apiId)) {
      return null;
    }
    int stageEnd = rawPath.indexOf('/', apiEnd + 1);
    if (stageEnd < 0 || !rawPath.startsWith(USER_REQUEST, stageEnd)) {
      return new InvokeTarget(apiId, null, rawPath, null);
    }
    String rest = rawPath.substring(stageEnd + USER_REQUEST.length());
    if (!rest.isEmpty() && rest.charAt(0) != '/') {
      return new InvokeTarget(apiId, null, rawPath, null);
    }
    return new InvokeTarget(apiId, rawPath.substring(apiEnd + 1, stageEnd), rest, null);
  }

  /** The stage a REST API would serve this from, or null when the URL cannot name one. */
  public String restStage() {
    return stageName != null && isStageName(stageName) ? stageName : null;
  }

  private static int indexOfIgnoreCase(String text, String part) {
    for (int i = 0; i + part.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return i;
      }
    }
    return -1;
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
