package dev.archway.cloudwatch;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * awsJson1_0 (CloudWatch) and awsJson1_1 (CloudWatch Logs): the operation in {@code X-Amz-Target},
 * the input as a JSON object, errors as {@code {"__type": ..., "message": ...}}. A service that was
 * once awsquery ({@code awsQueryCompatible}) also names the query error code in
 * {@code x-amzn-query-error}, which the SDKs map to their modelled exceptions.
 */
public record JsonProtocol(String version) implements Protocol {

  public String contentType() {
    return "application/x-amz-json-" + version;
  }

  @Override
  public JsonNode read(ServiceModel model, String operation, byte[] body) {
    if (body.length == 0) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      JsonNode tree = Json.MAPPER.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        return Json.MAPPER.createObjectNode();
      }
      if (!tree.isObject()) {
        throw AwsServiceException.badRequest("SerializationException", "Start of structure or map expected");
      }
      return tree;
    } catch (JacksonException e) {
      throw AwsServiceException.badRequest("SerializationException", "Invalid JSON in request body");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public WireAnswer answer(ServiceModel model, String operation, JsonNode output, String requestId) {
    String body = output == null ? "{}" : output.toString();
    return new WireAnswer(200, contentType(), Map.of("x-amzn-RequestId", requestId), body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public WireAnswer error(ServiceModel model, AwsServiceException error, String requestId) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("__type", error.shape());
    body.put("message", error.getMessage());
    if (error.details() != null) {
      body.setAll(error.details());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", requestId);
    headers.put("x-amzn-ErrorType", error.shape());
    if (model.queryCompatible()) {
      headers.put("x-amzn-query-error", model.queryCode(error.shape()) + ";" + error.faultType());
    }
    return new WireAnswer(error.status(), contentType(), headers, body.toString().getBytes(StandardCharsets.UTF_8));
  }
}
