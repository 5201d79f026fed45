package dev.archway.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a function's answer to a REST AWS_PROXY event. Only {@code statusCode}, {@code headers}
 * (string or boolean values), {@code multiValueHeaders} (lists of them, merged first; a pair in
 * both comes once), {@code body} (a string) and {@code isBase64Encoded} are allowed; anything else
 * is a "Malformed Lambda proxy response" (502). A missing status is 200; {@code "201"} counts. A
 * body to decode that is not base64 is a 500, as on AWS.
 */
public final class LambdaProxyResponse {
  private static final Set<String> ALLOWED = Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
  /** Framing and identity headers are the gateway's; AWS hands the function's ones back renamed. */
  private static final Set<String> REMAPPED = Set.of("connection", "content-length", "date", "server", "x-amzn-requestid");
  private static final Set<String> DROPPED = Set.of("transfer-encoding", "keep-alive");

  private LambdaProxyResponse() {}

  /**
   * @param accept the client's Accept header: a base64 body is decoded only when its first entry
   *     is one of the API's binary media types
   * @throws GatewayResponse.Failure (502) for any malformed answer, (500) for a body to decode that is not base64
   */
  public static MethodResponse parse(Buffer payload, String accept, BinaryMediaTypes binary) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(payload.getBytes());
    } catch (java.io.IOException e) {
      throw malformed();
    }
    if (root == null || !root.isObject()) {
      throw malformed();
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      if (!ALLOWED.contains(names.next())) {
        throw malformed();
      }
    }
    int status = statusCode(root.get("statusCode"));
    MultiMap headers = headers(root.get("multiValueHeaders"), root.get("headers"));
    JsonNode body = root.get("body");
    if (body != null && !body.isNull() && !body.isTextual()) {
      throw malformed();
    }
    JsonNode base64 = root.get("isBase64Encoded");
    if (base64 != null && !base64.isNull() && !base64.isBoolean()) {
      throw malformed();
    }
    String text = body == null || body.isNull() ? "" : body.textValue();
    boolean decode = base64 != null && base64.asBoolean() && binary.matches(accept);
    if (!decode) {
      return new MethodResponse(status, headers, Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return new MethodResponse(status, headers, Buffer.buffer(Base64Text.decode(text)));
    } catch (IllegalArgumentException e) {
      throw new GatewayResponse.InternalServerError().failure();
    }
  }

  private static int statusCode(JsonNode node) {
    if (node == null || node.isNull()) {
      return 200;
    }
    int status;
    if (node.isInt()) {
      status = node.intValue();
    } else if (node.isTextual() && node.textValue().matches("\\d{1,3}")) {
      status = Integer.parseInt(node.textValue());
    } else {
      throw malformed();
    }
    if (status < 100 || status > 599) {
      throw malformed();
    }
    return status;
  }

  /** {@code multiValueHeaders} first, then {@code headers} under the same (case-insensitive) name. */
  private static MultiMap headers(JsonNode multi, JsonNode single) {
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    if (multi != null && !multi.isNull()) {
      if (!multi.isObject()) {
        throw malformed();
      }
      for (Map.Entry<String, JsonNode> header : multi.properties()) {
        if (header.getValue().isArray()) {
          for (JsonNode value : header.getValue()) {
            add(out, header.getKey(), value);
          }
        } else if (!header.getValue().isNull()) {
          throw malformed(); // {"X-A": "b"}: AWS wants a list here
        }
      }
    }
    if (single != null && !single.isNull()) {
      if (!single.isObject()) {
        throw malformed();
      }
      for (Map.Entry<String, JsonNode> header : single.properties()) {
        // AWS: "If the same key-value pair is specified in both, only the values from multiValueHeaders will appear."
        if (!(header.getValue().isTextual() && multiHas(multi, header.getKey(), header.getValue().textValue()))) {
          add(out, header.getKey(), header.getValue());
        }
      }
    }
    if (!out.contains("Content-Type")) {
      out.add("Content-Type", "application/json");
    }
    return out;
  }

  private static boolean multiHas(JsonNode multi, String name, String value) {
    if (multi == null || multi.isNull()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> header : multi.properties()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        for (JsonNode candidate : header.getValue()) {
          if (candidate.isTextual() && candidate.textValue().equals(value)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void add(MultiMap out, String name, JsonNode value) {
    if (!value.isTextual() && !value.isBoolean()) {
      throw malformed();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (DROPPED.contains(lower)) {
      return;
    }
    String text = value.isBoolean() ? Boolean.toString(value.booleanValue()) : value.textValue();
    // MultiMap keeps the first casing of a name, so the multi-value casing wins as on AWS.
    String existing = out.names().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(name);
    out.add(REMAPPED.contains(lower) ? "x-amzn-Remapped-" + existing : existing, text);
  }

  private static GatewayResponse.Failure malformed() {
    return new GatewayResponse.MalformedLambdaResponse().failure();
  }
}
