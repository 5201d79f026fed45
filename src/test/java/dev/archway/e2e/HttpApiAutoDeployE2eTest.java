package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.V2Clients;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** Auto-deploy stages serve route and integration changes within a second, without a restart; other stages keep their deployment. */
class HttpApiAutoDeployE2eTest {
  @RegisterExtension static final EchoBackend echo = new EchoBackend();
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static HostStyleClient client;
  static ApiGatewayV2Client v2;

  @BeforeAll
  static void start() {
    client = new HostStyleClient(server.port());
    v2 = V2Clients.of(server);
  }

  @AfterAll
  static void close() throws Exception {
    client.close();
  }

  static String integration(String apiId, String path) {
    return v2.createIntegration(r -> r.apiId(apiId).integrationType(IntegrationType.HTTP_PROXY)
        .integrationMethod("ANY").integrationUri(echo.url() + path).payloadFormatVersion("1.0")).integrationId();
  }

  @Test
  void aRouteChangeIsServedWithinASecond() {
    String apiId = v2.createApi(r -> r.name("auto").protocolType(ProtocolType.HTTP)).apiId();
    String first = integration(apiId, "/first");
    String routeId = v2.createRoute(r -> r.apiId(apiId).routeKey("GET /thing").target("integrations/" + first)).routeId();
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true));
    String fixed = v2.createDeployment(r -> r.apiId(apiId)).deploymentId();
    v2.createStage(r -> r.apiId(apiId).stageName("pinned").deploymentId(fixed));
    assertThat(new JsonObject(client.get(apiId, "/thing").body()).getString("path")).isEqualTo("/first");

    String second = integration(apiId, "/second");
    v2.updateRoute(r -> r.apiId(apiId).routeId(routeId).target("integrations/" + second));
    await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(new JsonObject(client.get(apiId, "/thing").body()).getString("path")).isEqualTo("/second"));
    assertThat(new JsonObject(client.get(apiId, "/pinned/thing").body()).getString("path")).isEqualTo("/first");

    v2.createRoute(r -> r.apiId(apiId).routeKey("POST /new").target("integrations/" + second));
    await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(client.send("POST", apiId, "/new", java.util.Map.of(), "x").status()).isEqualTo(200));
    assertThat(client.send("POST", apiId, "/pinned/new", java.util.Map.of(), "x").status()).isEqualTo(404);

    v2.deleteRoute(r -> r.apiId(apiId).routeId(routeId));
    await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(client.get(apiId, "/thing").status()).isEqualTo(404));
  }

  @Test
  void deletingTheApiStopsServingIt() {
    String apiId = v2.createApi(r -> r.name("gone").protocolType(ProtocolType.HTTP)).apiId();
    String target = integration(apiId, "/x");
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /x").target("integrations/" + target));
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true));
    assertThat(client.get(apiId, "/x").status()).isEqualTo(200);
    v2.deleteApi(r -> r.apiId(apiId));
    await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> {
      var response = client.get(apiId, "/x");
      // No HTTP API any more: the REST flow answers an unknown API.
      assertThat(response.status()).isEqualTo(403);
    });
  }
}
