package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.HostStyleClient.Response;
import dev.archway.testing.V2Clients;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * HTTP API stage and route selection, built with the AWS SDK and called with real HTTP clients:
 * the AWS developer guide's routing example, ANY against explicit methods, the $default route,
 * the $default stage without a prefix, and {"message":"Not Found"}.
 */
class HttpApiRoutingE2eTest {
  @RegisterExtension static final EchoBackend echo = new EchoBackend();
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static HostStyleClient client;
  static String apiId;
  static String bareApiId;

  @BeforeAll
  static void buildApis() {
    client = new HostStyleClient(server.port());
    ApiGatewayV2Client v2 = V2Clients.of(server);
    apiId = v2.createApi(r -> r.name("routing").protocolType(ProtocolType.HTTP)).apiId();
    route(v2, apiId, "GET /pets/dog/1", "/r1/${stageVariables.tag}");
    route(v2, apiId, "GET /pets/dog/{id}", "/r2/{id}");
    route(v2, apiId, "GET /pets/{proxy+}", "/r3/{proxy}");
    route(v2, apiId, "ANY /{proxy+}", "/r4");
    route(v2, apiId, "ANY /things", "/any-things");
    route(v2, apiId, "GET /things", "/get-things");
    route(v2, apiId, "GET /", "/root");
    route(v2, apiId, "$default", "/default");
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true).stageVariables(Map.of("tag", "default")));
    String deployment = v2.createDeployment(r -> r.apiId(apiId)).deploymentId();
    v2.createStage(r -> r.apiId(apiId).stageName("prod").deploymentId(deployment).stageVariables(Map.of("tag", "prod")));

    bareApiId = v2.createApi(r -> r.name("no-default").protocolType(ProtocolType.HTTP)).apiId();
    route(v2, bareApiId, "GET /only", "/only");
    String bareDeployment = v2.createDeployment(r -> r.apiId(bareApiId)).deploymentId();
    v2.createStage(r -> r.apiId(bareApiId).stageName("dev").deploymentId(bareDeployment));
  }

  @AfterAll
  static void closeClient() throws Exception {
    client.close();
  }

  static void route(ApiGatewayV2Client v2, String api, String routeKey, String backendPath) {
    String integration = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP_PROXY)
        .integrationMethod("ANY").integrationUri(echo.url() + backendPath).payloadFormatVersion("1.0")).integrationId();
    v2.createRoute(r -> r.apiId(api).routeKey(routeKey).target("integrations/" + integration));
  }

  static String backendPath(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getString("path");
  }

  @Test
  void theMostSpecificRouteWinsAsInTheDeveloperGuide() {
    assertThat(backendPath(client.get(apiId, "/pets/dog/1"))).isEqualTo("/r1/default");
    assertThat(backendPath(client.get(apiId, "/pets/dog/2"))).isEqualTo("/r2/2");
    assertThat(backendPath(client.get(apiId, "/pets/cat/1"))).isEqualTo("/r3/cat/1");
    assertThat(backendPath(client.get(apiId, "/test/5"))).isEqualTo("/r4");
    // No GET route for POST: the greedy ANY catches it before the $default route.
    assertThat(backendPath(client.send("POST", apiId, "/pets/dog/1", Map.of(), "{}"))).isEqualTo("/r4");
  }

  @Test
  void anExplicitMethodBeatsAnyAndAnyTakesTheRest() {
    assertThat(backendPath(client.get(apiId, "/things"))).isEqualTo("/get-things");
    assertThat(backendPath(client.send("DELETE", apiId, "/things", Map.of(), null))).isEqualTo("/any-things");
  }

  @Test
  void pathVariablesArriveDecoded() {
    assertThat(backendPath(client.get(apiId, "/pets/dog/a%20b"))).isEqualTo("/r2/a%20b");
  }

  @Test
  void theDefaultRouteGetsWhatNoRouteMatchesWithTheFullPath() {
    // "/" has GET only, and a greedy route never matches its parent path.
    assertThat(backendPath(client.send("POST", apiId, "/", Map.of(), "x"))).isEqualTo("/default/");
    assertThat(backendPath(client.get(apiId, "/"))).isEqualTo("/root");
  }

  @Test
  void aStagePrefixSelectsThatStageAndAnythingElseGoesToTheDefaultStage() {
    assertThat(backendPath(client.get(apiId, "/prod/pets/dog/1"))).isEqualTo("/r1/prod");
    assertThat(backendPath(client.get(apiId, "/pets/dog/1"))).isEqualTo("/r1/default");
    // "production" names no stage: the $default stage serves the whole path.
    assertThat(backendPath(client.get(apiId, "/production/x"))).isEqualTo("/r4");
  }

  @Test
  void thePathStyleNamesTheStageIncludingDefault() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> prod = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "prod", "/pets/dog/1")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(new JsonObject(prod.body()).getString("path")).isEqualTo("/r1/prod");
    HttpResponse<String> byDefault = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/restapis/" + apiId + "/$default/_user_request_/pets/dog/1")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(new JsonObject(byDefault.body()).getString("path")).isEqualTo("/r1/default");
  }

  @Test
  void noRouteAndNoDefaultRouteIsNotFound() {
    assertThat(backendPath(client.get(bareApiId, "/dev/only"))).isEqualTo("/only");
    Response unknownRoute = client.get(bareApiId, "/dev/other");
    assertThat(unknownRoute.status()).isEqualTo(404);
    assertThat(unknownRoute.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(unknownRoute.header("Content-Type")).isEqualTo("application/json");
    assertThat(unknownRoute.header("apigw-requestid")).isNotBlank();
    assertThat(unknownRoute.header("x-amzn-ErrorType")).isNull();
    // No $default stage: a path without a known stage prefix matches no stage.
    Response noStage = client.get(bareApiId, "/only");
    assertThat(noStage.status()).isEqualTo(404);
    assertThat(noStage.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(client.send("POST", bareApiId, "/dev/only", Map.of(), "x").status()).isEqualTo(404);
  }
}
