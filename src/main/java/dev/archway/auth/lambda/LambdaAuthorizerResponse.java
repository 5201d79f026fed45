package dev.archway.auth.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.auth.AuthorizerResult;
import dev.archway.auth.policy.PolicyDocument;
import dev.archway.model.Json;
import io.vertx.core.buffer.Buffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The output of a REST Lambda authorizer ("Output from an API Gateway Lambda authorizer"):
 * {@code principalId}, {@code policyDocument}, optional {@code context} (flat; values string,
 * number or boolean) and {@code usageIdentifierKey}. Parsed strictly: anything else is the
 * authorizer's configuration error (500), never a guess that lets the request through.
 */
public record LambdaAuthorizerResponse(
    String principalId, PolicyDocument policy, String policyJson, Map<String, Object> context, String usageIdentifierKey) {

  /** A result shared through Redis travels as the authorizer's output and is parsed again, so it reads back as it was. */
  public static final AuthorizerCache.Codec<LambdaAuthorizerResponse> CODEC =
      new AuthorizerCache.Codec<>(LambdaAuthorizerResponse::output, LambdaAuthorizerResponse::parse);

  /** @throws IllegalArgumentException saying what is wrong with the output */
  public static LambdaAuthorizerResponse parse(Buffer payload) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(payload.getBytes());
    } catch (Exception e) {
      throw new IllegalArgumentException("authorizer output is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("authorizer output is not a JSON object");
    }
    JsonNode principal = root.get("principalId");
    if (principal == null || !principal.isValueNode() || principal.isNull()) {
      throw new IllegalArgumentException("authorizer output has no principalId");
    }
    if (!root.has("policyDocument")) {
      throw new IllegalArgumentException("authorizer output has no policyDocument");
    }
    PolicyDocument policy = PolicyDocument.of(root.get("policyDocument"), UnaryOperator.identity());
    Map<String, Object> context = new LinkedHashMap<>();
    JsonNode raw = root.get("context");
    if (raw != null && !raw.isNull()) {
      if (!raw.isObject()) {
        throw new IllegalArgumentException("authorizer output context is not an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        context.put(entry.getKey(), scalar(entry.getKey(), entry.getValue()));
      }
    }
    JsonNode key = root.get("usageIdentifierKey");
    if (key != null && !key.isNull() && !key.isTextual()) {
      throw new IllegalArgumentException("authorizer output usageIdentifierKey is not a string");
    }
    return new LambdaAuthorizerResponse(principal.asText(), policy, root.get("policyDocument").toString(), context,
        key == null || key.isNull() ? null : key.asText());
  }

  /** AWS accepts only strings, numbers and booleans in the context: objects and arrays fail the request. */
  private static Object scalar(String name, JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    if (value.isNull()) {
      return null;
    }
    throw new IllegalArgumentException("authorizer output context." + name + " is " + value.getNodeType()
        + " (expected: a string, number or boolean)");
  }

  /** The output this was parsed from, in the same JSON value types: what {@link #parse} reads back into this. */
  public Buffer output() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("principalId", principalId);
    try {
      root.set("policyDocument", Json.MAPPER.readTree(policyJson));
      ObjectNode values = root.putObject("context");
      context.forEach((name, value) -> values.set(name, Json.MAPPER.valueToTree(value))); // a null value stays a null
      if (usageIdentifierKey != null) {
        root.put("usageIdentifierKey", usageIdentifierKey);
      }
      return Buffer.buffer(Json.MAPPER.writeValueAsBytes(root));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("authorizer output parsed once does not write again: " + e.getMessage(), e);
    }
  }

  public AuthorizerResult result() {
    return new AuthorizerResult(principalId, context, Map.of(), usageIdentifierKey);
  }
}
