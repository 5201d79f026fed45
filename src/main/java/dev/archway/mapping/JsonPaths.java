package dev.archway.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.json.JsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import com.jayway.jsonpath.spi.mapper.MappingProvider;
import dev.archway.model.Json;
import java.util.EnumSet;
import java.util.Set;

/**
 * JSONPath for {@code $input.json} and {@code $input.path}, on Jackson trees only: json-smart (the
 * library's default, CVE-2023-1370) is excluded from the build, and Jackson parses with the bounds of
 * {@link Json#MAPPER}. Paths are hostile too (CVE-2023-51074: a crafted path overflows the stack), so
 * they are length-capped, compiled under a guard, and regex filters ({@code =~}), which could
 * backtrack for ever on request data, are refused.
 */
final class JsonPaths {
  static final int MAX_PATH_CHARS = 1024;

  private static final Configuration CONFIGURATION;

  static {
    JsonProvider json = new JacksonJsonNodeJsonProvider(Json.MAPPER);
    MappingProvider mapping = new JacksonMappingProvider(Json.MAPPER);
    Set<Option> options = EnumSet.of(Option.SUPPRESS_EXCEPTIONS);
    // The library falls back on its defaults inside some filters; make those Jackson too.
    Configuration.setDefaults(new Configuration.Defaults() {
      @Override
      public JsonProvider jsonProvider() {
        return json;
      }

      @Override
      public Set<Option> options() {
        return options;
      }

      @Override
      public MappingProvider mappingProvider() {
        return mapping;
      }
    });
    CONFIGURATION = Configuration.builder().jsonProvider(json).mappingProvider(mapping).options(options).build();
  }

  private JsonPaths() {}

  /** A compiled path, or an {@link IllegalArgumentException} saying why the text is not one we run. */
  static JsonPath compile(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("JSONPath is empty (expected: an expression such as '$.name')");
    }
    if (path.length() > MAX_PATH_CHARS) {
      throw new IllegalArgumentException("JSONPath of " + path.length() + " characters (limit " + MAX_PATH_CHARS + ")");
    }
    if (path.contains("=~")) {
      throw new IllegalArgumentException("JSONPath '" + path + "' uses a regular-expression filter (=~), which Archway does not run");
    }
    try {
      return JsonPath.compile(path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("invalid JSONPath '" + path + "': " + e.getMessage());
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("invalid JSONPath '" + path + "': nested too deeply");
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid JSONPath '" + path + "'");
    }
  }

  /** The nodes the path selects in a document; null when a definite path selects nothing. */
  static JsonNode read(JsonPath path, JsonNode document) {
    try {
      Object result = path.read(document, CONFIGURATION);
      if (result == null || result instanceof JsonNode) {
        return (JsonNode) result;
      }
      return Json.MAPPER.valueToTree(result);
    } catch (StackOverflowError e) {
      throw new TemplateRuntimeException("JSONPath '" + path.getPath() + "' nested too deeply");
    }
  }
}
