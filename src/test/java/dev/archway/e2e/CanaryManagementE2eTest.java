package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.CanarySettings;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.UpdateStageResponse;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * Canary releases through the AWS SDK as AWS's "Set up an API Gateway canary release deployment"
 * pages drive them: create (CreateDeployment, CreateStage, UpdateStage), update, promote, remove;
 * the answers and refusals are the ones recorded against AWS.
 */
class CanaryManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static ApiGatewayClient aws;

  @BeforeAll
  static void client() {
    aws = server.client();
  }

  @Test
  void aCanaryDeploymentLeavesTheStageOnItsDeploymentAndPointsTheCanaryAtTheNewOne() {
    String apiId = Fixtures.mockApi(aws, "canary", "{}");
    String first = aws.createDeployment(r -> r.restApiId(apiId).stageName("prod").variables(Map.of("sv0", "val0"))).id();

    String second = aws.createDeployment(r -> r.restApiId(apiId).stageName("prod")
        .canarySettings(c -> c.percentTraffic(10.5).useStageCache(false).stageVariableOverrides(Map.of("sv1", "val1")))).id();

    var stage = aws.getStage(r -> r.restApiId(apiId).stageName("prod"));
    assertThat(stage.deploymentId()).isEqualTo(first);
    assertThat(stage.variables()).isEqualTo(Map.of("sv0", "val0"));
    assertThat(stage.canarySettings()).isEqualTo(CanarySettings.builder().deploymentId(second).percentTraffic(10.5)
        .stageVariableOverrides(Map.of("sv1", "val1")).useStageCache(false).build());

    // A later canary deployment moves the canary, never the stage.
    String third = aws.createDeployment(r -> r.restApiId(apiId).stageName("prod")
        .canarySettings(c -> c.percentTraffic(50.0))).id();
    stage = aws.getStage(r -> r.restApiId(apiId).stageName("prod"));
    assertThat(stage.deploymentId()).isEqualTo(first);
    assertThat(stage.canarySettings().deploymentId()).isEqualTo(third);
    assertThat(stage.canarySettings().percentTraffic()).isEqualTo(50.0);

    assertThatThrownBy(() -> aws.deleteDeployment(r -> r.restApiId(apiId).deploymentId(third)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("Active stages pointing to this deployment must be moved or deleted");
  }

  @Test
  void canaryDeploymentsNeedAnExistingStageAndAStageWithACanaryNeedsThem() {
    String apiId = Fixtures.mockApi(aws, "canary-rules", "{}");
    String prefix = "Invalid deployment content specified.";

    assertThatThrownBy(() -> aws.createDeployment(r -> r.restApiId(apiId).canarySettings(c -> c.percentTraffic(50.0))))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith(prefix
            + "Non null and non empty stageName must be provided for canary deployment. Provided value is null");
    assertThatThrownBy(() -> aws.createDeployment(r -> r.restApiId(apiId).stageName("non-existing")
        .canarySettings(c -> c.percentTraffic(50.0))))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith(prefix
            + "Stage non-existing must already be created before making a canary release deployment");
    assertThat(aws.getDeployments(r -> r.restApiId(apiId)).items()).isEmpty();

    aws.createDeployment(r -> r.restApiId(apiId).stageName("v1"));
    aws.createDeployment(r -> r.restApiId(apiId).stageName("v1").canarySettings(c -> c.percentTraffic(5.0)));
    assertThatThrownBy(() -> aws.createDeployment(r -> r.restApiId(apiId).stageName("v1")))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith(prefix
            + "Non canary deployment not supported on stage v1 because Canary is enabled. Provide CanarySettings in"
            + " deploymentInput.");
    assertThatThrownBy(() -> aws.createDeployment(r -> r.restApiId(apiId).stageName("v1")
        .canarySettings(c -> c.percentTraffic(100.5))))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Invalid canarySettings percentTraffic: 100.5");
    assertThat(aws.getDeployments(r -> r.restApiId(apiId)).items()).hasSize(2);
  }

  @Test
  void createStageTakesACanaryAtItsOwnDeploymentUnlessOneIsNamed() {
    String apiId = Fixtures.mockApi(aws, "stage-canary", "{}");
    String first = aws.createDeployment(r -> r.restApiId(apiId)).id();
    String second = aws.createDeployment(r -> r.restApiId(apiId)).id();

    var created = aws.createStage(r -> r.restApiId(apiId).stageName("dev").deploymentId(first)
        .variables(Map.of("testVar", "default"))
        .canarySettings(c -> c.deploymentId(second).percentTraffic(50.0).stageVariableOverrides(Map.of("testVar", "canary"))));
    assertThat(created.deploymentId()).isEqualTo(first);
    assertThat(created.canarySettings()).isEqualTo(CanarySettings.builder().deploymentId(second).percentTraffic(50.0)
        .stageVariableOverrides(Map.of("testVar", "canary")).useStageCache(false).build());

    var defaulted = aws.createStage(r -> r.restApiId(apiId).stageName("dev2").deploymentId(first)
        .canarySettings(c -> c.percentTraffic(40.0)));
    assertThat(defaulted.canarySettings().deploymentId()).isEqualTo(first);

    assertThatThrownBy(() -> aws.createStage(r -> r.restApiId(apiId).stageName("dev3").deploymentId(first)
        .canarySettings(c -> c.deploymentId("deploy"))))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Deployment id does not exist");
    assertThat(aws.getStages(r -> r.restApiId(apiId)).item()).extracting(s -> s.stageName()).containsOnly("dev", "dev2");
  }

  @Test
  void updateStageCreatesAdjustsAndRemovesTheCanary() {
    String apiId = Fixtures.mockApi(aws, "patch-canary", "{}");
    String first = aws.createDeployment(r -> r.restApiId(apiId).stageName("dev")).id();
    String second = aws.createDeployment(r -> r.restApiId(apiId)).id();

    var pointed = update(apiId, "dev", op(Op.REPLACE, "/canarySettings/deploymentId", second));
    assertThat(pointed.deploymentId()).isEqualTo(first);
    assertThat(pointed.canarySettings()).isEqualTo(
        CanarySettings.builder().deploymentId(second).percentTraffic(0.0).useStageCache(false).build());

    var adjusted = update(apiId, "dev", op(Op.REPLACE, "/canarySettings/percentTraffic", "25.0"),
        op(Op.REPLACE, "/canarySettings/useStageCache", "true"),
        op(Op.REPLACE, "/canarySettings/stageVariableOverrides/sv1", "val2"),
        op(Op.REPLACE, "/canarySettings/stageVariableOverrides/sv2", "val3"));
    assertThat(adjusted.canarySettings().percentTraffic()).isEqualTo(25.0);
    assertThat(adjusted.canarySettings().useStageCache()).isTrue();
    assertThat(adjusted.canarySettings().stageVariableOverrides()).isEqualTo(Map.of("sv1", "val2", "sv2", "val3"));

    var fewer = update(apiId, "dev", op(Op.REMOVE, "/canarySettings/stageVariableOverrides/sv2", null));
    assertThat(fewer.canarySettings().stageVariableOverrides()).isEqualTo(Map.of("sv1", "val2"));

    var removed = update(apiId, "dev", op(Op.REMOVE, "/canarySettings", null));
    assertThat(removed.canarySettings()).isNull();
    assertThat(removed.deploymentId()).isEqualTo(first);

    // A canary path on a stage without a canary starts one at the stage's deployment.
    var started = update(apiId, "dev", op(Op.REPLACE, "/canarySettings/percentTraffic", "50"));
    assertThat(started.canarySettings()).isEqualTo(
        CanarySettings.builder().deploymentId(first).percentTraffic(50.0).useStageCache(false).build());
  }

  @Test
  void promotionCopiesTheCanarysDeploymentAndVariablesOntoTheStage() {
    String apiId = Fixtures.mockApi(aws, "promote", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("dev").variables(Map.of("testVar", "test", "testVar2", "test2")));
    String canary = aws.createDeployment(r -> r.restApiId(apiId).stageName("dev")
        .canarySettings(c -> c.percentTraffic(50.0).stageVariableOverrides(Map.of("testVar", "override")))).id();

    // The AWS CLI's promotion: traffic to 0 %, then both copies; the canary stays until removed.
    var promoted = update(apiId, "dev", op(Op.REPLACE, "/canarySettings/percentTraffic", "0.0"),
        PatchOperation.builder().op(Op.COPY).from("/canarySettings/deploymentId").path("/deploymentId").build(),
        PatchOperation.builder().op(Op.COPY).from("/canarySettings/stageVariableOverrides").path("/variables").build());
    assertThat(promoted.deploymentId()).isEqualTo(canary);
    assertThat(promoted.variables()).isEqualTo(Map.of("testVar", "override", "testVar2", "test2"));
    assertThat(promoted.canarySettings()).isEqualTo(CanarySettings.builder().deploymentId(canary).percentTraffic(0.0)
        .stageVariableOverrides(Map.of("testVar", "override")).useStageCache(false).build());

    var done = update(apiId, "dev", op(Op.REMOVE, "/canarySettings", null));
    assertThat(done.canarySettings()).isNull();
    assertThat(done.deploymentId()).isEqualTo(canary);
  }

  @Test
  void invalidCanaryPatchesAreRefusedAsAwsRefusesThemAndChangeNothing() {
    String apiId = Fixtures.mockApi(aws, "bad-patches", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("dev"));

    refused(apiId, "Promotion not available. Canary does not exist.",
        PatchOperation.builder().op(Op.COPY).from("/canarySettings/deploymentId").path("/deploymentId").build());
    refused(apiId, "Invalid copy operation with path: /canarySettings/stageVariableOverrides and from /variables. Valid"
            + " copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId,"
            + " /canarySettings/stageVariableOverrides]",
        PatchOperation.builder().op(Op.COPY).from("/variables").path("/canarySettings/stageVariableOverrides").build());
    refused(apiId, "Invalid add operation with path: /canarySettings/deploymentId",
        op(Op.ADD, "/canarySettings/deploymentId", "abc"));
    refused(apiId, "Deployment id does not exist", op(Op.REPLACE, "/canarySettings/deploymentId", "deploy"));
    refused(apiId, "Invalid method setting path: /canarySettings/badPath. Must be one of: [/deploymentId,",
        op(Op.REPLACE, "/canarySettings/badPath", "x"));
    refused(apiId, "Invalid method setting path: /canarySettings. Must be one of:", op(Op.REPLACE, "/canarySettings", "x"));
    refused(apiId, "Cannot remove method setting canarySettings/stageVariableOverrides because there is no method"
        + " setting for this method ", op(Op.REMOVE, "/canarySettings/stageVariableOverrides", null));
    refused(apiId, "Invalid canarySettings percentTraffic: -1.0 (expected: 0.0 to 100.0)",
        op(Op.REPLACE, "/canarySettings/percentTraffic", "-1"));
    refused(apiId, "Stage variable name bad-name only allows a-zA-Z0-9_",
        op(Op.REPLACE, "/canarySettings/stageVariableOverrides/bad-name", "x"));

    assertThat(aws.getStage(r -> r.restApiId(apiId).stageName("dev")).canarySettings()).isNull();
  }

  @Test
  void httpApisHaveNoCanaries() throws Exception {
    try (ApiGatewayV2Client v2 = V2Clients.of(server)) {
      String apiId = v2.createApi(r -> r.name("http").protocolType(ProtocolType.HTTP)).apiId();
      v2.createStage(r -> r.apiId(apiId).stageName("dev"));
      assertThatThrownBy(() -> aws.createDeployment(r -> r.restApiId(apiId).stageName("dev")
          .canarySettings(c -> c.percentTraffic(10.0))))
          .isInstanceOf(NotFoundException.class);

      // The v2 model has no canarySettings; a request that sends one anyway is refused, not served without it.
      HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.adminPort() + "/v2/apis/" + apiId + "/stages"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"stageName\": \"canary\", \"canarySettings\": {\"percentTraffic\": 10}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("canarySettings: canary releases are a feature of REST APIs only");
      assertThat(v2.getStages(r -> r.apiId(apiId)).items()).extracting(s -> s.stageName()).containsExactly("dev");
    }
  }

  private static UpdateStageResponse update(String apiId, String stage, PatchOperation... ops) {
    return aws.updateStage(r -> r.restApiId(apiId).stageName(stage).patchOperations(ops));
  }

  private static void refused(String apiId, String message, PatchOperation op) {
    assertThatThrownBy(() -> update(apiId, "dev", op))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith(message);
  }

  private static PatchOperation op(Op op, String path, String value) {
    return PatchOperation.builder().op(op).path(path).value(value).build();
  }
}
