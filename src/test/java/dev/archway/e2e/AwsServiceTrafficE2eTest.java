package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.SignedAwsService;
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

/** AWS service integrations (path and action URIs) against a real, signature-checking stand-in for the services. */
class AwsServiceTrafficE2eTest {
  @RegisterExtension @Order(1) static final SignedAwsService services = new SignedAwsService();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer(s -> s.withEndpoints(new Endpoints(null, Map.of(),
      Map.of("sqs", URI.create(services.url()), "dynamodb", URI.create(services.url() + "/")))));

  static final HttpClient http = HttpClient.newHttpClient();
  static String apiId;

  @BeforeAll
  static void buildApi() {
    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("aws-services"));
    apiId = api.id();
    String root = api.rootResourceId();

    String queue = LambdaProxyTrafficE2eTest.resource(aws, apiId, root, "queue");
    integrate(aws, queue, "POST", "POST", "arn:aws:apigateway:us-east-1:sqs:path/000000000000/my-queue",
        Map.of("integration.request.header.Content-Type", "'application/x-www-form-urlencoded'"),
        Map.of("application/json", "Action=SendMessage&MessageBody=$util.urlEncode($input.path('$.message'))"));

    String list = LambdaProxyTrafficE2eTest.resource(aws, apiId, root, "list");
    integrate(aws, list, "GET", "GET", "arn:aws:apigateway:eu-west-1:sqs:action/ListQueues&QueueNamePrefix=a",
        Map.of("integration.request.querystring.MaxResults", "method.request.querystring.max"), Map.of());

    String item = LambdaProxyTrafficE2eTest.resource(aws, apiId, LambdaProxyTrafficE2eTest.resource(aws, apiId, root, "item"), "{id}");
    integrate(aws, item, "GET", "POST", "arn:aws:apigateway:us-east-1:dynamodb:action/GetItem", Map.of(), Map.of());

    String staged = LambdaProxyTrafficE2eTest.resource(aws, apiId, root, "staged");
    integrate(aws, staged, "GET", "GET", "arn:aws:apigateway:us-east-1:sqs:path/${stageVariables.account}/{name}",
        Map.of("integration.request.path.name", "method.request.querystring.name"), Map.of());

    String fails = LambdaProxyTrafficE2eTest.resource(aws, apiId, root, "fails");
    integrate(aws, fails, "GET", "GET", "arn:aws:apigateway:us-east-1:sqs:path/fail", Map.of(), Map.of());
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(fails).httpMethod("GET").statusCode("400"));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(fails).httpMethod("GET").statusCode("400")
        .selectionPattern("4\\d\\d"));

    String nowhere = LambdaProxyTrafficE2eTest.resource(aws, apiId, root, "nowhere");
    integrate(aws, nowhere, "GET", "POST", "arn:aws:apigateway:us-east-1:sns:action/Publish", Map.of(), Map.of());

    aws.createDeployment(r -> r.restApiId(apiId).stageName("test").variables(Map.of("account", "123456789012")));
    Fixtures.awaitServing(server.pathStyle(apiId, "test", "/nowhere"), "GET");
  }

  @AfterEach
  void everyCallWasSigned() {
    assertThat(services.rejectedSignatures()).isEmpty();
  }

  @Test
  void aPathUriSendsTheVtlRenderedBodyToThatPathSignedForTheServiceAndRegion() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/queue"))
        .header("Content-Type", "application/json").header("X-Client", "not forwarded")
        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi there\"}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject seen = new JsonObject(response.body());
    assertThat(seen.getString("scope")).endsWith("/us-east-1/sqs");
    assertThat(seen.getString("method")).isEqualTo("POST");
    assertThat(seen.getString("path")).isEqualTo("/000000000000/my-queue");
    assertThat(seen.getString("contentType")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(seen.getString("body")).isEqualTo("Action=SendMessage&MessageBody=hi+there");
    assertThat(services.calls().get(services.calls().size() - 1).headers()).doesNotContainKey("x-client");
  }

  @Test
  void anActionUriSendsTheActionAndItsParametersAsQuery() throws Exception {
    JsonObject seen = new JsonObject(get("/list?max=5").body());
    assertThat(seen.getString("scope")).endsWith("/eu-west-1/sqs");
    assertThat(seen.getString("method")).isEqualTo("GET");
    assertThat(seen.getString("path")).isEqualTo("/");
    assertThat(seen.getString("query")).isEqualTo("Action=ListQueues&QueueNamePrefix=a&MaxResults=5");
  }

  @Test
  void jsonProtocolActionsCarryTheirAmzTarget() throws Exception {
    JsonObject seen = new JsonObject(get("/item/7").body());
    assertThat(seen.getString("target")).isEqualTo("DynamoDB_20120810.GetItem");
    assertThat(seen.getString("scope")).endsWith("/us-east-1/dynamodb");
  }

  @Test
  void pathsTakeStageVariablesAndMappedPathParameters() throws Exception {
    JsonObject seen = new JsonObject(get("/staged?name=orders%20queue").body());
    assertThat(seen.getString("path")).isEqualTo("/123456789012/orders%20queue");
  }

  @Test
  void serviceErrorsGoThroughIntegrationResponsesAndAMissingEndpointIs500() throws Exception {
    HttpResponse<String> failed = get("/fails");
    assertThat(failed.statusCode()).isEqualTo(400);
    assertThat(failed.body()).contains("InvalidParameterValue");

    HttpResponse<String> nowhere = get("/nowhere");
    assertThat(nowhere.statusCode()).isEqualTo(500);
    assertThat(nowhere.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void integrate(ApiGatewayClient aws, String resource, String method, String integrationMethod, String uri,
      Map<String, String> parameters, Map<String, String> templates) {
    aws.putMethod(r -> r.restApiId(apiId).resourceId(resource).httpMethod(method).authorizationType("NONE"));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(resource).httpMethod(method).statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(resource).httpMethod(method).type(IntegrationType.AWS)
        .integrationHttpMethod(integrationMethod).uri(uri).requestParameters(parameters).requestTemplates(templates));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(resource).httpMethod(method).statusCode("200").selectionPattern(""));
  }
}
