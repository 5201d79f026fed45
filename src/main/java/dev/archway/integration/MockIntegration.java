package dev.archway.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;

/**
 * The MOCK integration: no backend; the rendered request template says which status code the
 * integration "returns" ({@code {"statusCode": 200}}), and integration responses do the rest.
 */
public final class MockIntegration {

  /** What a rendered request template asks for. */
  public sealed interface Outcome {}

  /** The template named a status code. */
  public record Status(int statusCode) implements Outcome {}

  /** The template is not JSON at all: AWS answers 200 with an empty body (recorded against AWS). */
  public record NotJson() implements Outcome {}

  /** JSON without an integer {@code statusCode}, or no template: AWS fails with "Unable to parse statusCode" (500). */
  public record NoStatusCode() implements Outcome {}

  private MockIntegration() {}

  public static Outcome invoke(String renderedTemplate) {
    if (renderedTemplate == null || renderedTemplate.isBlank()) {
      return new NoStatusCode();
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(renderedTemplate);
    } catch (JsonProcessingException e) {
      return new NotJson();
    }
    JsonNode status = body == null ? null : body.get("statusCode");
    if (status == null || !status.canConvertToInt() || !status.isIntegralNumber()) {
      return new NoStatusCode();
    }
    return new Status(status.intValue());
  }
}
