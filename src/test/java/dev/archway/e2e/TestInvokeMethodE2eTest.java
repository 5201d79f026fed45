package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.TestInvokeMethodResponse;

/** TestInvokeMethod runs the draft method's real pipeline, without a deployment, and returns AWS's execution log. */
class TestInvokeMethodE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  @RegisterExtension static final EchoBackend backend = new EchoBackend();

  static NonProxyApi api;
  static String item;
  static String mock;
  static String broken;

  @BeforeAll
  static void buildApi() {
    api = new NonProxyApi(server.client(), "test-invoke");
    String items = api.resource(api.root, "items");
    item = api.resource(items, "{id}");
    api.method(item, "POST", "200");
    api.integration(item, "POST", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("POST")
        .uri(backend.url() + "/${stageVariables.base}/{id}")
        .requestParameters(Map.of("integration.request.path.id", "method.request.path.id",
            "integration.request.querystring.q", "method.request.querystring.q",
            "integration.request.header.X-In", "method.request.header.X-In"))
        .requestTemplates(Map.of("application/json", "{\"name\":\"$input.path('$.name')\",\"ip\":\"$context.identity.sourceIp\"}")));
    api.response(item, "POST", "200", r -> r.selectionPattern("")
        .responseParameters(Map.of("method.response.header.X-Echo-Path", "integration.response.body.path"))
        .responseTemplates(Map.of("application/json", "#set($e = $input.path('$')){\"sent\":$e.body,\"query\":\"$e.query\"}")));

    mock = api.resource(api.root, "mock");
    api.method(mock, "GET", "200");
    api.integration(mock, "GET", r -> r.type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    api.response(mock, "GET", "200", r -> r.selectionPattern("").responseTemplates(Map.of("application/json", "{\"stage\":\"$context.stage\"}")));

    broken = api.resource(api.root, "broken");
    api.method(broken, "GET", "200");
    api.integration(broken, "GET", r -> r.type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    api.response(broken, "GET", "200", r -> r.selectionPattern("").responseTemplates(Map.of("application/json", "#foreach($i in [1..1001])#end")));
  }

  @Test
  void runsTheDraftPipelineAgainstTheRealBackendWithoutADeployment() {
    TestInvokeMethodResponse response = api.aws.testInvokeMethod(r -> r.restApiId(api.id).resourceId(item).httpMethod("POST")
        .pathWithQueryString("/items/42?q=find").body("{\"name\":\"Ada\"}")
        .headers(Map.of("Content-Type", "application/json", "X-In", "in"))
        .multiValueHeaders(Map.of("X-Extra", List.of("a", "b")))
        .stageVariables(Map.of("base", "store")));

    assertThat(response.status()).isEqualTo(200);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getJsonObject("sent").getMap()).isEqualTo(Map.of("name", "Ada", "ip", "test-invoke-source-ip"));
    assertThat(body.getString("query")).isEqualTo("q=find");
    assertThat(response.headers()).containsEntry("X-Echo-Path", "/store/42").containsEntry("Content-Type", "application/json");
    assertThat(response.multiValueHeaders()).containsEntry("X-Echo-Path", List.of("/store/42"));
    assertThat(response.latency()).isNotNull().isGreaterThanOrEqualTo(0L);
    assertThat(response.log())
        .startsWith("Execution log for request ")
        .contains(" : Starting execution for request: ")
        .contains("HTTP Method: POST, Resource Path: /items/42")
        .contains("Method request path: {id=42}")
        .contains("Method request query string: {q=find}")
        .contains("Method request body before transformations: {\"name\":\"Ada\"}")
        .contains("Endpoint request URI: " + backend.url() + "/store/42?q=find")
        .contains("User-Agent=AmazonAPIGateway_" + api.id)
        .contains("Endpoint request body after transformations: {\"name\":\"Ada\",\"ip\":\"test-invoke-source-ip\"}")
        .contains("Received response. Status: 200, Integration latency: ")
        .contains("Method response headers: {")
        .contains("Successfully completed execution")
        .contains("Method completed with status: 200");
  }

  @Test
  void aMockNeedsNoBackendAndSeesTheTestStage() {
    TestInvokeMethodResponse response = api.aws.testInvokeMethod(r -> r.restApiId(api.id).resourceId(mock).httpMethod("GET"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"stage\":\"test-invoke-stage\"}");
  }

  @Test
  void aFailingTemplateIsA500WithTheReasonInTheLog() {
    TestInvokeMethodResponse response = api.aws.testInvokeMethod(r -> r.restApiId(api.id).resourceId(broken).httpMethod("GET")
        .pathWithQueryString("/broken"));
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(response.log()).contains("Execution failed due to configuration error").contains("1000 iterations")
        .contains("Method completed with status: 500");
  }

  @Test
  void anUnknownMethodIsNotFound() {
    assertThatThrownBy(() -> api.aws.testInvokeMethod(r -> r.restApiId(api.id).resourceId(mock).httpMethod("DELETE")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Method identifier specified");
  }
}
