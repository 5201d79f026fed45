package dev.archway.runtime.httpapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.auth.AuthorizerResult;
import dev.archway.model.Json;
import dev.archway.runtime.httpapi.LambdaAuthorizerStep.Decided;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API authorizer decision as it is shared through Redis: JSON with {@code allowed},
 * {@code principalId}, {@code context} (its nulls kept) and {@code usageIdentifierKey}.
 */
final class DecidedJson {
  private record Stored(boolean allowed, String principalId, Map<String, Object> context, String usageIdentifierKey) {}

  private DecidedJson() {}

  static Buffer write(Decided decided) {
    AuthorizerResult result = decided.result();
    ObjectNode stored = JsonNodeFactory.instance.objectNode().put("allowed", decided.allowed())
        .put("principalId", result.principalId()).put("usageIdentifierKey", result.usageIdentifierKey());
    stored.set("context", tree(result.context()));
    try {
      return Buffer.buffer(Json.MAPPER.writeValueAsBytes(stored));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an authorizer context read from JSON does not write again: " + e.getMessage(), e);
    }
  }

  /** A context value as the authorizer sent it, its nulls kept at any depth (the mapper leaves null members out). */
  private static JsonNode tree(Object value) {
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      map.forEach((name, member) -> node.set(String.valueOf(name), tree(member)));
      return node;
    }
    if (value instanceof List<?> list) {
      ArrayNode node = JsonNodeFactory.instance.arrayNode();
      list.forEach(member -> node.add(tree(member)));
      return node;
    }
    return value == null ? NullNode.instance : Json.MAPPER.valueToTree(value);
  }

  static Decided read(Buffer stored) {
    try {
      Stored s = Json.MAPPER.readValue(stored.getBytes(), Stored.class);
      return new Decided(s.allowed(), new AuthorizerResult(s.principalId(), s.context(), Map.of(), s.usageIdentifierKey()));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a cached decision: " + e.getMessage(), e);
    }
  }
}
