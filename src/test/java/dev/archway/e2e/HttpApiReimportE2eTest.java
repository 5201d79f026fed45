package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.HostStyleClient.Response;
import dev.archway.testing.V2Clients;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.ReimportApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/** ReimportApi overwrites an API's routes, integrations and authorizers; its auto-deploy stage serves the result. */
class HttpApiReimportE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();
  static ApiGatewayV2Client v2;
  static HostStyleClient client;

  static final String V2_DEFINITION = """
      openapi: 3.0.1
      info: {title: PetStore v2, version: '2.0'}
      paths:
        /animals/{id}:
          get:
            x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'ECHO/animals/{id}', payloadFormatVersion: '1.0'}
      """;

  @BeforeAll
  static void start() {
    v2 = V2Clients.of(server);
    client = new HostStyleClient(server.port());
  }

  @AfterAll
  static void close() throws Exception {
    client.close();
  }

  @Test
  void reimportReplacesRoutesAndTheAutoDeployStageFollows() {
    String apiId = v2.importApi(r -> r.body(OpenApiFixtures.definition("petstore-http.yaml", echo.url()))).apiId();
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true));
    v2.createStage(r -> r.apiId(apiId).stageName("pinned").deploymentId(v2.createDeployment(d -> d.apiId(apiId)).deploymentId()));
    assertThat(client.send("GET", apiId, "/pets", Map.of(), null).status()).isEqualTo(200);

    ReimportApiResponse reimported = v2.reimportApi(r -> r.apiId(apiId).body(V2_DEFINITION.replace("ECHO", echo.url())));

    assertThat(reimported.apiId()).isEqualTo(apiId);
    assertThat(reimported.name()).isEqualTo("PetStore v2");
    assertThat(reimported.version()).isEqualTo("2.0");
    assertThat(reimported.corsConfiguration()).isNull();
    assertThat(v2.getRoutes(r -> r.apiId(apiId)).items()).extracting(Route::routeKey).containsExactly("GET /animals/{id}");
    assertThat(v2.getIntegrations(r -> r.apiId(apiId)).items()).hasSize(1);
    assertThat(v2.getAuthorizers(r -> r.apiId(apiId)).items()).isEmpty();
    assertThat(v2.getApi(r -> r.apiId(apiId)).tags()).containsEntry("team", "pets");

    Response animal = client.send("GET", apiId, "/animals/9", Map.of(), null);
    assertThat(animal.status()).as(animal.body()).isEqualTo(200);
    assertThat(new JsonObject(animal.body()).getString("path")).isEqualTo("/animals/9");
    assertThat(client.send("GET", apiId, "/pets", Map.of(), null).status()).isEqualTo(404);
    // A stage without auto-deploy keeps serving its deployment.
    assertThat(client.send("GET", apiId, "/pinned/pets", Map.of(), null).status()).isEqualTo(200);
  }

  @Test
  void aFailedReimportChangesNothing() {
    String apiId = v2.importApi(r -> r.body(OpenApiFixtures.definition("petstore-http.yaml", echo.url()))).apiId();
    String broken = V2_DEFINITION.replace("ECHO", echo.url()) + """
          /dup/{a}:
            get: {}
          /dup/{b}:
            get: {}
        """;
    assertThatThrownBy(() -> v2.reimportApi(r -> r.apiId(apiId).body(broken)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("conflicts with route");
    assertThat(v2.getRoutes(r -> r.apiId(apiId)).items()).hasSize(5);
    assertThat(v2.getApi(r -> r.apiId(apiId)).name()).isEqualTo("PetStore");
  }

  @Test
  void reimportNeedsAnExistingHttpApi() {
    assertThatThrownBy(() -> v2.reimportApi(r -> r.apiId("nosuchapi0").body(V2_DEFINITION)))
        .isInstanceOf(NotFoundException.class);
    String ws = v2.createApi(r -> r.name("ws").protocolType(ProtocolType.WEBSOCKET).routeSelectionExpression("$request.body.action")).apiId();
    assertThatThrownBy(() -> v2.reimportApi(r -> r.apiId(ws).body(V2_DEFINITION)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("only for HTTP APIs");
  }
}
