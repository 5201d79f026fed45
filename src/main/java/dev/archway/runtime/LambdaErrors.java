package dev.archway.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.integration.BackendResponse;
import dev.archway.model.Json;
import java.io.IOException;

/** Reads a Lambda function error the way integration responses select on it. */
final class LambdaErrors {
  private LambdaErrors() {}

  /**
   * @return the {@code errorMessage} of a function error ("" when the document has none), or
   *     null for a success, which only the default integration response can answer
   */
  static String errorMessage(BackendResponse response) {
    if (response.headers().get(IntegrationResponseStep.FUNCTION_ERROR) == null) {
      return null;
    }
    try {
      JsonNode error = Json.MAPPER.readTree(response.body().getBytes());
      JsonNode message = error == null ? null : error.get("errorMessage");
      return message == null || message.isNull() ? "" : message.asText();
    } catch (IOException e) {
      return "";
    }
  }
}
