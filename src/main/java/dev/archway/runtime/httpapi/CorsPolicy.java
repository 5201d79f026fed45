package dev.archway.runtime.httpapi;

import dev.archway.runtime.MethodResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An HTTP API's {@code corsConfiguration}, compiled at deploy time. As AWS: preflight requests
 * (OPTIONS with {@code Origin} and {@code Access-Control-Request-Method}) are answered by the
 * gateway, and on every other response the integration's own {@code Access-Control-*} headers are
 * dropped and the configured ones added when the {@code Origin} is allowed. Origins match exactly,
 * {@code *} matches all and {@code https://*} / {@code http://*} match by scheme; {@code Origin: null}
 * is never trusted, and a preflight for a method not allowed gets no CORS headers (AWS-BEHAVIOUR D.10).
 */
public final class CorsPolicy {
  private static final String WILDCARD = "*";

  private final boolean anyOrigin;
  private final Set<String> origins;
  private final List<String> originPrefixes;
  private final boolean anyMethod;
  private final Set<String> methods;
  private final boolean anyHeader;
  private final String allowHeaders;
  private final String exposeHeaders;
  private final Integer maxAge;
  private final boolean credentials;

  private CorsPolicy(boolean anyOrigin, Set<String> origins, List<String> originPrefixes, boolean anyMethod,
      Set<String> methods, boolean anyHeader, String allowHeaders, String exposeHeaders, Integer maxAge, boolean credentials) {
    this.anyOrigin = anyOrigin;
    this.origins = origins;
    this.originPrefixes = originPrefixes;
    this.anyMethod = anyMethod;
    this.methods = methods;
    this.anyHeader = anyHeader;
    this.allowHeaders = allowHeaders;
    this.exposeHeaders = exposeHeaders;
    this.maxAge = maxAge;
    this.credentials = credentials;
  }

  /** Null lists mean "none configured"; {@code maxAge} null or negative sends no {@code Access-Control-Max-Age}. */
  public static CorsPolicy of(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
      List<String> exposeHeaders, Integer maxAge, Boolean allowCredentials) {
    List<String> originList = orEmpty(allowOrigins);
    List<String> prefixes = new ArrayList<>();
    for (String origin : originList) {
      if (origin.endsWith("://*")) {
        prefixes.add(origin.substring(0, origin.length() - 1).toLowerCase(Locale.ROOT));
      }
    }
    List<String> headerList = orEmpty(allowHeaders);
    return new CorsPolicy(originList.contains(WILDCARD),
        originList.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
        List.copyOf(prefixes),
        orEmpty(allowMethods).contains(WILDCARD),
        orEmpty(allowMethods).stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
        headerList.contains(WILDCARD),
        String.join(",", headerList).toLowerCase(Locale.ROOT),
        String.join(",", orEmpty(exposeHeaders)).toLowerCase(Locale.ROOT),
        maxAge == null || maxAge < 0 ? null : maxAge,
        Boolean.TRUE.equals(allowCredentials));
  }

  /** A CORS preflight: OPTIONS naming an origin and the method it wants to send. */
  public static boolean isPreflight(String method, MultiMap headers) {
    return method.equals("OPTIONS") && headers.contains("Origin") && headers.contains("Access-Control-Request-Method");
  }

  /** The gateway's own answer to a preflight: 204, with CORS headers only for an allowed origin and method. */
  public MethodResponse preflight(MultiMap request) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    String allowOrigin = allowedOrigin(request.get("Origin"));
    String method = request.get("Access-Control-Request-Method").trim();
    if (allowOrigin != null && (anyMethod || methods.contains(method))) {
      origin(headers, allowOrigin);
      headers.add("Access-Control-Allow-Methods", anyMethod ? method : String.join(",", methods.stream().sorted().toList()));
      String requested = request.get("Access-Control-Request-Headers");
      String allowed = anyHeader ? requested : allowHeaders;
      if (allowed != null && !allowed.isEmpty()) {
        headers.add("Access-Control-Allow-Headers", allowed);
      }
      if (maxAge != null) {
        headers.add("Access-Control-Max-Age", Integer.toString(maxAge));
      }
    }
    return new MethodResponse(204, headers, Buffer.buffer());
  }

  /** Replaces the integration's CORS headers with the configured ones for {@code origin} (null: no CORS request). */
  public void decorate(String origin, MultiMap response) {
    List<String> backend = new ArrayList<>();
    for (Map.Entry<String, String> header : response) {
      if (header.getKey().regionMatches(true, 0, "Access-Control-", 0, 15)) {
        backend.add(header.getKey());
      }
    }
    backend.forEach(response::remove);
    String allowOrigin = allowedOrigin(origin);
    if (allowOrigin == null) {
      return;
    }
    origin(response, allowOrigin);
    if (!exposeHeaders.isEmpty()) {
      response.add("Access-Control-Expose-Headers", exposeHeaders);
    }
  }

  private void origin(MultiMap headers, String allowOrigin) {
    headers.add("Access-Control-Allow-Origin", allowOrigin);
    if (!allowOrigin.equals(WILDCARD)) {
      headers.add("Vary", "Origin");
      if (credentials) {
        headers.add("Access-Control-Allow-Credentials", "true");
      }
    }
  }

  /** The {@code Access-Control-Allow-Origin} value for this origin, or null when it is not allowed. */
  private String allowedOrigin(String origin) {
    if (origin == null || origin.isBlank() || origin.trim().equals("null")) {
      return null;
    }
    String lower = origin.trim().toLowerCase(Locale.ROOT);
    if (origins.contains(lower)) {
      return origin.trim();
    }
    for (String prefix : originPrefixes) {
      if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
        return origin.trim();
      }
    }
    // A literal "*" is never sent with credentials, so no origin is ever reflected with them by wildcard.
    return anyOrigin ? WILDCARD : null;
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  @Override
  public String toString() {
    return "Cors(origins=" + (anyOrigin ? "*" : origins) + ", methods=" + (anyMethod ? "*" : methods)
        + (credentials ? ", credentials" : "") + ")";
  }
}
