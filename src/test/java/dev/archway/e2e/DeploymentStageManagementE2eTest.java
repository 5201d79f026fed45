package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;

class DeploymentStageManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();

  @Test
  void deploymentRefusesAnApiWithoutMethodsOrIntegrations() {
    var api = aws.createRestApi(r -> r.name("empty"));
    assertThatThrownBy(() -> aws.createDeployment(r -> r.restApiId(api.id())))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("The REST API doesn't contain any methods");
    aws.putMethod(r -> r.restApiId(api.id()).resourceId(api.rootResourceId()).httpMethod("GET").authorizationType("NONE"));
    assertThatThrownBy(() -> aws.createDeployment(r -> r.restApiId(api.id())))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("No integration defined for method");
  }

  @Test
  void deploymentWithStageAndLifecycle() {
    String apiId = Fixtures.mockApi(aws, "deploy", "{}");
    var deployment = aws.createDeployment(r -> r.restApiId(apiId).description("first").stageName("dev")
        .stageDescription("development").variables(Map.of("backend", "a")));
    assertThat(deployment.id()).isNotBlank();
    assertThat(deployment.createdDate()).isNotNull();

    var stage = aws.getStage(r -> r.restApiId(apiId).stageName("dev"));
    assertThat(stage.deploymentId()).isEqualTo(deployment.id());
    assertThat(stage.description()).isEqualTo("development");
    assertThat(stage.variables()).containsEntry("backend", "a");

    var summary = aws.getDeployment(r -> r.restApiId(apiId).deploymentId(deployment.id()).embed("apisummary"));
    assertThat(summary.apiSummary()).containsKey("/hello");
    assertThat(summary.apiSummary().get("/hello").get("GET").authorizationType()).isEqualTo("NONE");
    assertThat(aws.getDeployment(r -> r.restApiId(apiId).deploymentId(deployment.id())).apiSummary()).isEmpty();

    var second = aws.createDeployment(r -> r.restApiId(apiId).stageName("dev").variables(Map.of("extra", "b")));
    var moved = aws.getStage(r -> r.restApiId(apiId).stageName("dev"));
    assertThat(moved.deploymentId()).isEqualTo(second.id());
    assertThat(moved.variables()).containsEntry("backend", "a").containsEntry("extra", "b");
    assertThat(aws.getDeployments(r -> r.restApiId(apiId)).items()).hasSize(2);

    var updated = aws.updateDeployment(r -> r.restApiId(apiId).deploymentId(deployment.id())
        .patchOperations(p -> p.op(Op.REPLACE).path("/description").value("renamed")));
    assertThat(updated.description()).isEqualTo("renamed");

    assertThatThrownBy(() -> aws.deleteDeployment(r -> r.restApiId(apiId).deploymentId(second.id())))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Active stages pointing to this deployment must be moved or deleted");
    aws.deleteDeployment(r -> r.restApiId(apiId).deploymentId(deployment.id()));
    assertThatThrownBy(() -> aws.getDeployment(r -> r.restApiId(apiId).deploymentId(deployment.id())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Deployment identifier specified");
  }

  @Test
  void stageLifecycle() {
    String apiId = Fixtures.mockApi(aws, "stages", "{}");
    String first = aws.createDeployment(r -> r.restApiId(apiId)).id();
    String second = aws.createDeployment(r -> r.restApiId(apiId)).id();

    var created = aws.createStage(r -> r.restApiId(apiId).stageName("prod").deploymentId(first)
        .description("production").variables(Map.of("color", "blue")).tags(Map.of("env", "prod")));
    assertThat(created.stageName()).isEqualTo("prod");
    assertThat(created.createdDate()).isNotNull();
    assertThat(created.tags()).containsEntry("env", "prod");
    assertThatThrownBy(() -> aws.createStage(r -> r.restApiId(apiId).stageName("prod").deploymentId(first)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> aws.createStage(r -> r.restApiId(apiId).stageName("bad name").deploymentId(first)))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> aws.createStage(r -> r.restApiId(apiId).stageName("other").deploymentId("nope")))
        .isInstanceOf(BadRequestException.class);

    var updated = aws.updateStage(r -> r.restApiId(apiId).stageName("prod").patchOperations(
        p -> p.op(Op.REPLACE).path("/deploymentId").value(second),
        p -> p.op(Op.REPLACE).path("/variables/color").value("green"),
        p -> p.op(Op.REPLACE).path("/description").value("live")));
    assertThat(updated.deploymentId()).isEqualTo(second);
    assertThat(updated.variables()).containsEntry("color", "green");
    assertThat(updated.description()).isEqualTo("live");
    assertThat(aws.updateStage(r -> r.restApiId(apiId).stageName("prod")
        .patchOperations(p -> p.op(Op.REMOVE).path("/variables/color"))).variables()).isEmpty();

    aws.createStage(r -> r.restApiId(apiId).stageName("beta").deploymentId(first));
    assertThat(aws.getStages(r -> r.restApiId(apiId)).item()).extracting(s -> s.stageName()).containsExactly("prod", "beta");
    assertThat(aws.getStages(r -> r.restApiId(apiId).deploymentId(first)).item()).extracting(s -> s.stageName()).containsExactly("beta");

    aws.deleteStage(r -> r.restApiId(apiId).stageName("beta"));
    assertThatThrownBy(() -> aws.getStage(r -> r.restApiId(apiId).stageName("beta")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid stage identifier specified");
    aws.deleteDeployment(r -> r.restApiId(apiId).deploymentId(first));
  }

  @Test
  void tagsOnApisAndStages() {
    String apiId = Fixtures.mockApi(aws, "tags", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("dev"));
    String apiArn = "arn:aws:apigateway:us-east-1::/restapis/" + apiId;
    String stageArn = apiArn + "/stages/dev";

    aws.tagResource(r -> r.resourceArn(apiArn).tags(Map.of("team", "a", "cost", "1")));
    aws.untagResource(r -> r.resourceArn(apiArn).tagKeys("cost"));
    assertThat(aws.getTags(r -> r.resourceArn(apiArn)).tags()).containsExactlyEntriesOf(Map.of("team", "a"));
    assertThat(aws.getRestApi(r -> r.restApiId(apiId)).tags()).containsEntry("team", "a");

    aws.tagResource(r -> r.resourceArn(stageArn).tags(Map.of("env", "dev")));
    assertThat(aws.getTags(r -> r.resourceArn(stageArn)).tags()).containsEntry("env", "dev");
    assertThat(aws.getStage(r -> r.restApiId(apiId).stageName("dev")).tags()).containsEntry("env", "dev");

    assertThatThrownBy(() -> aws.getTags(r -> r.resourceArn("arn:aws:apigateway:us-east-1::/restapis/nope")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> aws.getTags(r -> r.resourceArn("not-an-arn"))).isInstanceOf(BadRequestException.class);
  }
}
