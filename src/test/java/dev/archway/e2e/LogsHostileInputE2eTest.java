package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import dev.archway.testing.ArchwayServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Raw awsJson1_1 requests that no SDK would send get AWS-shaped errors, never a stack trace or a hang. */
class LogsHostileInputE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final HttpClient http = HttpClient.newHttpClient();

  private static HttpResponse<String> call(String operation, String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/"))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "Logs_20140328." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization).header("X-Amz-Date", "20260101T000000Z");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode error(HttpResponse<String> response, int status, String type) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertThat(body.path("__type").asText()).isEqualTo(type);
    assertThat(body.path("message").asText()).isNotBlank().doesNotContain("Exception:").doesNotContain("\tat ");
    return body;
  }

  @Test
  void malformedBodies() throws Exception {
    error(call("CreateLogGroup", "{\"logGroupName\": ", null), 400, "SerializationException");
    error(call("CreateLogGroup", "[1, 2]", null), 400, "SerializationException");
    error(call("CreateLogGroup", "{\"logGroupName\": 42}", null), 400, "SerializationException");
    error(call("CreateLogGroup", "{\"logGroupName\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}", null), 400,
        "SerializationException");
    error(call("PutLogEvents", "{\"logGroupName\": \"g\", \"logStreamName\": \"s\", \"logEvents\": [{\"timestamp\": \"soon\"}]}", null),
        400, "SerializationException");
    error(call("PutLogEvents", "{\"logGroupName\": \"" + "x".repeat(7 * 1024 * 1024) + "\"}", null), 413, "RequestEntityTooLarge");
    JsonNode missing = error(call("CreateLogGroup", "{}", null), 400, "InvalidParameterException");
    assertThat(missing.path("message").asText())
        .isEqualTo("1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void unknownOperationsAndForeignSignatures() throws Exception {
    error(call("DeleteEverything", "{}", null), 400, "UnknownOperationException");
    String apigatewayScope = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/apigateway/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
    JsonNode foreign = error(call("DescribeLogGroups", "{}", apigatewayScope), 403, "InvalidSignatureException");
    assertThat(foreign.path("message").asText()).contains("Credential should be scoped to correct service: 'logs'");
  }
}
