package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** AWS (non-proxy) Lambda integrations: payload from the request, integration responses selected on errorMessage. */
class LambdaTrafficE2eTest {
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));

  static final String URI_PREFIX = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/";
  static final String CALC = "arn:aws:lambda:us-east-1:000000000000:function:calc";
  static final HttpClient http = HttpClient.newHttpClient();
  static String apiId;

  @BeforeAll
  static void buildApi() {
    lambda.register("calc", inv -> {
      String op = inv.json().getString("op", "");
      return Future.succeededFuture(switch (op) {
        case "fail" -> Reply.functionError("ValidationError", "Invalid input: op");
        case "crash" -> Reply.functionError("RuntimeException", "boom");
        case "other" -> Reply.functionError("RuntimeException", "something else");
        // A success whose document looks like an error: still never matched against a pattern.
        case "lookalike" -> Reply.ok(new JsonObject().put("errorMessage", "boom"));
        default -> Reply.ok(new JsonObject().put("result", 42).put("received", inv.json()));
      });
    });
    lambda.register("sleepy", inv -> lambda.later(3_000, Reply.ok("{}")));

    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("lambda-custom"));
    apiId = api.id();
    String calc = LambdaProxyTrafficE2eTest.resource(aws, apiId, api.rootResourceId(), "calc");
    aws.putMethod(r -> r.restApiId(apiId).resourceId(calc).httpMethod("POST").authorizationType("NONE"));
    for (String status : new String[] {"200", "400", "500"}) {
      aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(calc).httpMethod("POST").statusCode(status));
    }
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(calc).httpMethod("POST").type(IntegrationType.AWS)
        .integrationHttpMethod("POST").uri(URI_PREFIX + CALC + "/invocations")
        .requestTemplates(Map.of("application/xml",
            "{\"op\":\"from-template\",\"stage\":\"$context.stage\",\"q\":\"$input.params('q')\",\"fn\":\"$stageVariables.fn\"}")));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(calc).httpMethod("POST").statusCode("200"));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(calc).httpMethod("POST").statusCode("400")
        .selectionPattern("Invalid input.*"));
    // 999 is outside 100-599: AWS ignores the override and keeps 500.
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(calc).httpMethod("POST").statusCode("500")
        .selectionPattern("boom").responseTemplates(Map.of("application/json",
            "#set($context.responseOverride.status = 999){\"error\":\"$input.path('$.errorMessage')\",\"type\":\"$input.path('$.errorType')\"}")));

    String slow = LambdaProxyTrafficE2eTest.resource(aws, apiId, api.rootResourceId(), "slow");
    aws.putMethod(r -> r.restApiId(apiId).resourceId(slow).httpMethod("GET").authorizationType("NONE"));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(slow).httpMethod("GET").statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(slow).httpMethod("GET").type(IntegrationType.AWS)
        .integrationHttpMethod("POST").timeoutInMillis(200)
        .uri(URI_PREFIX + "arn:aws:lambda:us-east-1:000000000000:function:sleepy/invocations"));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(slow).httpMethod("GET").statusCode("200"));

    String strict = LambdaProxyTrafficE2eTest.resource(aws, apiId, api.rootResourceId(), "strict");
    aws.putMethod(r -> r.restApiId(apiId).resourceId(strict).httpMethod("POST").authorizationType("NONE"));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(strict).httpMethod("POST").statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(strict).httpMethod("POST").type(IntegrationType.AWS)
        .integrationHttpMethod("POST").uri(URI_PREFIX + CALC + "/invocations").passthroughBehavior("WHEN_NO_TEMPLATES")
        .requestTemplates(Map.of("application/xml", "{\"op\":\"from-template\"}")));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(strict).httpMethod("POST").statusCode("200"));

    String teapot = LambdaProxyTrafficE2eTest.resource(aws, apiId, api.rootResourceId(), "teapot");
    aws.putMethod(r -> r.restApiId(apiId).resourceId(teapot).httpMethod("POST").authorizationType("NONE"));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(teapot).httpMethod("POST").statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(teapot).httpMethod("POST").type(IntegrationType.AWS)
        .integrationHttpMethod("POST").uri(URI_PREFIX + CALC + "/invocations"));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(teapot).httpMethod("POST").statusCode("200")
        .responseTemplates(Map.of("application/json",
            "#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-Result = $input.path('$.result')){\"answer\":$input.json('$.result')}")));

    // Authorization is Lambda's signature: a template may not set it (an HTTP backend could receive it).
    String guarded = LambdaProxyTrafficE2eTest.resource(aws, apiId, api.rootResourceId(), "guarded");
    aws.putMethod(r -> r.restApiId(apiId).resourceId(guarded).httpMethod("POST").authorizationType("NONE"));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(guarded).httpMethod("POST").statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(guarded).httpMethod("POST").type(IntegrationType.AWS)
        .integrationHttpMethod("POST").uri(URI_PREFIX + CALC + "/invocations").requestTemplates(Map.of("application/json",
            "#set($context.requestOverride.header.Authorization = 'Bearer mine'){\"op\":\"guarded\"}")));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(guarded).httpMethod("POST").statusCode("200"));

    // AWS's asynchronous invocation: the Invoke API's own header, mapped; a template may override it.
    String async = LambdaProxyTrafficE2eTest.resource(aws, apiId, api.rootResourceId(), "async");
    aws.putMethod(r -> r.restApiId(apiId).resourceId(async).httpMethod("POST").authorizationType("NONE"));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(async).httpMethod("POST").statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(async).httpMethod("POST").type(IntegrationType.AWS)
        .integrationHttpMethod("POST").uri(URI_PREFIX + CALC + "/invocations")
        .requestParameters(Map.of("integration.request.header.X-Amz-Invocation-Type", "'Event'",
            "integration.request.header.X-Amz-Log-Type", "method.request.header.X-Log")));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(async).httpMethod("POST").statusCode("200")
        .responseTemplates(Map.of("application/json", "{\"accepted\":true}")));

    aws.createDeployment(r -> r.restApiId(apiId).stageName("test").variables(Map.of("fn", "calc")));
    Fixtures.awaitServing(server.pathStyle(apiId, "test", "/strict"), "POST");
  }

  @AfterEach
  void everyCallWasSigned() {
    assertThat(lambda.rejectedSignatures()).isEmpty();
  }

  @Test
  void aSuccessTakesTheDefaultResponseWithThePayloadAsBody() throws Exception {
    HttpResponse<String> response = post("{\"op\":\"add\"}", "application/json");
    assertThat(response.statusCode()).as(response.body() + response.headers().map()).isEqualTo(200);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("result", 42)
        .put("received", new JsonObject().put("op", "add")));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void aSuccessNeverMatchesASelectionPattern() throws Exception {
    HttpResponse<String> response = post("{\"op\":\"lookalike\"}", "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"errorMessage\":\"boom\"}");
  }

  @Test
  void aFunctionErrorIsSelectedByItsErrorMessageWithTheErrorDocumentAsBody() throws Exception {
    HttpResponse<String> invalid = post("{\"op\":\"fail\"}", "application/json");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(invalid.body()).getString("errorMessage")).isEqualTo("Invalid input: op");
    assertThat(new JsonObject(invalid.body()).getString("errorType")).isEqualTo("ValidationError");

    HttpResponse<String> crash = post("{\"op\":\"crash\"}", "application/json");
    assertThat(crash.statusCode()).isEqualTo(500);
    assertThat(crash.body()).isEqualTo("{\"error\":\"boom\",\"type\":\"RuntimeException\"}");

    HttpResponse<String> unmatched = post("{\"op\":\"other\"}", "application/json");
    assertThat(unmatched.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(unmatched.body()).getString("errorMessage")).isEqualTo("something else");
  }

  @Test
  void theRequestTemplateForTheContentTypeIsThePayloadAndPassthroughFollowsTheBehaviour() throws Exception {
    HttpResponse<String> templated = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/calc?q=xyz"))
        .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<op>ignored</op>")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(new JsonObject(templated.body()).getJsonObject("received")).isEqualTo(new JsonObject()
        .put("op", "from-template").put("stage", "test").put("q", "xyz").put("fn", "calc"));

    // WHEN_NO_MATCH (the default) passes an unmatched body through.
    HttpResponse<String> passed = post("{\"op\":\"raw\"}", "text/plain");
    assertThat(new JsonObject(passed.body()).getJsonObject("received")).isEqualTo(new JsonObject().put("op", "raw"));

    // WHEN_NO_TEMPLATES with templates defined: an unmatched Content-Type is refused.
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/strict"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
  }

  @Test
  void aResponseTemplateMapsThePayloadAndOverridesStatusAndHeaders() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/teapot"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"op\":\"add\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(418);
    assertThat(response.headers().firstValue("X-Result")).hasValue("42");
    assertThat(response.body()).isEqualTo("{\"answer\":42}");
  }

  @Test
  void aSlowFunctionTimesOut() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/slow")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(504);
  }

  @Test
  void aTemplateThatSetsTheAuthorizationOfALambdaCallFailsWithoutCallingIt() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/guarded"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(lambda.invocations("calc")).noneMatch(call -> "guarded".equals(call.json().getString("op")));
  }

  @Test
  void aMappedInvocationTypeOfEventInvokesAsynchronously() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/async"))
        .header("Content-Type", "application/json").header("X-Log", "None")
        .POST(HttpRequest.BodyPublishers.ofString("{\"op\":\"later\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"accepted\":true}");
    var call = lambda.invocations("calc").stream().filter(c -> "later".equals(c.json().getString("op"))).findFirst().orElseThrow();
    assertThat(call.headers().get("X-Amz-Invocation-Type")).isEqualTo("Event");
    assertThat(call.headers().get("X-Amz-Log-Type")).isEqualTo("None");
  }

  private static HttpResponse<String> post(String body, String contentType) throws Exception {
    return http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/calc")).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
