package dev.archway.mapping;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import dev.archway.model.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code $input} in a mapping template: the method request (or integration response) payload and
 * parameters. One instance serves one render. Public only because Velocity invokes it by reflection;
 * nothing outside this package constructs it.
 *
 * <p>Choices where AWS documents nothing: a body that is not JSON makes {@code $input.json(x)} and
 * {@code $input.path(x)} null (they render as nothing); a path that selects nothing gives the same.
 */
public final class InputVariable {
  private final String body;
  private final Map<String, String> path;
  private final Map<String, String> querystring;
  private final HeaderMap header;
  private final Map<String, JsonPath> compiledPaths;
  private JsonNode document;
  private boolean parsed;

  InputVariable(TemplateInput input, Map<String, JsonPath> compiledPaths) {
    // AWS: an empty body is {} in templates, for requests and integration responses alike.
    this.body = input.body().isEmpty() ? "{}" : input.body();
    this.path = input.pathParameters();
    this.querystring = lastValues(input.queryParameters());
    this.header = HeaderMap.of(lastValues(input.headers()));
    this.compiledPaths = compiledPaths;
  }

  /** {@code $input.body}: the raw payload; {@code {}} when it is empty. */
  public String getBody() {
    return body;
  }

  /** {@code $input.json(x)}: what the JSONPath selects, as a JSON string. */
  public String json(String jsonPath) {
    JsonNode selected = select(jsonPath);
    if (selected == null) {
      return null;
    }
    try {
      return Json.MAPPER.writeValueAsString(selected);
    } catch (JacksonException e) {
      throw new TemplateRuntimeException("$input.json('" + jsonPath + "'): " + e.getOriginalMessage());
    }
  }

  /** {@code $input.path(x)}: what the JSONPath selects, as objects a template can navigate. */
  public Object path(String jsonPath) {
    return JsonValues.of(select(jsonPath));
  }

  /** {@code $input.params()}: {@code {path={..}, querystring={..}, header={..}}}, fresh for each call. */
  public Map<String, Object> params() {
    Map<String, Object> all = new LinkedHashMap<>(6);
    all.put("path", new LinkedHashMap<>(path));
    all.put("querystring", new LinkedHashMap<>(querystring));
    all.put("header", HeaderMap.of(header));
    return all;
  }

  /** {@code $input.params(x)}: the path, else query string, else header (any case) value; "" when none. */
  public String params(String name) {
    if (name == null) {
      return "";
    }
    String value = path.get(name);
    if (value == null) {
      value = querystring.get(name);
    }
    if (value == null) {
      value = header.get(name);
    }
    return value == null ? "" : value;
  }

  private JsonNode select(String jsonPath) {
    Budget.current().tick();
    JsonPath compiled = compiledPaths.get(jsonPath);
    if (compiled == null) {
      try {
        compiled = JsonPaths.compile(jsonPath);
      } catch (IllegalArgumentException e) {
        throw new TemplateRuntimeException(e.getMessage());
      }
    }
    JsonNode doc = document();
    return doc == null ? null : JsonPaths.read(compiled, doc);
  }

  /** The body parsed once per render; null when it is not JSON. */
  private JsonNode document() {
    if (!parsed) {
      parsed = true;
      try {
        document = Json.MAPPER.readTree(body);
      } catch (JacksonException e) {
        document = null;
      }
    }
    return document;
  }

  /** Repeated query string values and headers: templates see the last one, as Lambda proxy events do. */
  private static Map<String, String> lastValues(Map<String, List<String>> multi) {
    Map<String, String> single = new LinkedHashMap<>(Math.max(4, multi.size() * 2));
    multi.forEach((name, values) -> {
      if (!values.isEmpty()) {
        single.put(name, values.get(values.size() - 1));
      }
    });
    return single;
  }

  @Override
  public String toString() {
    return "$input";
  }

  /** Header names keep the client's casing for printing and iteration, and match in any case. */
  static final class HeaderMap extends LinkedHashMap<String, String> {
    private HeaderMap(int size) {
      super(Math.max(4, size * 2));
    }

    static HeaderMap of(Map<String, String> headers) {
      HeaderMap map = new HeaderMap(headers.size());
      map.putAll(headers);
      return map;
    }

    @Override
    public String get(Object key) {
      String exact = super.get(key);
      if (exact != null || !(key instanceof String name)) {
        return exact;
      }
      for (Map.Entry<String, String> entry : entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name)) {
          return entry.getValue();
        }
      }
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null || super.containsKey(key);
    }
  }
}
