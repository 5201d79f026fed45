package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import dev.archway.testing.ArchwayServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GatewayResponseType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** Customised gateway responses, deployed through the SDK, seen by a real HTTP client. */
class GatewayResponseTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private static final HttpClient http = HttpClient.newHttpClient();
  private static ApiGatewayClient aws;
  private static String apiId;

  @BeforeAll
  static void buildApi() throws Exception {
    aws = server.client();
    apiId = Fixtures.mockApi(aws, "gateway-responses", "{\"ok\":true}");
    var api = aws.getRestApi(r -> r.restApiId(apiId));
    String validator = aws.createRequestValidator(r -> r.restApiId(apiId).name("p").validateRequestParameters(true)).id();
    String needs = aws.createResource(r -> r.restApiId(apiId).parentId(api.rootResourceId()).pathPart("needs")).id();
    aws.putMethod(r -> r.restApiId(apiId).resourceId(needs).httpMethod("GET").authorizationType("NONE")
        .requestValidatorId(validator).requestParameters(Map.of("method.request.querystring.q", true)));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(needs).httpMethod("GET").type(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));

    aws.putGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)
        .statusCode("404")
        .responseParameters(Map.of(
            "gatewayresponse.header.X-Hint", "'no such route'",
            "gatewayresponse.header.X-Trace", "method.request.header.X-Trace",
            "gatewayresponse.header.X-Color", "stageVariables.color"))
        .responseTemplates(Map.of("application/json", "{\"error\":$context.error.messageString,"
            + "\"type\":\"$context.error.responseType\",\"id\":\"$context.requestId\",\"color\":\"${stageVariables.color}\"}")));
    aws.putGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.DEFAULT_4_XX)
        .responseParameters(Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'*'"))
        .responseTemplates(Map.of("application/json", "{\"problem\":\"$context.error.message\"}")));
    aws.createDeployment(r -> r.restApiId(apiId).stageName("test").variables(Map.of("color", "blue")));
    await().until(() -> get("test", "/hello", null).statusCode() == 200);
  }

  @Test
  void aCustomisedTypeSetsStatusHeadersAndBody() throws Exception {
    HttpResponse<String> r = get("test", "/nowhere", "trace-1");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("X-Hint")).hasValue("no such route");
    assertThat(r.headers().firstValue("X-Trace")).hasValue("trace-1");
    assertThat(r.headers().firstValue("X-Color")).hasValue("blue");
    assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    JsonNode body = Json.MAPPER.readTree(r.body());
    assertThat(body.get("error").asText()).isEqualTo("Missing Authentication Token");
    assertThat(body.get("type").asText()).isEqualTo("MISSING_AUTHENTICATION_TOKEN");
    assertThat(body.get("id").asText()).isEqualTo(r.headers().firstValue("x-amzn-RequestId").orElseThrow());
    assertThat(body.get("color").asText()).isEqualTo("blue");
    // A known path with an undefined method is the same error.
    assertThat(post("/hello").statusCode()).isEqualTo(404);
  }

  @Test
  void otherFourHundredsFallBackToDefault4xx() throws Exception {
    HttpResponse<String> r = get("test", "/needs", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(r.body()).isEqualTo("{\"problem\":\"Missing required request parameters: [q]\"}");
  }

  @Test
  void fiveHundredsKeepTheBuiltInAnswer() throws Exception {
    // /needs with q: the MOCK answers 200, but the method declares no 200 response: a 500.
    HttpResponse<String> r = get("test", "/needs?q=1", null);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void anUnknownStageGetsTheBuiltInAnswer() throws Exception {
    HttpResponse<String> r = get("nostage", "/hello", null);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }

  @Test
  void aNewCustomisationIsServedOnlyAfterRedeploy() throws Exception {
    aws.createDeployment(r -> r.restApiId(apiId).stageName("later"));
    await().until(() -> get("later", "/hello", null).statusCode() == 200);
    aws.putGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.DEFAULT_5_XX).statusCode("503")
        .responseTemplates(Map.of("application/json", "{\"down\":true}")));
    assertThat(get("later", "/needs?q=1", null).statusCode()).isEqualTo(500);

    aws.createDeployment(r -> r.restApiId(apiId).stageName("later"));
    await().until(() -> get("later", "/needs?q=1", null).statusCode() == 503);
    assertThat(get("later", "/needs?q=1", null).body()).isEqualTo("{\"down\":true}");
    assertThat(get("test", "/needs?q=1", null).statusCode()).isEqualTo(500);
  }

  private static HttpResponse<String> get(String stage, String path, String trace) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.pathStyle(apiId, stage, path)).GET();
    if (trace != null) {
      b.header("X-Trace", trace);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", path))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }
}
