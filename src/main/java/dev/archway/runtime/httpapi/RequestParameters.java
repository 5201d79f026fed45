package dev.archway.runtime.httpapi;

import dev.archway.runtime.Exchange;
import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An integration's request parameter mappings, applied to the request on its way to an HTTP
 * backend. Values always read the client's request, never an earlier mapping; per name, removals
 * apply first, then overwrites, then appends, so the result does not depend on map order.
 */
public final class RequestParameters {
  public static final RequestParameters NONE = new RequestParameters(List.of());

  private final List<ParameterMapping> mappings;

  public RequestParameters(List<ParameterMapping> mappings) {
    List<ParameterMapping> sorted = new ArrayList<>(mappings);
    sorted.sort(Comparator.comparingInt(RequestParameters::order).thenComparing(ParameterMapping::toString));
    this.mappings = List.copyOf(sorted);
  }

  private static int order(ParameterMapping m) {
    return switch (m.action()) {
      case "remove" -> 0;
      case "overwrite" -> 1;
      default -> 2;
    };
  }

  public boolean touchesQuery() {
    return mappings.stream().anyMatch(m -> m.location().equals("querystring"));
  }

  /** The path that replaces the integration URI's path, or null when no {@code overwrite:path} applies. */
  public String path(Exchange exchange, String routeKey) {
    for (ParameterMapping m : mappings) {
      if (m.location().equals("path")) {
        String value = m.value().valueFrom(exchange, routeKey);
        return value.startsWith("/") ? value : "/" + value;
      }
    }
    return null;
  }

  /** Applies the header and query mappings to the outgoing request (query: decoded name/value pairs). */
  public void apply(Exchange exchange, String routeKey, MultiMap headers, List<Map.Entry<String, String>> query) {
    for (ParameterMapping m : mappings) {
      String value = m.action().equals("remove") ? null : m.value().valueFrom(exchange, routeKey);
      if (m.location().equals("header")) {
        switch (m.action()) {
          case "remove" -> headers.remove(m.name());
          case "overwrite" -> headers.set(m.name(), value);
          default -> headers.add(m.name(), value);
        }
      } else if (m.location().equals("querystring")) {
        if (!m.action().equals("append")) {
          query.removeIf(e -> e.getKey().equals(m.name()));
        }
        if (value != null) {
          query.add(Map.entry(m.name(), value));
        }
      }
    }
  }

  static String encode(List<Map.Entry<String, String>> query) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : query) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  public boolean isEmpty() {
    return mappings.isEmpty();
  }

  @Override
  public String toString() {
    return mappings.toString();
  }
}
