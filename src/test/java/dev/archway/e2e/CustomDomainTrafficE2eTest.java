package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import dev.archway.testing.V2Clients;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * Requests whose Host is a custom domain name go where its mappings say: the longest base path
 * wins (multi-level ones included), the base path is stripped for routing, and {@code $context}
 * and Lambda events say what AWS says for a custom domain.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class CustomDomainTrafficE2eTest {
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String CONTEXT = "{\"api\": \"%s\", \"path\": \"$context.path\", \"stage\": \"$context.stage\","
      + " \"resourcePath\": \"$context.resourcePath\", \"domainName\": \"$context.domainName\","
      + " \"domainPrefix\": \"$context.domainPrefix\"}";
  private static ApiGatewayClient aws;
  private static ApiGatewayV2Client v2;
  private static String root;

  @BeforeAll
  static void domains() {
    aws = server.client();
    v2 = V2Clients.of(server);
    lambda.register("echo", inv -> Future.succeededFuture(Reply.ok(new JsonObject()
        .put("statusCode", 200).put("body", inv.payload().toString()))));
    root = restApi("root");
    String orders = restApi("orders");
    String ordersV1 = restApi("orders-v1");

    aws.createDomainName(r -> r.domainName("api.example.com"));
    aws.createBasePathMapping(r -> r.domainName("api.example.com").restApiId(root).stage("prod"));
    aws.createBasePathMapping(r -> r.domainName("api.example.com").restApiId(orders).stage("prod").basePath("orders"));
    aws.createBasePathMapping(r -> r.domainName("api.example.com").restApiId(ordersV1).stage("prod").basePath("orders/v1"));
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  /** A REST API whose GET /hello answers its name and {@code $context}, and whose GET /event is a Lambda proxy. */
  private static String restApi(String name) {
    String apiId = Fixtures.mockApi(aws, name, CONTEXT.formatted(name));
    String rootId = aws.getResources(r -> r.restApiId(apiId)).items().stream().filter(r -> r.path().equals("/"))
        .findFirst().orElseThrow().id();
    String event = aws.createResource(r -> r.restApiId(apiId).parentId(rootId).pathPart("event")).id();
    aws.putMethod(r -> r.restApiId(apiId).resourceId(event).httpMethod("GET").authorizationType("NONE"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(event).httpMethod("GET").type(IntegrationType.AWS_PROXY)
        .integrationHttpMethod("POST").uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:000000000000:function:echo/invocations"));
    aws.createDeployment(r -> r.restApiId(apiId).stageName("prod"));
    return apiId;
  }

  @Test
  void a_theLongestBasePathWinsAndIsStrippedForRouting() {
    String host = "api.example.com:" + server.port();
    JsonObject orders = json(send(host, "/orders/v1/hello"));
    assertThat(orders.getString("api")).isEqualTo("orders-v1");
    assertThat(orders.getString("path")).isEqualTo("/orders/v1/hello");
    assertThat(orders.getString("stage")).isEqualTo("prod");
    assertThat(orders.getString("resourcePath")).isEqualTo("/hello");
    assertThat(orders.getString("domainName")).isEqualTo(host);
    assertThat(orders.getString("domainPrefix")).isEqualTo("api");

    assertThat(json(send(host, "/orders/hello")).getString("api")).isEqualTo("orders");
    assertThat(json(send("API.Example.com", "/hello")).getString("api")).isEqualTo("root");
    // Whole segments only: /orders/v1x is the root mapping's path, which has no such resource.
    HttpResponse<String> unknown = send(host, "/orders/v1x/hello");
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(unknown.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }

  @Test
  void b_aLambdaProxyEventCarriesThePathAsSent() {
    JsonObject event = json(send("api.example.com", "/orders/v1/event?q=1"));
    assertThat(event.getString("path")).isEqualTo("/orders/v1/event");
    assertThat(event.getString("resource")).isEqualTo("/event");
    assertThat(event.getJsonObject("requestContext").getString("path")).isEqualTo("/orders/v1/event");
    assertThat(event.getJsonObject("requestContext").getString("domainPrefix")).isEqualTo("api");
    assertThat(event.getJsonObject("requestContext").getString("stage")).isEqualTo("prod");
  }

  @Test
  void c_aPathNoMappingTakesIsForbidden() {
    aws.createDomainName(r -> r.domainName("narrow.example.com"));
    aws.createBasePathMapping(r -> r.domainName("narrow.example.com").restApiId(root).stage("prod").basePath("only"));
    assertThat(json(send("narrow.example.com", "/only/hello")).getString("api")).isEqualTo("root");
    HttpResponse<String> other = send("narrow.example.com", "/other/hello");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(other.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
  }

  @Test
  void d_wildcardNamesAndMappingsWithoutAStage() {
    aws.createDomainName(r -> r.domainName("*.tenants.example.com"));
    aws.createBasePathMapping(r -> r.domainName("*.tenants.example.com").restApiId(root));
    JsonObject named = json(send("acme.tenants.example.com", "/prod/hello"));
    assertThat(named.getString("api")).isEqualTo("root");
    assertThat(named.getString("path")).isEqualTo("/prod/hello");
    assertThat(named.getString("domainPrefix")).isEqualTo("acme");
    assertThat(send("acme.tenants.example.com", "/nostage/hello").statusCode()).isEqualTo(403);
  }

  @Test
  void e_httpApisThroughApiMappingsSeeTheirRawPathWithoutTheKey() {
    String apiId = v2.createApi(r -> r.name("pets").protocolType(ProtocolType.HTTP)
        .target("arn:aws:lambda:us-east-1:000000000000:function:echo")).apiId();
    v2.createDomainName(r -> r.domainName("http.example.com"));
    v2.createApiMapping(r -> r.domainName("http.example.com").apiId(apiId).stage("$default").apiMappingKey("pets-api"));

    JsonObject event = json(send("http.example.com", "/pets-api/cats/1?x=y"));
    assertThat(event.getString("rawPath")).isEqualTo("/cats/1");
    assertThat(event.getString("rawQueryString")).isEqualTo("x=y");
    assertThat(event.getJsonObject("requestContext").getString("domainName")).isEqualTo("http.example.com");
    assertThat(event.getJsonObject("requestContext").getString("domainPrefix")).isEqualTo("http");
    // Removing the mapping stops routing at once: the write is answered once it is served.
    v2.deleteApiMapping(r -> r.domainName("http.example.com").apiMappingId(
        v2.getApiMappings(m -> m.domainName("http.example.com")).items().get(0).apiMappingId()));
    assertThat(send("http.example.com", "/pets-api/cats/1").statusCode()).isEqualTo(403);
  }

  static HttpResponse<String> send(String host, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
          .header("Host", host).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }
}
