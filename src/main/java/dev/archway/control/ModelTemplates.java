package dev.archway.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * GetModelTemplate: a VTL mapping template that rebuilds a payload of the model's shape from
 * {@code $input}, the way the console's "generate template" does: strings quoted, numbers and
 * booleans bare, nested objects inline, arrays as {@code #foreach} loops. {@code $ref}s to other
 * models are followed up to a fixed depth (a recursive model would otherwise never end).
 */
public final class ModelTemplates {
  private static final int MAX_DEPTH = 10;

  private ModelTemplates() {}

  /** @param resolve a {@code $ref} value to the referenced schema, or null */
  public static String generate(JsonNode schema, Function<String, JsonNode> resolve) {
    StringBuilder out = new StringBuilder("#set($inputRoot = $input.path('$'))\n");
    value(out, schema, "$inputRoot", "", resolve, 0, "elem");
    return out.append('\n').toString();
  }

  private static void value(StringBuilder out, JsonNode schema, String ref, String indent,
      Function<String, JsonNode> resolve, int depth, String loopVar) {
    JsonNode s = follow(schema, resolve, depth);
    String type = s.path("type").asText(s.has("properties") ? "object" : s.has("items") ? "array" : "string");
    switch (type) {
      case "object" -> {
        out.append("{\n");
        JsonNode props = s.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          out.append(indent).append("  \"").append(p.getKey()).append("\" : ");
          value(out, p.getValue(), ref + "." + p.getKey(), indent + "  ", resolve, depth + 1, loopVar);
          out.append(it.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
      }
      case "array" -> {
        String elem = "$" + loopVar;
        out.append("[\n#foreach(").append(elem).append(" in ").append(ref).append(")\n").append(indent).append("  ");
        value(out, s.path("items"), elem, indent + "  ", resolve, depth + 1, loopVar + "1");
        out.append("#if($foreach.hasNext),#end\n#end\n").append(indent).append(']');
      }
      case "integer", "number", "boolean" -> out.append(ref);
      default -> out.append('"').append(ref).append('"');
    }
  }

  private static JsonNode follow(JsonNode schema, Function<String, JsonNode> resolve, int depth) {
    JsonNode current = schema;
    for (int hops = 0; current.has("$ref") && hops < MAX_DEPTH; hops++) {
      JsonNode target = depth < MAX_DEPTH ? resolve.apply(current.get("$ref").asText()) : null;
      if (target == null) {
        return dev.archway.model.Json.MAPPER.createObjectNode().put("type", "string"); // unresolvable: a plain value
      }
      current = target;
    }
    return current;
  }
}
