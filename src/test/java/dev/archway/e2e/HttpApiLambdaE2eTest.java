package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.HostStyleClient.Response;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import dev.archway.testing.V2Clients;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * HTTP APIs with AWS_PROXY integrations, payload 1.0 and 2.0, calling a real signed Lambda Invoke
 * API. Events are read strictly into aws-lambda-java-events' own classes.
 */
class HttpApiLambdaE2eTest {
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));

  static final String FUNCTIONS = "arn:aws:lambda:us-east-1:000000000000:function:";
  static final ObjectMapper EVENTS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .addMixIn(APIGatewayProxyRequestEvent.RequestIdentity.class, IdentityExtras.class)
      .addMixIn(APIGatewayProxyRequestEvent.ProxyRequestContext.class, ContextExtras.class);

  /** Fields AWS sends that the library lacks (see LambdaProxyTrafficE2eTest). */
  @JsonIgnoreProperties({"deploymentId"})
  private abstract static class ContextExtras {}

  @JsonIgnoreProperties({"apiKeyId"})
  private abstract static class IdentityExtras {}

  static HostStyleClient client;
  static String apiId;

  @BeforeAll
  static void buildApi() {
    lambda.register("echo", inv -> Future.succeededFuture(Reply.ok(new JsonObject()
        .put("statusCode", 200).put("body", inv.payload().toString()))));
    lambda.register("plain", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("hello", "world"))));
    lambda.register("text", inv -> Future.succeededFuture(Reply.ok("\"Hello from Lambda!\"")));
    lambda.register("cookies", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", 201)
        .put("cookies", new JsonArray().add("a=1; Path=/").add("b=2"))
        .put("headers", new JsonObject().put("content-type", "text/plain").put("x-count", 3))
        .put("body", "created"))));
    lambda.register("binary", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", 200)
        .put("isBase64Encoded", true).put("headers", new JsonObject().put("content-type", "image/png"))
        .put("body", "iVBORw0="))));
    lambda.register("boom", inv -> Future.succeededFuture(Reply.functionError("IllegalStateException", "it broke")));
    lambda.register("malformed", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", "teapot"))));
    lambda.register("v1extra", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", 200).put("cookies", new JsonArray()))));

    client = new HostStyleClient(server.port());
    ApiGatewayV2Client v2 = V2Clients.of(server);
    apiId = v2.createApi(r -> r.name("lambda").protocolType(ProtocolType.HTTP)).apiId();
    route(v2, "GET /v2/{id}", "echo", "2.0");
    route(v2, "POST /v2/{id}", "echo", "2.0");
    route(v2, "GET /v1/{id}", "echo", "1.0");
    route(v2, "GET /plain", "plain", "2.0");
    route(v2, "GET /text", "text", "2.0");
    route(v2, "GET /cookies", "cookies", "2.0");
    route(v2, "GET /binary", "binary", "2.0");
    route(v2, "GET /boom", "boom", "2.0");
    route(v2, "GET /malformed", "malformed", "2.0");
    route(v2, "GET /v1extra", "v1extra", "1.0");
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true).stageVariables(Map.of("color", "blue")));
    String deployment = v2.createDeployment(r -> r.apiId(apiId)).deploymentId();
    v2.createStage(r -> r.apiId(apiId).stageName("beta").deploymentId(deployment));
  }

  static void route(ApiGatewayV2Client v2, String routeKey, String function, String payload) {
    String integration = v2.createIntegration(r -> r.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
        .integrationUri(FUNCTIONS + function).payloadFormatVersion(payload)).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey(routeKey).target("integrations/" + integration));
  }

  @AfterAll
  static void closeClient() throws Exception {
    client.close();
  }

  @AfterEach
  void everyCallWasSigned() {
    assertThat(lambda.rejectedSignatures()).isEmpty();
  }

  @Test
  void payload20EventJoinsRepeatsLowercasesHeadersAndCarriesCookiesAndTheRouteKey() throws Exception {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Multi", "one").add("X-Multi", "two")
        .add("Cookie", "session=abc; theme=dark").add("User-Agent", "tests/1.0");
    Response response = client.send("GET", apiId, "/v2/a%2Bb?x=1&x=2&y=c+d", headers, null);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    APIGatewayV2HTTPEvent event = EVENTS.readValue(response.body(), APIGatewayV2HTTPEvent.class);
    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRouteKey()).isEqualTo("GET /v2/{id}");
    assertThat(event.getRawPath()).isEqualTo("/v2/a%2Bb");
    assertThat(event.getRawQueryString()).isEqualTo("x=1&x=2&y=c+d");
    assertThat(event.getCookies()).containsExactly("session=abc", "theme=dark");
    assertThat(event.getHeaders()).containsEntry("x-multi", "one,two").containsEntry("user-agent", "tests/1.0")
        .doesNotContainKeys("X-Multi", "cookie");
    assertThat(event.getHeaders().get("x-amzn-trace-id")).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
    assertThat(event.getHeaders()).containsEntry("x-forwarded-for", "127.0.0.1")
        .containsEntry("x-forwarded-port", String.valueOf(server.port())).containsEntry("x-forwarded-proto", "http");
    assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("x", "1,2", "y", "c d"));
    assertThat(event.getPathParameters()).isEqualTo(Map.of("id", "a+b"));
    assertThat(event.getStageVariables()).isEqualTo(Map.of("color", "blue"));
    assertThat(event.getBody()).isNull();
    assertThat(event.getIsBase64Encoded()).isFalse();
    var context = event.getRequestContext();
    assertThat(context.getRouteKey()).isEqualTo("GET /v2/{id}");
    assertThat(context.getStage()).isEqualTo("$default");
    assertThat(context.getApiId()).isEqualTo(apiId);
    assertThat(context.getAccountId()).isEqualTo("000000000000");
    assertThat(context.getRequestId()).isEqualTo(response.header("apigw-requestid"));
    assertThat(context.getDomainName()).isEqualTo(apiId + ".execute-api.localhost:" + server.port());
    assertThat(context.getDomainPrefix()).isEqualTo(apiId);
    assertThat(context.getHttp().getMethod()).isEqualTo("GET");
    assertThat(context.getHttp().getPath()).isEqualTo("/v2/a%2Bb");
    assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(context.getHttp().getUserAgent()).isEqualTo("tests/1.0");
    assertThat(context.getTimeEpoch()).isPositive();
    assertThat(context.getAuthorizer()).isNull();
  }

  @Test
  void payload20OnANamedStageKeepsTheStageInRawPathAndBase64EncodesBinaryBodies() throws Exception {
    Response response = client.send("POST", apiId, "/beta/v2/7", Map.of("Content-Type", "application/octet-stream"), "\u0001bin");
    APIGatewayV2HTTPEvent event = EVENTS.readValue(response.body(), APIGatewayV2HTTPEvent.class);
    assertThat(event.getRawPath()).isEqualTo("/beta/v2/7");
    assertThat(event.getRequestContext().getStage()).isEqualTo("beta");
    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(event.getBody()).isEqualTo(java.util.Base64.getEncoder().encodeToString("\u0001bin".getBytes()));
    assertThat(event.getStageVariables()).isNull();

    Response json = client.send("POST", apiId, "/v2/7", Map.of("Content-Type", "application/json"), "{\"a\":1}");
    APIGatewayV2HTTPEvent jsonEvent = EVENTS.readValue(json.body(), APIGatewayV2HTTPEvent.class);
    assertThat(jsonEvent.getBody()).isEqualTo("{\"a\":1}");
    assertThat(jsonEvent.getIsBase64Encoded()).isFalse();
  }

  @Test
  void payload10EventIsTheProxyEventWithVersionAndTheHttpApiPath() throws Exception {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Multi", "one").add("X-Multi", "two");
    Response response = client.send("GET", apiId, "/beta/v1/9?x=1&x=2", headers, null);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    APIGatewayProxyRequestEvent event = EVENTS.readValue(response.body(), APIGatewayProxyRequestEvent.class);
    assertThat(event.getVersion()).isEqualTo("1.0");
    assertThat(event.getResource()).isEqualTo("/v1/{id}");
    assertThat(event.getPath()).isEqualTo("/beta/v1/9");
    assertThat(event.getHttpMethod()).isEqualTo("GET");
    assertThat(event.getMultiValueHeaders()).containsEntry("X-Multi", List.of("one", "two"));
    assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("x", "2"));
    assertThat(event.getMultiValueQueryStringParameters()).isEqualTo(Map.of("x", List.of("1", "2")));
    assertThat(event.getPathParameters()).isEqualTo(Map.of("id", "9"));
    assertThat(event.getRequestContext().getStage()).isEqualTo("beta");
    assertThat(event.getRequestContext().getPath()).isEqualTo("/beta/v1/9");
    assertThat(event.getRequestContext().getResourceId()).isNull();
    assertThat(event.getRequestContext().getResourcePath()).isEqualTo("/v1/{id}");
  }

  @Test
  void aResponseWithoutStatusCodeIsA200WithTheJsonAsBody() {
    Response plain = client.get(apiId, "/plain");
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.header("Content-Type")).isEqualTo("application/json");
    assertThat(new JsonObject(plain.body())).isEqualTo(new JsonObject().put("hello", "world"));
    Response text = client.get(apiId, "/text");
    assertThat(text.status()).isEqualTo(200);
    assertThat(text.body()).isEqualTo("Hello from Lambda!");
  }

  @Test
  void cookiesBecomeSetCookieHeadersAndBase64BodiesAreDecoded() {
    Response response = client.get(apiId, "/cookies");
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers().getAll("Set-Cookie")).containsExactly("a=1; Path=/", "b=2");
    assertThat(response.header("x-count")).isEqualTo("3");
    assertThat(response.header("Content-Type")).isEqualTo("text/plain");
    assertThat(response.body()).isEqualTo("created");
    Response binary = client.get(apiId, "/binary");
    assertThat(binary.header("Content-Type")).isEqualTo("image/png");
    assertThat(binary.body()).contains("PNG"); // 0x89 'P' 'N' 'G', decoded from base64
  }

  @Test
  void functionErrorsAndMalformedAnswersAre500() {
    for (String path : List.of("/boom", "/malformed", "/v1extra")) {
      Response response = client.get(apiId, path);
      assertThat(response.status()).as(path).isEqualTo(500);
      assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
  }
}
