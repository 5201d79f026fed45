package dev.archway.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Compares a file's definition with what the server exports, on what a definition means rather than
 * where it was exported from: the server URL (API id, stage), Swagger's host and base path, API tags
 * (compared on the API itself), the documentation (not part of a deployment's export), and the ids
 * under which an HTTP API's shared integrations are exported (each {@code $ref} is replaced by the
 * integration it names) are left out; numbers compare by value.
 */
final class Definitions {
  static final String TAG_VALUE = "x-amazon-apigateway-tag-value";
  private static final String INTEGRATION = "x-amazon-apigateway-integration";
  private static final String SHARED = "x-amazon-apigateway-integrations";
  private static final String SHARED_REF = "#/components/" + SHARED + "/";

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private Definitions() {}

  /** A copy of the definition on what it means for an API of this type. */
  static ObjectNode comparable(ObjectNode definition, Declaration.Type type) {
    ObjectNode copy = definition.deepCopy();
    copy.remove(List.of(DeliveryFile.EXTENSION, "host", "basePath", "schemes", "x-amazon-apigateway-documentation"));
    inlineSharedIntegrations(copy);
    ServerDefaults.remove(copy, type);
    keep(copy, "servers", server -> {
      ObjectNode extensions = copy.objectNode();
      server.fields().forEachRemaining(f -> {
        if (f.getKey().startsWith("x-amazon-apigateway-")) {
          extensions.set(f.getKey(), f.getValue());
        }
      });
      return extensions.isEmpty() ? null : extensions;
    });
    keep(copy, "tags", tag -> tag.has(TAG_VALUE) ? null : tag);
    if (copy.get("components") instanceof ObjectNode components && components.isEmpty()) {
      copy.remove("components");
    }
    return copy;
  }

  /** Replaces each item of the array {@code member} by what {@code kept} makes of it (null: nothing); no items, no member. */
  private static void keep(ObjectNode parent, String member, UnaryOperator<JsonNode> kept) {
    if (!(parent.get(member) instanceof ArrayNode items)) {
      return;
    }
    ArrayNode left = parent.arrayNode();
    items.forEach(item -> {
      JsonNode value = kept.apply(item);
      if (value != null) {
        left.add(value);
      }
    });
    if (left.isEmpty()) {
      parent.remove(member);
    } else {
      parent.set(member, left);
    }
  }

  /** The API tags of a definition: its {@code tags} with {@code x-amazon-apigateway-tag-value}. */
  static Map<String, String> apiTags(ObjectNode definition) {
    Map<String, String> tags = new TreeMap<>();
    definition.path("tags").forEach(tag -> {
      if (tag.has(TAG_VALUE) && tag.hasNonNull("name")) {
        tags.put(tag.get("name").asText(), tag.get(TAG_VALUE).asText());
      }
    });
    return tags;
  }

  /** Empty when the definitions mean the same, else {@code serves another definition, differing at /a, /b, /c}. */
  static Optional<String> differing(ObjectNode wanted, ObjectNode served) {
    List<String> differences = differences(wanted, served, 3);
    return differences.isEmpty() ? Optional.empty()
        : Optional.of("serves another definition, differing at " + String.join(", ", differences));
  }

  /** The JSON pointers at which {@code a} and {@code b} differ, the first {@code limit} in document order. */
  static List<String> differences(JsonNode a, JsonNode b, int limit) {
    List<String> found = new ArrayList<>();
    differences(a, b, "", found, limit);
    return found;
  }

  private static void differences(JsonNode a, JsonNode b, String at, List<String> found, int limit) {
    if (found.size() >= limit || (a == null && b == null)) {
      return;
    }
    if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
      found.add(at.isEmpty() ? "/" : at);
    } else if (a.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        differences(a.get(name), b.get(name), at + "/" + name.replace("~", "~0").replace("/", "~1"), found, limit);
      }
    } else if (a.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        differences(a.get(i), b.get(i), at + "/" + i, found, limit);
      }
    } else if (a.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) != 0 : !a.equals(b)) {
      found.add(at.isEmpty() ? "/" : at);
    }
  }

  private static void inlineSharedIntegrations(ObjectNode copy) {
    JsonNode shared = copy.path("components").path(SHARED);
    if (!shared.isObject()) {
      return;
    }
    copy.path("paths").forEach(item -> item.forEach(operation -> {
      JsonNode integration = operation.path(INTEGRATION);
      String ref = integration.path("$ref").asText("");
      if (ref.startsWith(SHARED_REF) && shared.has(ref.substring(SHARED_REF.length()))) {
        ((ObjectNode) operation).set(INTEGRATION, shared.get(ref.substring(SHARED_REF.length())).deepCopy());
      }
    }));
    ((ObjectNode) copy.get("components")).remove(SHARED);
  }

  /** SHA-256 of the definition's canonical JSON (members sorted), in hex: what {@link AppliedMarks} compares. */
  static String fingerprint(ObjectNode comparable) {
    try {
      byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(comparable, Object.class));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("a definition could not be fingerprinted", e);
    }
  }

  /** Whether two values are the same once compared as {@link #differences} compares them. */
  static boolean same(JsonNode a, JsonNode b) {
    return differences(a, b, 1).isEmpty();
  }
}
