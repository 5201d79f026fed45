package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

class HttpStageDeploymentManagementE2eTest {
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

  private static String apiWithRoute() {
    String api = v2.createApi(r -> r.name("stages").protocolType(ProtocolType.HTTP)).apiId();
    String integration = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP_PROXY)
        .integrationUri("https://backend.example.com").integrationMethod("GET")).integrationId();
    v2.createRoute(r -> r.apiId(api).routeKey("GET /pets").target("integrations/" + integration));
    return api;
  }

  @Test
  void anAccessLogFormatWithoutARequestIdIsRefusedWithAwsPrefix() {
    String api = apiWithRoute();
    assertThatThrownBy(() -> v2.createStage(r -> r.apiId(api).stageName("logged").accessLogSettings(a -> a
        .destinationArn("arn:aws:logs:us-east-1:000000000000:log-group:x").format("$context.status"))))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("The following errors are found in Access Log "
            + "Format: Access Log format must include either $context.requestId or $context.extendedRequestId : "
            + "'$context.status'");
    assertThatThrownBy(() -> v2.createStage(r -> r.apiId(api).stageName("logged").accessLogSettings(a -> a
        .destinationArn("arn:aws:logs:us-east-1:000000000000:log-group:x").format("$context.requestId\n"))))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("The following errors are found in Access Log "
            + "Format: Access Log format must be single line: ");
  }

  @Test
  void deploymentsAndStagesByHand() {
    String api = apiWithRoute();
    var deployment = v2.createDeployment(r -> r.apiId(api).description("first"));
    assertThat(deployment.deploymentStatusAsString()).isEqualTo("DEPLOYED");
    assertThat(deployment.autoDeployed()).isFalse();
    assertThat(deployment.createdDate()).isNotNull();

    var stage = v2.createStage(r -> r.apiId(api).stageName("dev").deploymentId(deployment.deploymentId())
        .stageVariables(Map.of("backend", "one", "keep", "yes"))
        .defaultRouteSettings(s -> s.throttlingBurstLimit(10).throttlingRateLimit(5.0))
        .routeSettings(Map.of("GET /pets", software.amazon.awssdk.services.apigatewayv2.model.RouteSettings.builder()
            .throttlingBurstLimit(1).build()))
        .accessLogSettings(a -> a.destinationArn("arn:aws:logs:us-east-1:000000000000:log-group:x").format("$context.requestId")));
    assertThat(stage.autoDeploy()).isFalse();
    assertThat(stage.deploymentId()).isEqualTo(deployment.deploymentId());
    assertThat(stage.defaultRouteSettings().throttlingBurstLimit()).isEqualTo(10);
    assertThat(stage.routeSettings()).containsKey("GET /pets");
    assertThatThrownBy(() -> v2.createStage(r -> r.apiId(api).stageName("dev")))
        .isInstanceOf(ConflictException.class);

    var second = v2.createDeployment(r -> r.apiId(api).stageName("dev"));
    assertThat(v2.getStage(r -> r.apiId(api).stageName("dev")).deploymentId()).isEqualTo(second.deploymentId());
    assertThat(v2.getDeployments(r -> r.apiId(api)).items()).hasSize(2);
    assertThat(v2.updateDeployment(r -> r.apiId(api).deploymentId(second.deploymentId()).description("second")).description())
        .isEqualTo("second");

    var updated = v2.updateStage(r -> r.apiId(api).stageName("dev").description("Development")
        .stageVariables(Map.of("backend", "two", "keep", "")));
    assertThat(updated.stageVariables()).containsExactlyEntriesOf(Map.of("backend", "two"));
    assertThat(updated.description()).isEqualTo("Development");
    assertThat(updated.routeSettings()).containsKey("GET /pets");

    v2.deleteRouteSettings(r -> r.apiId(api).stageName("dev").routeKey("GET /pets"));
    v2.deleteAccessLogSettings(r -> r.apiId(api).stageName("dev"));
    var cleared = v2.getStage(r -> r.apiId(api).stageName("dev"));
    assertThat(cleared.routeSettings()).isEmpty();
    assertThat(cleared.accessLogSettings()).isNull();
    v2.resetAuthorizersCache(r -> r.apiId(api).stageName("dev"));

    assertThatThrownBy(() -> v2.deleteDeployment(r -> r.apiId(api).deploymentId(second.deploymentId())))
        .isInstanceOf(BadRequestException.class);
    v2.deleteDeployment(r -> r.apiId(api).deploymentId(deployment.deploymentId()));
    v2.deleteStage(r -> r.apiId(api).stageName("dev"));
    assertThatThrownBy(() -> v2.getStage(r -> r.apiId(api).stageName("dev"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void autoDeployStageFollowsEveryRouteChange() {
    String api = apiWithRoute();
    var stage = v2.createStage(r -> r.apiId(api).stageName("$default").autoDeploy(true));
    assertThat(stage.deploymentId()).isNotNull();
    assertThat(stage.lastDeploymentStatusMessage()).isEqualTo("Successfully deployed stage with deployment ID '" + stage.deploymentId() + "'");
    String manual = v2.createStage(r -> r.apiId(api).stageName("manual").deploymentId(stage.deploymentId())).deploymentId();

    v2.createRoute(r -> r.apiId(api).routeKey("POST /pets"));
    var after = v2.getStage(r -> r.apiId(api).stageName("$default"));
    assertThat(after.deploymentId()).isNotEqualTo(stage.deploymentId());
    assertThat(v2.getDeployment(r -> r.apiId(api).deploymentId(after.deploymentId())).autoDeployed()).isTrue();
    assertThat(v2.getStage(r -> r.apiId(api).stageName("manual")).deploymentId()).isEqualTo(manual);

    assertThatThrownBy(() -> v2.createDeployment(r -> r.apiId(api).stageName("$default")))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.updateStage(r -> r.apiId(api).stageName("$default").deploymentId(manual)))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void refusesBadStagesAndDeployments() {
    String empty = v2.createApi(r -> r.name("empty").protocolType(ProtocolType.HTTP)).apiId();
    assertThatThrownBy(() -> v2.createDeployment(r -> r.apiId(empty)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("no routes");
    var auto = v2.createStage(r -> r.apiId(empty).stageName("auto").autoDeploy(true));
    assertThat(auto.deploymentId()).isNull();
    assertThat(auto.lastDeploymentStatusMessage()).contains("no routes");

    assertThatThrownBy(() -> v2.createStage(r -> r.apiId(empty).stageName("bad name")))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.createStage(r -> r.apiId(empty).stageName("x").deploymentId("nope123")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> v2.createStage(r -> r.apiId(empty).stageName("x")
            .routeSettings(Map.of("GET /missing", software.amazon.awssdk.services.apigatewayv2.model.RouteSettings.builder().build()))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> v2.createStage(r -> r.apiId(empty).stageName("x").stageVariables(Map.of("bad name", "v"))))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.getDeployment(r -> r.apiId(empty).deploymentId("nope123")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> v2.createStage(r -> r.apiId("nosuchapi").stageName("x")))
        .isInstanceOf(NotFoundException.class);
  }
}
