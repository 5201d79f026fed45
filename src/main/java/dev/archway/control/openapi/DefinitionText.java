package dev.archway.control.openapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.archway.control.wire.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads an API definition (JSON or YAML) into a tree, bounded before any OpenAPI library sees it:
 * at most 6 MB (AWS's import limit), 100 levels of nesting and 2,000,000 tokens, no duplicate keys.
 * YAML aliases are refused rather than expanded, so an alias bomb ("billion laughs") costs nothing.
 * Every failure is a BadRequest naming what is wrong, never a stack trace.
 */
public final class DefinitionText {
  /** AWS: "API definition file size: 6 MB" for imports. */
  public static final int MAX_BYTES = 6 * 1024 * 1024;
  static final int MAX_DEPTH = 100;
  private static final long MAX_TOKENS = 2_000_000;
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_BYTES).maxNumberLength(100).maxDocumentLength(MAX_BYTES).build();
  private static final ObjectMapper JSON = JsonMapper.builder(
          com.fasterxml.jackson.core.JsonFactory.builder().streamReadConstraints(LIMITS).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
          .loaderOptions(loaderOptions()).streamReadConstraints(LIMITS).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private DefinitionText() {}

  /** The definition as a tree; JSON when it starts with '{', YAML otherwise (as AWS's importers decide). */
  public static JsonNode read(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(bytes.length);
    }
    return read(new String(bytes, StandardCharsets.UTF_8));
  }

  public static JsonNode read(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("Invalid OpenAPI definition: the definition is empty");
    }
    if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw tooLarge(text.getBytes(StandardCharsets.UTF_8).length);
    }
    boolean json = text.stripLeading().startsWith("{");
    ObjectMapper mapper = json ? JSON : YAML;
    try {
      scan(mapper, text);
      JsonNode tree = mapper.readTree(text);
      if (tree == null || !tree.isObject()) {
        throw ApiException.badRequest("Invalid OpenAPI definition: expected an object at the top level");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("Invalid OpenAPI definition: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw ApiException.badRequest("Invalid OpenAPI definition: it could not be read as " + (json ? "JSON" : "YAML"));
    }
  }

  /** One pass over the tokens before building a tree: counts them and refuses YAML aliases. */
  private static void scan(ObjectMapper mapper, String text) throws IOException {
    try (JsonParser parser = mapper.createParser(text)) {
      long tokens = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (++tokens > MAX_TOKENS) {
          throw ApiException.badRequest("Invalid OpenAPI definition: more than " + MAX_TOKENS + " values");
        }
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          throw ApiException.badRequest("Invalid OpenAPI definition: YAML aliases (*" + parser.getText()
              + ") are not supported; write the value out in full");
        }
      }
    }
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  private static ApiException tooLarge(int size) {
    return ApiException.badRequest("Invalid OpenAPI definition: " + size + " bytes (expected: at most " + MAX_BYTES + ")");
  }
}
