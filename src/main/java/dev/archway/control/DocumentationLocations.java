package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.model.DocumentationPart.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS's rules for a documentation part's location: which fields each entity type takes, which it
 * needs, and the defaults it reads for the others ({@code path} "/", {@code method} and
 * {@code statusCode} "*"). A location is stored with its defaults filled in, so two locations that
 * name the same entity are equal.
 */
final class DocumentationLocations {
  static final List<String> TYPES = List.of("API", "AUTHORIZER", "MODEL", "RESOURCE", "METHOD", "PATH_PARAMETER",
      "QUERY_PARAMETER", "REQUEST_HEADER", "REQUEST_BODY", "RESPONSE", "RESPONSE_HEADER", "RESPONSE_BODY");
  private static final Set<String> METHODS = Set.of("*", "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");

  /** The fields a type takes; a name is required where the type takes one, except for REQUEST_BODY. */
  private record Fields(boolean path, boolean method, boolean statusCode, boolean name) {}

  private static final Map<String, Fields> FIELDS = Map.ofEntries(
      Map.entry("API", new Fields(false, false, false, false)),
      Map.entry("AUTHORIZER", new Fields(false, false, false, true)),
      Map.entry("MODEL", new Fields(false, false, false, true)),
      Map.entry("RESOURCE", new Fields(true, false, false, false)),
      Map.entry("METHOD", new Fields(true, true, false, false)),
      Map.entry("PATH_PARAMETER", new Fields(true, true, false, true)),
      Map.entry("QUERY_PARAMETER", new Fields(true, true, false, true)),
      Map.entry("REQUEST_HEADER", new Fields(true, true, false, true)),
      Map.entry("REQUEST_BODY", new Fields(true, true, false, true)),
      Map.entry("RESPONSE", new Fields(true, true, true, false)),
      Map.entry("RESPONSE_HEADER", new Fields(true, true, true, true)),
      Map.entry("RESPONSE_BODY", new Fields(true, true, true, false)));

  private DocumentationLocations() {}

  /** The location with its defaults, or a 400 naming what is wrong; {@code member} names it in messages. */
  static Location canonical(Location location, String member) {
    if (location == null || location.type() == null) {
      throw new ApiException(400, "ValidationException", "1 validation error detected: Value null at '" + member
          + ".type' failed to satisfy constraint: Member must not be null");
    }
    Fields fields = FIELDS.get(location.type());
    if (fields == null) {
      throw new ApiException(400, "ValidationException", "1 validation error detected: Value '" + location.type()
          + "' at '" + member + ".type' failed to satisfy constraint: Member must satisfy enum value set: ["
          + String.join(", ", TYPES) + "]");
    }
    refuse(location, "path", location.path(), fields.path());
    refuse(location, "method", location.method(), fields.method());
    refuse(location, "statusCode", location.statusCode(), fields.statusCode());
    refuse(location, "name", location.name(), fields.name());
    if (fields.name() && blank(location.name()) && !location.type().equals("REQUEST_BODY")) {
      throw ApiException.badRequest("Invalid documentation part location: 'name' is required for type '" + location.type() + "'");
    }
    String path = fields.path() ? (blank(location.path()) ? "/" : location.path()) : null;
    if (path != null && !path.startsWith("/")) {
      throw ApiException.badRequest("Invalid documentation part location: path '" + path + "' (expected: a resource path such as /pets)");
    }
    String method = fields.method() ? (blank(location.method()) ? "*" : location.method()) : null;
    if (method != null && !METHODS.contains(method)) {
      throw ApiException.badRequest("Invalid documentation part location: method '" + method
          + "' (expected: * or one of GET, PUT, POST, DELETE, PATCH, HEAD, OPTIONS, ANY)");
    }
    String status = fields.statusCode() ? (blank(location.statusCode()) ? "*" : location.statusCode().strip()) : null;
    if (status != null && !status.matches("[1-5]\\d\\d|\\*")) {
      throw new ApiException(400, "ValidationException", "1 validation error detected: Value '" + status + "' at '"
          + member + ".statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([1-5]\\d\\d|\\*|\\s*)$");
    }
    return new Location(location.type(), path, method, status, blank(location.name()) ? null : location.name());
  }

  /** How AWS names a location in messages: {@code type 'METHOD', path '/pets', method 'GET'}. */
  static String describe(Location location) {
    List<String> parts = new ArrayList<>();
    parts.add("type '" + location.type() + "'");
    add(parts, "path", location.path());
    add(parts, "method", location.method());
    add(parts, "statusCode", location.statusCode());
    add(parts, "name", location.name());
    return String.join(", ", parts);
  }

  private static void add(List<String> parts, String field, String value) {
    if (value != null) {
      parts.add(field + " '" + value + "'");
    }
  }

  private static void refuse(Location location, String field, String value, boolean valid) {
    if (!valid && !blank(value)) {
      throw ApiException.badRequest("Invalid documentation part location: '" + field + "' is not a valid field for type '"
          + location.type() + "'");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
