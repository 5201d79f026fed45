package dev.archway.runtime.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.integration.BackendResponse;
import dev.archway.model.Json;
import dev.archway.runtime.Base64Text;
import dev.archway.runtime.GatewayResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a function's answer to a payload 2.0 event, as AWS does: an object with a
 * {@code statusCode} is a full response ({@code headers}, {@code cookies} as {@code Set-Cookie},
 * {@code body}, {@code isBase64Encoded}); any other valid JSON is a 200 whose body is that JSON (a
 * JSON string gives its text) with {@code content-type: application/json}. Anything else is a
 * malformed response (500 on HTTP APIs). Keys AWS does not read are ignored.
 */
public final class LambdaResponseV2 {

  private LambdaResponseV2() {}

  /** @throws GatewayResponse.Failure for a malformed answer */
  public static BackendResponse parse(Buffer payload) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(payload.getBytes());
    } catch (java.io.IOException e) {
      throw malformed();
    }
    if (root == null || root.isMissingNode()) {
      throw malformed();
    }
    if (!root.isObject() || !root.has("statusCode")) {
      MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
      String body = root.isTextual() ? root.textValue() : root.toString();
      return new BackendResponse(200, headers, Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
    }
    int status = status(root.get("statusCode"));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    JsonNode single = root.get("headers");
    if (single != null && !single.isNull()) {
      if (!single.isObject()) {
        throw malformed();
      }
      for (Map.Entry<String, JsonNode> header : single.properties()) {
        headers.add(header.getKey(), scalar(header.getValue()));
      }
    }
    JsonNode cookies = root.get("cookies");
    if (cookies != null && !cookies.isNull()) {
      if (!cookies.isArray()) {
        throw malformed();
      }
      for (JsonNode cookie : cookies) {
        headers.add("Set-Cookie", scalar(cookie));
      }
    }
    if (!headers.contains("Content-Type")) {
      headers.add("Content-Type", "application/json");
    }
    JsonNode body = root.get("body");
    String text = body == null || body.isNull() ? "" : body.isTextual() ? body.textValue() : body.toString();
    JsonNode base64 = root.get("isBase64Encoded");
    if (base64 != null && !base64.isNull() && !base64.isBoolean()) {
      throw malformed();
    }
    try {
      byte[] bytes = base64 != null && base64.asBoolean() ? Base64Text.decode(text) : text.getBytes(StandardCharsets.UTF_8);
      return new BackendResponse(status, headers, Buffer.buffer(bytes));
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private static int status(JsonNode node) {
    int status;
    if (node.isInt()) {
      status = node.intValue();
    } else if (node.isTextual() && node.textValue().matches("\\d{3}")) {
      status = Integer.parseInt(node.textValue());
    } else {
      throw malformed();
    }
    if (status < 100 || status > 599) {
      throw malformed();
    }
    return status;
  }

  private static String scalar(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    throw malformed();
  }

  private static GatewayResponse.Failure malformed() {
    return new GatewayResponse.MalformedLambdaResponse().failure();
  }
}
