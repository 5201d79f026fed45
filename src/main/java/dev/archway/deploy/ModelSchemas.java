package dev.archway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;
import dev.archway.model.Json;
import dev.archway.runtime.LinearRegularExpressions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JSON Schema draft 4 models: checked when a model is written (CreateModel, UpdateModel) and
 * compiled once per deployment. A {@code $ref} may name another model of the same API as AWS
 * spells it, {@code https://apigateway.amazonaws.com/restapis/{api}/models/{name}}; it is resolved
 * from the deployment's models and nothing is ever fetched. Every regular expression in a schema
 * runs on RE2J ({@link LinearRegularExpressions}): one it cannot run is refused when the model is written.
 */
public final class ModelSchemas {
  public static final String MODEL_IRI = "https://apigateway.amazonaws.com/restapis/";
  private static final JsonSchema DRAFT_4 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
      .getSchema(SchemaLocation.of("http://json-schema.org/draft-04/schema#"));

  private ModelSchemas() {}

  public static String modelIri(String apiId, String name) {
    return MODEL_IRI + apiId + "/models/" + name;
  }

  /**
   * Checks a model schema before it is stored.
   *
   * @param modelNames the API's models, which {@code $ref}s may name
   * @throws IllegalArgumentException saying what is wrong, for the 400 answer
   */
  public static void check(String apiId, String schema, Set<String> modelNames) {
    JsonNode node = parse(schema);
    Set<ValidationMessage> errors = DRAFT_4.validate(node);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("not a valid JSON Schema draft 4 document: "
          + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining(", ")));
    }
    List<String> refs = new ArrayList<>();
    List<String> patterns = new ArrayList<>();
    collect(node, refs, patterns);
    for (String pattern : patterns) {
      String problem = LinearRegularExpressions.problem(pattern);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    String prefix = modelIri(apiId, "");
    for (String ref : refs) {
      String target = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
      if (target.isEmpty()) {
        continue; // a reference inside this schema
      }
      if (!target.startsWith(prefix) || !modelNames.contains(target.substring(prefix.length()))) {
        throw new IllegalArgumentException("$ref " + ref + " (expected: a model of this API, " + prefix + "{name})");
      }
    }
  }

  /**
   * Compiles the model {@code name} of a deployment, with {@code $ref}s to its other models resolved now.
   *
   * @param schemas every model of the deployment: name to schema
   * @throws IllegalArgumentException when the model is absent or cannot be compiled
   */
  public static JsonSchema compile(String apiId, Map<String, String> schemas, String name) {
    String schema = schemas.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("model " + name + " (expected: a model of the API)");
    }
    String prefix = modelIri(apiId, "");
    SchemaLoader local = iri -> {
      String target = iri.toString();
      if (target.startsWith("classpath:")) {
        return null; // meta-schemas shipped in the validator's jar
      }
      String other = target.startsWith(prefix) ? schemas.get(target.substring(prefix.length())) : null;
      if (other == null) {
        throw new IllegalArgumentException("$ref " + target + " (expected: a model of this API, " + prefix + "{name})");
      }
      return (InputStreamSource) () -> new ByteArrayInputStream(other.getBytes(StandardCharsets.UTF_8));
    };
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
        builder -> builder.jsonMapper(Json.MAPPER).schemaLoaders(loaders -> loaders.add(local)));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .regularExpressionFactory(LinearRegularExpressions.INSTANCE)
        .failFast(false)
        .build();
    try {
      JsonSchema compiled = factory.getSchema(SchemaLocation.of(modelIri(apiId, name)), parse(schema), config);
      compiled.initializeValidators(); // resolve every $ref now, not on the first request
      return compiled;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("model " + name + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode parse(String schema) {
    if (schema == null || schema.isBlank()) {
      throw new IllegalArgumentException("the schema is empty (expected: a JSON object)");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(schema);
    } catch (Exception e) {
      throw new IllegalArgumentException("the schema is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("the schema is not a JSON object");
    }
    return node;
  }

  /** Every {@code $ref} string and every regex ({@code pattern}, {@code patternProperties} keys) in the schema. */
  private static void collect(JsonNode node, List<String> refs, List<String> patterns) {
    if (node.isArray()) {
      node.forEach(item -> collect(item, refs, patterns));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (field.getKey().equals("$ref") && value.isTextual()) {
        refs.add(value.asText());
      } else if (field.getKey().equals("pattern") && value.isTextual()) {
        patterns.add(value.asText());
      } else if (field.getKey().equals("patternProperties") && value.isObject()) {
        value.fieldNames().forEachRemaining(patterns::add);
      }
      collect(value, refs, patterns);
    }
  }
}
