package dev.archway.control.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.wire.ApiException;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.List;

/**
 * Checks an OpenAPI 3.x tree (or a Swagger 2.0 one, with swagger-parser's v1 reader) against the
 * specification. The tree comes from {@link DefinitionText} (so swagger-parser never reads text or YAML itself) and nothing is resolved
 * (so it never fetches a reference). Its messages are the import's warnings: AWS imports a definition
 * that breaks the specification in ways it can ignore, and warns.
 */
public final class Validation {
  private Validation() {}

  /** The specification's complaints about the tree; a tree swagger-parser cannot make anything of fails with its messages. */
  public static List<String> messages(JsonNode root) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    options.setValidateExternalRefs(false);
    SwaggerParseResult result;
    try {
      result = new OpenAPIDeserializer().deserialize(root.deepCopy(), null, options);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("Invalid OpenAPI definition: it could not be parsed");
    }
    List<String> messages = result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
    if (result.getOpenAPI() == null) {
      throw ApiException.badRequest("Errors found during import:\n\t" + String.join("\n\t", messages));
    }
    return relevant(messages);
  }

  /** The same for a Swagger 2.0 tree; nothing is resolved, so no reference is ever fetched. */
  public static List<String> swaggerMessages(JsonNode root) {
    SwaggerDeserializationResult result;
    try {
      result = new SwaggerDeserializer().deserialize(root.deepCopy());
    } catch (RuntimeException e) {
      throw ApiException.badRequest("Invalid OpenAPI definition: it could not be parsed");
    }
    return relevant(result.getMessages() == null ? List.of() : result.getMessages());
  }

  // AWS's own examples import operations without responses, and its exports name the $default route's path $default.
  private static List<String> relevant(List<String> messages) {
    return messages.stream().filter(m -> !m.endsWith(".responses is missing") && !m.contains("Resource $default should start with /"))
        .toList();
  }
}
