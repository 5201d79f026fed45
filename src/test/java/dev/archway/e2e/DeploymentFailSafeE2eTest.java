package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.V2Clients;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * Deployments fail safe: what cannot be served is refused when deployed, and the stage keeps
 * serving what it served; what AWS deploys but fails at run time deploys, and only that method fails.
 */
class DeploymentFailSafeE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static ApiGatewayClient aws;
  private static ApiGatewayV2Client v2;
  private static HostStyleClient hostStyle;

  @BeforeAll
  static void clients() {
    aws = server.client();
    v2 = V2Clients.of(server);
    hostStyle = new HostStyleClient(server.port());
  }

  @AfterAll
  static void close() {
    v2.close();
    hostStyle.close();
  }

  @Test
  void aRedeployThatCannotBeServedIsRefusedAndTheStageKeepsServing() throws Exception {
    var api = aws.createRestApi(r -> r.name("failsafe"));
    String items = resource(api.id(), api.rootResourceId(), "items");
    String item = resource(api.id(), items, "{id}");
    aws.putMethod(r -> r.restApiId(api.id()).resourceId(item).httpMethod("GET").authorizationType("NONE")
        .requestParameters(Map.of("method.request.path.id", true)));
    aws.putIntegration(r -> r.restApiId(api.id()).resourceId(item).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("GET").uri(echo.url() + "/items/{id}")
        .requestParameters(Map.of("integration.request.path.id", "method.request.path.id")));
    String served = aws.createDeployment(r -> r.restApiId(api.id()).stageName("dev")).id();
    assertThat(get(server.pathStyle(api.id(), "dev", "/items/7")).body()).contains("\"path\":\"/items/7\"");

    aws.putIntegration(r -> r.restApiId(api.id()).resourceId(item).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("GET").uri("http://127.0.0.1:1/{id")
        .requestParameters(Map.of("integration.request.path.id", "method.request.path.id")));
    assertThatThrownBy(() -> aws.createDeployment(r -> r.restApiId(api.id()).stageName("dev")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("Unable to deploy API: GET /items/{id}: ")
        .hasMessageContaining("http://127.0.0.1:1/{id");

    assertThat(aws.getStage(r -> r.restApiId(api.id()).stageName("dev")).deploymentId()).isEqualTo(served);
    assertThat(aws.getDeployments(r -> r.restApiId(api.id())).items()).extracting(d -> d.id()).containsExactly(served);
    HttpResponse<String> still = get(server.pathStyle(api.id(), "dev", "/items/8"));
    assertThat(still.statusCode()).isEqualTo(200);
    assertThat(still.body()).contains("\"path\":\"/items/8\"");
    assertThat(ready().statusCode()).isEqualTo(200);
  }

  @Test
  void aMethodMappingAHeaderAwsWillNotSendDeploysAndOnlyItFails() throws Exception {
    var api = aws.createRestApi(r -> r.name("one-bad-method"));
    String ok = resource(api.id(), api.rootResourceId(), "ok");
    String bad = resource(api.id(), api.rootResourceId(), "bad");
    for (String id : new String[] {ok, bad}) {
      aws.putMethod(r -> r.restApiId(api.id()).resourceId(id).httpMethod("GET").authorizationType("NONE"));
    }
    aws.putIntegration(r -> r.restApiId(api.id()).resourceId(ok).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("GET").uri(echo.url() + "/ok"));
    aws.putIntegration(r -> r.restApiId(api.id()).resourceId(bad).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("GET").uri(echo.url() + "/bad")
        .requestParameters(Map.of("integration.request.header.Content-Length", "'5'")));
    aws.createDeployment(r -> r.restApiId(api.id()).stageName("dev"));

    assertThat(get(server.pathStyle(api.id(), "dev", "/ok")).statusCode()).isEqualTo(200);
    HttpResponse<String> failed = get(server.pathStyle(api.id(), "dev", "/bad"));
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(new JsonObject(failed.body()).getString("message")).isEqualTo("Internal server error");
    assertThat(ready().statusCode()).isEqualTo(200);
  }

  @Test
  void anHttpApiChangeThatCannotBeServedLeavesAutoDeployStagesOnTheirDeployment() {
    String apiId = v2.createApi(r -> r.name("auto-failsafe").protocolType(ProtocolType.HTTP)).apiId();
    String integration = v2.createIntegration(r -> r.apiId(apiId).integrationType("HTTP_PROXY").integrationMethod("ANY")
        .integrationUri(echo.url() + "/pets").payloadFormatVersion("1.0")).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /pets").target("integrations/" + integration));
    String deployed = v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true)).deploymentId();
    v2.createStage(r -> r.apiId(apiId).stageName("manual"));
    assertThat(hostStyle.get(apiId, "/pets").status()).isEqualTo(200);

    v2.updateIntegration(r -> r.apiId(apiId).integrationId(integration).integrationUri("http://127.0.0.1:1/{id"));
    var stage = v2.getStage(r -> r.apiId(apiId).stageName("$default"));
    assertThat(stage.deploymentId()).isEqualTo(deployed);
    assertThat(stage.lastDeploymentStatusMessage()).startsWith("Deployment attempt failed: Unable to deploy API: route GET /pets: ");
    assertThat(hostStyle.get(apiId, "/pets").status()).isEqualTo(200);

    assertThatThrownBy(() -> v2.createDeployment(r -> r.apiId(apiId).stageName("manual")))
        .isInstanceOf(software.amazon.awssdk.services.apigatewayv2.model.BadRequestException.class)
        .hasMessageStartingWith("Unable to deploy API: route GET /pets: ");
    assertThat(v2.getDeployments(r -> r.apiId(apiId)).items()).extracting(d -> d.deploymentId()).containsExactly(deployed);
  }

  private static String resource(String apiId, String parentId, String pathPart) {
    return aws.createResource(r -> r.restApiId(apiId).parentId(parentId).pathPart(pathPart)).id();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> ready() throws Exception {
    return get(URI.create("http://127.0.0.1:" + server.adminPort() + "/health/ready"));
  }
}
