package dev.archway.control.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.wire.ApiException;
import java.net.URI;
import java.util.List;

/**
 * The {@code basepath} import parameter: how a definition's base path becomes part of its paths.
 * OpenAPI 2.0 has a {@code basePath}; in OpenAPI 3.0 AWS reads it from the first {@code basePath}
 * server variable, or else from the path of the first server URL. {@code ignore} (the default) drops
 * it, {@code prepend} puts it before every path, {@code split} drops its first segment (which names
 * a stage) and prepends the rest.
 */
public final class BasePath {
  private static final List<String> MODES = List.of("ignore", "prepend", "split");

  private BasePath() {}

  /** The prefix to put before every path: "" or "/a/b". */
  public static String prefix(JsonNode root, String mode) {
    String chosen = mode == null || mode.isEmpty() ? "ignore" : mode.toLowerCase(java.util.Locale.ROOT);
    if (!MODES.contains(chosen)) {
      throw ApiException.badRequest("Invalid basepath: " + References.abbreviate(mode) + " (expected: one of " + MODES + ")");
    }
    if (chosen.equals("ignore")) {
      return "";
    }
    String base = trim(declared(root));
    if (chosen.equals("split")) {
      int second = base.indexOf('/', 1);
      return second < 0 ? "" : base.substring(second);
    }
    return base;
  }

  /** The base path the definition declares, "" when none. */
  static String declared(JsonNode root) {
    if (root.path("basePath").isTextual()) {
      return root.get("basePath").asText();
    }
    for (JsonNode server : root.path("servers")) {
      JsonNode variable = server.path("variables").path("basePath");
      if (variable.isObject()) {
        return variable.path("default").asText("");
      }
    }
    JsonNode first = root.path("servers").path(0);
    String url = first.path("url").asText("");
    for (var variable : (Iterable<java.util.Map.Entry<String, JsonNode>>) first.path("variables")::fields) {
      url = url.replace("{" + variable.getKey() + "}", variable.getValue().path("default").asText(""));
    }
    try {
      String path = URI.create(url).getPath();
      return path == null ? "" : path;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String trim(String base) {
    String path = base.strip();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      return "";
    }
    return path.startsWith("/") ? path : "/" + path;
  }
}
