package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

class HttpQuickCreateE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static ApiGatewayV2Client v2;

  @BeforeAll
  static void client() {
    v2 = V2Clients.of(server);
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  @Test
  void lambdaTargetMakesIntegrationRouteAndAutoDeployedDefaultStage() {
    String lambda = "arn:aws:lambda:us-east-1:000000000000:function:hello";
    String api = v2.createApi(r -> r.name("quick").protocolType(ProtocolType.HTTP).target(lambda)).apiId();

    var integration = v2.getIntegrations(r -> r.apiId(api)).items();
    assertThat(integration).singleElement().satisfies(i -> {
      assertThat(i.integrationTypeAsString()).isEqualTo("AWS_PROXY");
      assertThat(i.integrationUri()).isEqualTo(lambda);
      assertThat(i.payloadFormatVersion()).isEqualTo("2.0");
      assertThat(i.apiGatewayManaged()).isTrue();
    });
    assertThat(v2.getRoutes(r -> r.apiId(api)).items()).singleElement().satisfies(route -> {
      assertThat(route.routeKey()).isEqualTo("$default");
      assertThat(route.target()).isEqualTo("integrations/" + integration.get(0).integrationId());
      assertThat(route.apiGatewayManaged()).isTrue();
    });
    var stage = v2.getStage(r -> r.apiId(api).stageName("$default"));
    assertThat(stage.autoDeploy()).isTrue();
    assertThat(stage.apiGatewayManaged()).isTrue();
    assertThat(stage.deploymentId()).isNotNull();
    assertThat(stage.lastDeploymentStatusMessage()).contains(stage.deploymentId());
    assertThat(v2.getDeployment(r -> r.apiId(api).deploymentId(stage.deploymentId())).autoDeployed()).isTrue();

    assertThatThrownBy(() -> v2.deleteRoute(r -> r.apiId(api).routeId(v2.getRoutes(g -> g.apiId(api)).items().get(0).routeId())))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.deleteStage(r -> r.apiId(api).stageName("$default")))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void urlTargetWithRouteKeyAndUpdateApiRewritesTheManagedResources() {
    String api = v2.createApi(r -> r.name("quick").protocolType(ProtocolType.HTTP)
        .target("https://backend.example.com").routeKey("GET /hello")).apiId();
    var integration = v2.getIntegrations(r -> r.apiId(api)).items().get(0);
    assertThat(integration.integrationTypeAsString()).isEqualTo("HTTP_PROXY");
    assertThat(integration.integrationMethod()).isEqualTo("ANY");
    assertThat(integration.payloadFormatVersion()).isEqualTo("1.0");
    assertThat(v2.getRoutes(r -> r.apiId(api)).items().get(0).routeKey()).isEqualTo("GET /hello");
    String firstDeployment = v2.getStage(r -> r.apiId(api).stageName("$default")).deploymentId();

    v2.updateApi(r -> r.apiId(api).target("https://other.example.com").routeKey("POST /hello"));
    assertThat(v2.getIntegrations(r -> r.apiId(api)).items().get(0).integrationUri()).isEqualTo("https://other.example.com");
    assertThat(v2.getRoutes(r -> r.apiId(api)).items().get(0).routeKey()).isEqualTo("POST /hello");
    assertThat(v2.getStage(r -> r.apiId(api).stageName("$default")).deploymentId()).isNotEqualTo(firstDeployment);
  }

  @Test
  void refusesBadQuickCreate() {
    assertThatThrownBy(() -> v2.createApi(r -> r.name("q").protocolType(ProtocolType.HTTP).target("ftp://x")))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.createApi(r -> r.name("q").protocolType(ProtocolType.HTTP)
            .target("https://x.example").routeKey("GET nopath")))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.createApi(r -> r.name("q").protocolType(ProtocolType.HTTP).routeKey("GET /x")))
        .isInstanceOf(BadRequestException.class);
    assertThat(v2.getApis(r -> {}).items()).noneMatch(a -> a.name().equals("q"));
    String plain = v2.createApi(r -> r.name("plain").protocolType(ProtocolType.HTTP)).apiId();
    assertThatThrownBy(() -> v2.updateApi(r -> r.apiId(plain).target("https://x.example")))
        .isInstanceOf(BadRequestException.class);
  }
}
