package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import io.vertx.core.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/**
 * Patterns that backtrack catastrophically in java.util.regex, against long request bodies and
 * long Lambda error messages: every request gets its answer (a hang would fail the client's timeout).
 */
class HostilePatternsTrafficE2eTest {
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));

  static final String URI_PREFIX = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/";
  static final String MODEL = "{\"type\":\"object\",\"properties\":{"
      + "\"a\":{\"type\":\"string\",\"pattern\":\"^(a|aa)+$\"},\"b\":{\"type\":\"string\",\"pattern\":\"^(a|a?)+$\"}}}";
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static String apiId;

  @BeforeAll
  static void buildApi() {
    lambda.register("fails", inv -> Future.succeededFuture(
        Reply.functionError("Error", inv.json().getString("message"))));
    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("hostile-patterns"));
    apiId = api.id();
    aws.createModel(r -> r.restApiId(apiId).name("Strings").contentType("application/json").schema(MODEL));
    String validator = aws.createRequestValidator(r -> r.restApiId(apiId).name("body").validateRequestBody(true)).id();

    String validated = LambdaProxyTrafficE2eTest.resource(aws, apiId, api.rootResourceId(), "validated");
    aws.putMethod(r -> r.restApiId(apiId).resourceId(validated).httpMethod("POST").authorizationType("NONE")
        .requestValidatorId(validator).requestModels(Map.of("application/json", "Strings")));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(validated).httpMethod("POST").statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(validated).httpMethod("POST").type(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(validated).httpMethod("POST").statusCode("200")
        .responseTemplates(Map.of("application/json", "{\"valid\":true}")));

    String selected = LambdaProxyTrafficE2eTest.resource(aws, apiId, api.rootResourceId(), "selected");
    aws.putMethod(r -> r.restApiId(apiId).resourceId(selected).httpMethod("POST").authorizationType("NONE"));
    for (String status : new String[] {"200", "400"}) {
      aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(selected).httpMethod("POST").statusCode(status));
    }
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(selected).httpMethod("POST").type(IntegrationType.AWS)
        .integrationHttpMethod("POST").uri(URI_PREFIX + "arn:aws:lambda:us-east-1:000000000000:function:fails/invocations"));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(selected).httpMethod("POST").statusCode("200"));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(selected).httpMethod("POST").statusCode("400")
        .selectionPattern("^(a|aa)+$"));
    aws.createDeployment(r -> r.restApiId(apiId).stageName("test"));
    Fixtures.awaitServing(server.pathStyle(apiId, "test", "/validated"), "POST");
  }

  @Test
  void modelPatternsAnswerLongBodiesWithAwsValidationAnswer() throws Exception {
    for (String field : new String[] {"a", "b"}) {
      HttpResponse<String> invalid = post("/validated", "{\"" + field + "\":\"" + "a".repeat(2_999) + "!\"}");
      assertThat(invalid.statusCode()).as(field).isEqualTo(400);
      assertThat(invalid.body()).isEqualTo("{\"message\":\"Invalid request body\"}");
      assertThat(invalid.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");

      HttpResponse<String> valid = post("/validated", "{\"" + field + "\":\"" + "a".repeat(3_000) + "\"}");
      assertThat(valid.statusCode()).as(field).isEqualTo(200);
      assertThat(valid.body()).isEqualTo("{\"valid\":true}");
    }
  }

  @Test
  void aSelectionPatternBombOnALongErrorMessageIsAConfigurationError() throws Exception {
    HttpResponse<String> bomb = post("/selected", "{\"message\":\"" + "a".repeat(3_000) + "!\"}");
    assertThat(bomb.statusCode()).isEqualTo(500);
    assertThat(bomb.body()).isEqualTo("{\"message\":\"Internal server error\"}");

    // The same pattern on a short message selects as Java's regex would.
    assertThat(post("/selected", "{\"message\":\"aaa\"}").statusCode()).isEqualTo(400);
    assertThat(post("/selected", "{\"message\":\"aab\"}").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
