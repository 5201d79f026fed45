package dev.archway.runtime;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * The client's request as the method sees it. {@code path} is the raw path after the stage;
 * {@code pathParameters} are decoded; {@code rawQuery} is the client's query string, or null;
 * {@code sourceIp} is the client's address ({@code $context.identity.sourceIp}), or null when unknown.
 */
public record MethodRequest(
    String httpMethod, String path, Map<String, String> pathParameters, String rawQuery,
    MultiMap queryParameters, MultiMap headers, Buffer body, String sourceIp) {

  public MethodRequest(String httpMethod, String path, Map<String, String> pathParameters, String rawQuery,
      MultiMap queryParameters, MultiMap headers, Buffer body) {
    this(httpMethod, path, pathParameters, rawQuery, queryParameters, headers, body, null);
  }

  /** The request's media type without parameters, lower case, or null when absent. */
  public String mediaType() {
    String type = headers.get("Content-Type");
    if (type == null) {
      return null;
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
  }
}
