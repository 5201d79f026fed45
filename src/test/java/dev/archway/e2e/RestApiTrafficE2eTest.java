package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** APIs built with the AWS SDK, deployed, and called with a real HTTP client against a real backend. */
class RestApiTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  @RegisterExtension static final EchoBackend backend = new EchoBackend();

  private static final HttpClient http = HttpClient.newHttpClient();
  private static String apiId;

  @BeforeAll
  static void buildApi() throws Exception {
    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("traffic"));
    apiId = api.id();
    String root = api.rootResourceId();

    String proxy = resource(aws, root, "{proxy+}");
    method(aws, proxy, "ANY", Map.of("method.request.path.proxy", true));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(proxy).httpMethod("ANY").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("ANY").uri(backend.url() + "/{proxy}")
        .requestParameters(Map.of("integration.request.path.proxy", "method.request.path.proxy")));

    String items = resource(aws, root, "items");
    String item = resource(aws, items, "{id}");
    method(aws, item, "GET", Map.of());
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(item).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("POST").uri(backend.url() + "/things/{id}?fixed=1"));

    String slow = resource(aws, root, "slow");
    method(aws, slow, "GET", Map.of());
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(slow).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("GET").uri(backend.url() + "/slow/3000").timeoutInMillis(200));

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String down = resource(aws, root, "down");
    method(aws, down, "GET", Map.of());
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(down).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("GET").uri("http://127.0.0.1:" + closedPort + "/"));

    String vars = resource(aws, root, "vars");
    method(aws, vars, "GET", Map.of());
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(vars).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("GET").uri("http://${stageVariables.backendHost}/from-${stageVariables.color}"));

    String mock = resource(aws, root, "mock");
    method(aws, mock, "GET", Map.of());
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(mock).httpMethod("GET").statusCode("200")
        .responseParameters(Map.of("method.response.header.X-Mock", false)));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(mock).httpMethod("GET").statusCode("418"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(mock).httpMethod("GET").type(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", "{\"statusCode\": 418}")));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(mock).httpMethod("GET").statusCode("200")
        .responseTemplates(Map.of("application/json", "{\"ok\":true}"))
        .responseParameters(Map.of("method.response.header.X-Mock", "'yes'")));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(mock).httpMethod("GET").statusCode("418")
        .selectionPattern("41\\d").responseTemplates(Map.of("application/json", "{\"teapot\":true}")));

    aws.createDeployment(r -> r.restApiId(apiId).stageName("test")
        .variables(Map.of("backendHost", "127.0.0.1:" + backend.port(), "color", "blue")));
  }

  @Test
  void httpProxyPassesMethodPathQueryHeadersAndBody() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/a/b%20c?x=1&x=2&y=z"))
        .header("X-Custom", "hello").header("Content-Type", "text/plain")
        .method("PUT", HttpRequest.BodyPublishers.ofString("payload")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject echo = new JsonObject(response.body());
    assertThat(echo.getString("method")).isEqualTo("PUT");
    assertThat(echo.getString("path")).isEqualTo("/a/b%20c");
    assertThat(echo.getString("query")).isEqualTo("x=1&x=2&y=z");
    assertThat(echo.getJsonObject("headers").getString("x-custom")).isEqualTo("hello");
    assertThat(echo.getJsonObject("headers").getString("host")).isEqualTo("127.0.0.1:" + backend.port());
    assertThat(echo.getString("body")).isEqualTo("payload");
    assertThat(response.headers().firstValue("X-Backend")).hasValue("yes");
    assertThat(response.headers().firstValue("x-amzn-Remapped-Server")).hasValue("echo");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
  }

  @Test
  void hostStyleUrlsServeTheSameStage() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/test/items/42?q=v"))
        .header("Host", apiId + ".execute-api.localhost").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject echo = new JsonObject(response.body());
    assertThat(echo.getString("method")).as("the integration's own method").isEqualTo("POST");
    assertThat(echo.getString("path")).isEqualTo("/things/42");
    assertThat(echo.getString("query")).isEqualTo("fixed=1&q=v");
  }

  @Test
  void backendStatusIsPassedThrough() throws Exception {
    HttpResponse<String> response = get("/status/404");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(response.body()).getString("path")).isEqualTo("/status/404");
  }

  @Test
  void stageVariablesInTheUri() throws Exception {
    HttpResponse<String> response = get("/vars");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getString("path")).isEqualTo("/from-blue");
  }

  @Test
  void timeoutAndUnreachableBackend() throws Exception {
    HttpResponse<String> slow = get("/slow");
    assertThat(slow.statusCode()).isEqualTo(504);
    assertThat(new JsonObject(slow.body()).getString("message")).isEqualTo("Endpoint request timed out");

    HttpResponse<String> down = get("/down");
    assertThat(down.statusCode()).isBetween(500, 504);
    assertThat(new JsonObject(down.body()).containsKey("message")).isTrue();
  }

  @Test
  void aBackendAnswerOverTwentyMegabytesIsNotBufferedAndFailsTheCall() throws Exception {
    assertThat(get("/big/1024").statusCode()).isEqualTo(200);
    HttpResponse<String> huge = get("/big/" + (20 * 1024 * 1024 + 1));
    assertThat(huge.statusCode()).isEqualTo(504);
    assertThat(new JsonObject(huge.body()).getString("message")).isEqualTo("Internal server error");
    assertThat(get("/big/1024").statusCode()).as("the gateway goes on serving").isEqualTo(200);
  }

  @Test
  void mockSelectsTheIntegrationResponseByPattern() throws Exception {
    HttpResponse<String> response = get("/mock");
    assertThat(response.statusCode()).isEqualTo(418);
    assertThat(response.body()).isEqualTo("{\"teapot\":true}");
  }

  @Test
  void unknownRoutesGet403MissingAuthenticationToken() throws Exception {
    for (URI uri : new URI[] {
        server.pathStyle(apiId, "nostage", "/mock"),
        server.pathStyle("noapi", "test", "/mock"),
        server.pathStyle(apiId, "test", "/"),
    }) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(uri.toString()).isEqualTo(403);
      assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    }
    // A method /mock lacks falls through to the greedy /{proxy+} sibling, as a router trying less specific resources does.
    HttpResponse<String> fallThrough = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/mock"))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(new JsonObject(fallThrough.body()).getString("path")).isEqualTo("/mock");
  }

  @Test
  void draftChangesAreInvisibleUntilDeployed() throws Exception {
    ApiGatewayClient aws = server.client();
    String mock = Fixtures.resourceId(aws, apiId, "/mock");
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(mock).httpMethod("GET").statusCode("418")
        .selectionPattern("41\\d").responseTemplates(Map.of("application/json", "{\"teapot\":\"draft\"}")));
    assertThat(get("/mock").body()).isEqualTo("{\"teapot\":true}");

    aws.createDeployment(r -> r.restApiId(apiId).stageName("next"));
    HttpResponse<String> next = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "next", "/mock")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(
        http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "next", "/mock")).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"teapot\":\"draft\"}"));
    assertThat(next.statusCode()).isIn(200, 403, 418);
    assertThat(get("/mock").body()).as("the other stage still serves its deployment").isEqualTo("{\"teapot\":true}");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String resource(ApiGatewayClient aws, String parent, String part) {
    return aws.createResource(r -> r.restApiId(apiId).parentId(parent).pathPart(part)).id();
  }

  private static void method(ApiGatewayClient aws, String resource, String httpMethod, Map<String, Boolean> params) {
    aws.putMethod(r -> r.restApiId(apiId).resourceId(resource).httpMethod(httpMethod).authorizationType("NONE")
        .requestParameters(params));
  }
}
