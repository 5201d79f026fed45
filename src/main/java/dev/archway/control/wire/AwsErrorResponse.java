package dev.archway.control.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Json;
import io.vertx.core.http.HttpServerResponse;

/** Writes a management-API error the AWS restJson way: {@code x-amzn-ErrorType} and {@code {"message": ...}}. */
public final class AwsErrorResponse {
  private AwsErrorResponse() {}

  public static void send(HttpServerResponse response, ApiException error) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("message", error.getMessage());
    if (error.retryAfterSeconds() != null) {
      response.putHeader("Retry-After", error.retryAfterSeconds());
    }
    response
        .setStatusCode(error.status())
        .putHeader("x-amzn-ErrorType", error.errorType())
        .putHeader("Content-Type", "application/json")
        .end(body.toString());
  }
}
