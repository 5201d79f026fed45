package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.HostStyleClient.Response;
import dev.archway.testing.V2Clients;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Cors;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * CORS on HTTP APIs: preflight answered by the gateway without an OPTIONS route, origins matched
 * as configured, and the backend's own (allow-all) CORS headers replaced.
 */
class HttpApiCorsE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static Vertx vertx;
  static HttpServer permissiveBackend;
  static HostStyleClient client;
  static String apiId;

  @BeforeAll
  static void buildApi() throws Exception {
    vertx = Vertx.vertx();
    // A backend that allows everything: the gateway must not let that through.
    permissiveBackend = vertx.createHttpServer().requestHandler(r -> r.response()
            .putHeader("Access-Control-Allow-Origin", "*").putHeader("Access-Control-Allow-Credentials", "true")
            .putHeader("Access-Control-Allow-Methods", "*").end("hello"))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client = new HostStyleClient(server.port());
    ApiGatewayV2Client v2 = V2Clients.of(server);
    apiId = v2.createApi(r -> r.name("cors").protocolType(ProtocolType.HTTP).corsConfiguration(Cors.builder()
        .allowOrigins("https://app.example.com", "http://*").allowMethods("GET", "POST")
        .allowHeaders("content-type", "x-api-token").exposeHeaders("x-total").maxAge(600).allowCredentials(true).build())).apiId();
    String integration = v2.createIntegration(r -> r.apiId(apiId).integrationType(IntegrationType.HTTP_PROXY)
        .integrationMethod("GET").integrationUri("http://127.0.0.1:" + permissiveBackend.actualPort() + "/")
        .payloadFormatVersion("1.0")).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /items").target("integrations/" + integration));
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true));
  }

  @AfterAll
  static void close() throws Exception {
    client.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static Response preflight(String origin, String method) {
    return client.send("OPTIONS", apiId, "/items", Map.of("Origin", origin, "Access-Control-Request-Method", method,
        "Access-Control-Request-Headers", "content-type"), null);
  }

  @Test
  void preflightIsAnsweredWithoutAnOptionsRoute() {
    Response response = preflight("https://app.example.com", "POST");
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET,POST");
    assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("content-type,x-api-token");
    assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(response.header("apigw-requestid")).isNotBlank();
  }

  @Test
  void preflightForAnOriginOrMethodNotAllowedGetsNoCorsHeaders() {
    for (Response response : new Response[] {preflight("https://evil.example.net", "GET"),
        preflight("https://app.example.com", "DELETE"), preflight("null", "GET")}) {
      assertThat(response.status()).isEqualTo(204);
      assertThat(response.headers().names()).noneMatch(n -> n.toLowerCase().startsWith("access-control-"));
    }
    Response scheme = preflight("http://localhost:3000", "GET");
    assertThat(scheme.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
  }

  @Test
  void anOptionsRequestThatIsNoPreflightIsNotFound() {
    Response response = client.send("OPTIONS", apiId, "/items", Map.of("Origin", "https://app.example.com"), null);
    assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void theBackendsCorsHeadersAreReplacedByTheConfiguredOnes() {
    Response allowed = client.send("GET", apiId, "/items", Map.of("Origin", "https://app.example.com"), null);
    assertThat(allowed.body()).isEqualTo("hello");
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(allowed.header("Access-Control-Expose-Headers")).isEqualTo("x-total");
    assertThat(allowed.header("Access-Control-Allow-Methods")).isNull();

    Response foreign = client.send("GET", apiId, "/items", Map.of("Origin", "https://evil.example.net"), null);
    assertThat(foreign.body()).isEqualTo("hello");
    assertThat(foreign.headers().names()).noneMatch(n -> n.toLowerCase().startsWith("access-control-"));
    Response noOrigin = client.get(apiId, "/items");
    assertThat(noOrigin.headers().names()).noneMatch(n -> n.toLowerCase().startsWith("access-control-"));
  }
}
