package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.archway.control.openapi.rest.RestDefinition.Part;
import dev.archway.model.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The models of an imported definition: each named schema ({@code definitions} or
 * {@code components.schemas}) is a model of that name, and a body schema written inline is a model
 * named {@code MODEL} and six hex digits of its hash (so identical inline schemas are one model).
 * Schemas name other models as {@code #/definitions/Name} until the import knows the API's id.
 */
final class DefinitionModels {
  static final String LOCAL = "#/definitions/";
  private static final String IRI = "https://apigateway.amazonaws.com/restapis/";

  private final Dialect dialect;
  private final List<String> warnings;
  private final Map<String, Part> models = new LinkedHashMap<>();

  DefinitionModels(JsonNode root, Dialect dialect, List<String> warnings) {
    this.dialect = dialect;
    this.warnings = warnings;
    dialect.schemas(root).fields().forEachRemaining(e -> {
      String where = dialect.schemaPrefix.substring(2).replace('/', '.') + e.getKey();
      if (!e.getKey().matches("[A-Za-z0-9]{1,255}")) {
        warnings.add("Model name must be alphanumeric: " + e.getKey() + "; " + where + " was not imported");
        return;
      }
      models.put(e.getKey(), new Part(e.getKey(), where, body(e.getKey(), e.getValue())));
    });
  }

  List<Part> all() {
    return List.copyOf(models.values());
  }

  /** The model a body schema names, creating one for an inline schema; null (with a warning) when it names none. */
  String modelFor(JsonNode schema, String where) {
    String ref = schema.path("$ref").asText(null);
    if (ref != null && schema.size() == 1) {
      String name = ref.startsWith(dialect.schemaPrefix) ? ref.substring(dialect.schemaPrefix.length()) : ref;
      if (!models.containsKey(name)) {
        warnings.add("Reference to model '" + name + "' not found in " + where + ". Ignoring.");
        return null;
      }
      return name;
    }
    String name = "MODEL" + hash(Json.MAPPER.valueToTree(schema).toString());
    models.putIfAbsent(name, new Part(name, where, body(name, schema)));
    return name;
  }

  private ObjectNode body(String name, JsonNode schema) {
    JsonNode local = rewrite(schema, ref -> ref.startsWith(dialect.schemaPrefix)
        ? LOCAL + ref.substring(dialect.schemaPrefix.length()) : ref);
    return Json.MAPPER.createObjectNode().put("name", name).put("contentType", Dialect.JSON)
        .put("schema", local.toString());
  }

  /** A model schema of the definition with its references to other models as AWS spells them for the API. */
  static String withModelIris(String schema, String apiId) {
    return rewrite(parse(schema), ref -> ref.startsWith(LOCAL) ? IRI + apiId + "/models/" + ref.substring(LOCAL.length()) : ref)
        .toString();
  }

  /** A stored model schema as an exported definition writes it: references as {@code prefix + Name}, no {@code $schema}. */
  static JsonNode forExport(String schema, String apiId, String prefix) {
    String models = IRI + apiId + "/models/";
    JsonNode node = rewrite(parse(schema), ref -> ref.startsWith(models) ? prefix + ref.substring(models.length()) : ref);
    if (node instanceof ObjectNode object) {
      object.remove("$schema");
    }
    return node;
  }

  /** True when a model schema of the definition names another model (it is created only once they all exist). */
  static boolean namesModels(String schema) {
    return schema.contains("\"" + LOCAL);
  }

  private static JsonNode rewrite(JsonNode node, UnaryOperator<String> refs) {
    if (node.isObject()) {
      ObjectNode copy = Json.MAPPER.createObjectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), f.getKey().equals("$ref") && f.getValue().isTextual()
          ? TextNode.valueOf(refs.apply(f.getValue().asText())) : rewrite(f.getValue(), refs)));
      return copy;
    }
    if (node.isArray()) {
      var copy = Json.MAPPER.createArrayNode();
      node.forEach(item -> copy.add(rewrite(item, refs)));
      return copy;
    }
    return node;
  }

  private static JsonNode parse(String schema) {
    try {
      return Json.MAPPER.readTree(schema);
    } catch (Exception e) {
      return Json.MAPPER.createObjectNode();
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
