package dev.archway.runtime.httpapi;

import java.util.Locale;
import java.util.Set;

/**
 * One HTTP API parameter mapping: {@code <action>:<location>.<name>} and its value, e.g.
 * {@code append:header.x-tenant} = {@code $request.querystring.tenant}. Parsed at deploy time.
 *
 * @param action overwrite, append or remove
 * @param location header, querystring, path (request: {@code overwrite:path}) or statuscode (response)
 * @param name the header or query name; "" for path and statuscode
 */
public record ParameterMapping(String action, String location, String name, MappingValue value) {
  /** Headers AWS reserves: mappings may not touch them (AWS "Transform API requests and responses for HTTP APIs"). */
  private static final Set<String> RESERVED = Set.of("authorization", "connection", "content-encoding", "content-length",
      "content-location", "forwarded", "keep-alive", "origin", "proxy-authenticate", "proxy-authorization", "te",
      "trailers", "transfer-encoding", "upgrade", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "via",
      "host", "server", "date");

  /** @param response whether this is a response mapping ({@code overwrite:statuscode}, {@code $response.*}) */
  public static ParameterMapping parse(String key, String value, boolean response) {
    int colon = key.indexOf(':');
    String action = colon < 0 ? "" : key.substring(0, colon);
    String target = colon < 0 ? key : key.substring(colon + 1);
    if (!Set.of("overwrite", "append", "remove").contains(action)) {
      throw new IllegalArgumentException("parameter mapping: " + key + " (expected: append|overwrite|remove:<location>)");
    }
    if (target.equals(response ? "statuscode" : "path")) {
      if (!action.equals("overwrite")) {
        throw new IllegalArgumentException("parameter mapping: " + key + " (expected: overwrite:" + target + ")");
      }
      return new ParameterMapping(action, target, "", MappingValue.parse(value, response));
    }
    int dot = target.indexOf('.');
    String location = dot < 0 ? target : target.substring(0, dot);
    String name = dot < 0 ? "" : target.substring(dot + 1);
    boolean known = location.equals("header") || (!response && location.equals("querystring"));
    if (!known || name.isEmpty()) {
      throw new IllegalArgumentException("parameter mapping: " + key + " (expected: " + (response
          ? "<action>:header.<name> or overwrite:statuscode" : "<action>:header|querystring.<name> or overwrite:path") + ")");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (location.equals("header") && (RESERVED.contains(lower) || lower.startsWith("x-amz") || lower.startsWith("apigw-"))) {
      throw new IllegalArgumentException("parameter mapping: " + key + " (expected: a header that is not reserved; "
          + name + " is)");
    }
    return new ParameterMapping(action, location, name, MappingValue.parse(value, response));
  }

  @Override
  public String toString() {
    return action + ":" + location + (name.isEmpty() ? "" : "." + name) + "=" + value;
  }
}
