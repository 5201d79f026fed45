package dev.archway.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What templates set in {@code $context.requestOverride} and {@code $context.responseOverride}
 * (AWS "Override your API's request and response parameters and status codes"). They carry over
 * from one template to the next of the same request: pass a render's overrides into the next
 * {@link ContextVariables} (AWS lets a MOCK request template set the final response status, and a
 * response template read the request overrides).
 *
 * @param requestHeaders {@code requestOverride.header.*}; a list value sets several
 * @param requestQueryString {@code requestOverride.querystring.*}; a list value sets several
 * @param requestPath {@code requestOverride.path.*}
 * @param responseStatus {@code responseOverride.status}, or null when no template set it (or set a non-number)
 * @param responseHeaders {@code responseOverride.header.*}
 * @param requestOthers any other key a template set on {@code requestOverride}: AWS keeps it for the
 *     templates that follow (never sent anywhere); values as the template left them
 * @param responseOthers the same for {@code responseOverride}
 */
public record Overrides(
    Map<String, List<String>> requestHeaders,
    Map<String, List<String>> requestQueryString,
    Map<String, String> requestPath,
    Integer responseStatus,
    Map<String, String> responseHeaders,
    Map<String, Object> requestOthers,
    Map<String, Object> responseOthers) {
  public static final Overrides NONE = new Overrides(Map.of(), Map.of(), Map.of(), null, Map.of(), Map.of(), Map.of());
  private static final List<String> REQUEST_KEYS = List.of("header", "querystring", "path");
  private static final List<String> RESPONSE_KEYS = List.of("header", "status");

  public Overrides {
    requestHeaders = requestHeaders == null ? Map.of() : Map.copyOf(requestHeaders);
    requestQueryString = requestQueryString == null ? Map.of() : Map.copyOf(requestQueryString);
    requestPath = requestPath == null ? Map.of() : Map.copyOf(requestPath);
    responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
    requestOthers = requestOthers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(requestOthers));
    responseOthers = responseOthers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(responseOthers));
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The {@code requestOverride} map a template sees: mutable, with the three sub-maps in place. */
  Map<String, Object> requestTemplateMap() {
    Map<String, Object> map = new LinkedHashMap<>(requestOthers);
    map.put("header", toTemplate(requestHeaders));
    map.put("querystring", toTemplate(requestQueryString));
    map.put("path", new LinkedHashMap<>(requestPath));
    return map;
  }

  /** The {@code responseOverride} map a template sees. */
  Map<String, Object> responseTemplateMap() {
    Map<String, Object> map = new LinkedHashMap<>(responseOthers);
    map.put("header", new LinkedHashMap<>(responseHeaders));
    if (responseStatus != null) {
      map.put("status", responseStatus);
    }
    return map;
  }

  /** Reads back what a template left in the two maps; values of other types are printed as the template would. */
  static Overrides fromTemplate(Object requestOverride, Object responseOverride) {
    Map<?, ?> request = requestOverride instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> response = responseOverride instanceof Map<?, ?> m ? m : Map.of();
    return new Overrides(
        multi(request.get("header")),
        multi(request.get("querystring")),
        single(request.get("path")),
        status(response.get("status")),
        single(response.get("header")),
        others(request, REQUEST_KEYS),
        others(response, RESPONSE_KEYS));
  }

  private static Map<String, Object> others(Map<?, ?> map, List<String> documented) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      if (key != null && value != null && !documented.contains(String.valueOf(key))) {
        out.put(String.valueOf(key), value);
      }
    });
    return out;
  }

  private static Map<String, Object> toTemplate(Map<String, List<String>> multi) {
    Map<String, Object> map = new LinkedHashMap<>();
    multi.forEach((name, values) -> map.put(name, values.size() == 1 ? values.get(0) : new ArrayList<>(values)));
    return map;
  }

  private static Map<String, List<String>> multi(Object value) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((name, v) -> {
        if (name != null && v != null) {
          out.put(String.valueOf(name), v instanceof Collection<?> c
              ? c.stream().filter(e -> e != null).map(TextOf::plain).toList()
              : List.of(TextOf.plain(v)));
        }
      });
    }
    return out;
  }

  private static Map<String, String> single(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((name, v) -> {
        if (name != null && v != null) {
          out.put(String.valueOf(name), TextOf.plain(v));
        }
      });
    }
    return out;
  }

  /** A number, or a string holding one ({@code "400"}); anything else sets no status. */
  private static Integer status(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s) {
      try {
        return Integer.valueOf(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
