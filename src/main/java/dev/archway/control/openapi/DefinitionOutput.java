package dev.archway.control.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;

/** Writes an exported definition as JSON (indented, as AWS's exports are) or YAML. */
public final class DefinitionOutput {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

  private DefinitionOutput() {}

  public static byte[] json(JsonNode document) {
    return write(JSON, document);
  }

  public static byte[] yaml(JsonNode document) {
    return write(YAML, document);
  }

  private static byte[] write(ObjectMapper mapper, JsonNode document) {
    try {
      return mapper.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an exported definition could not be written", e);
    }
  }
}
