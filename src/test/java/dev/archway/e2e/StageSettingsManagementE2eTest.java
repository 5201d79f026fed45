package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.CacheClusterStatus;
import software.amazon.awssdk.services.apigateway.model.Op;

/** A stage's access-log settings are removed whole, their format checked as AWS checks it; an enabled cache cluster answers AWS's default size and status. */
class StageSettingsManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private static ApiGatewayClient aws;
  private static String apiId;
  private static String deploymentId;

  @BeforeAll
  static void api() {
    aws = server.client();
    apiId = Fixtures.mockApi(aws, "stage-settings", "{}");
    deploymentId = aws.createDeployment(r -> r.restApiId(apiId)).id();
  }

  @Test
  void removeAccessLogSettingsClearsThem() {
    aws.createStage(r -> r.restApiId(apiId).stageName("logged").deploymentId(deploymentId));
    var logged = aws.updateStage(r -> r.restApiId(apiId).stageName("logged").patchOperations(
        p -> p.op(Op.REPLACE).path("/accessLogSettings/destinationArn").value("arn:aws:logs:us-east-1:000000000000:log-group:access"),
        p -> p.op(Op.REPLACE).path("/accessLogSettings/format").value("$context.requestId")));
    assertThat(logged.accessLogSettings().format()).isEqualTo("$context.requestId");

    var cleared = aws.updateStage(r -> r.restApiId(apiId).stageName("logged")
        .patchOperations(p -> p.op(Op.REMOVE).path("/accessLogSettings")));
    assertThat(cleared.sdkHttpResponse().statusCode()).isEqualTo(200);
    assertThat(cleared.accessLogSettings()).isNull();
    assertThat(aws.getStage(r -> r.restApiId(apiId).stageName("logged")).accessLogSettings()).isNull();
  }

  @Test
  void anAccessLogFormatWithoutARequestIdOrOnTwoLinesIsRefusedAsAwsRefusesIt() {
    aws.createStage(r -> r.restApiId(apiId).stageName("formats").deploymentId(deploymentId));
    assertThatThrownBy(() -> aws.updateStage(r -> r.restApiId(apiId).stageName("formats").patchOperations(
        p -> p.op(Op.REPLACE).path("/accessLogSettings/format").value("$context.status $context.requestIdX"))))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith(
            "Access Log format must include either $context.requestId or $context.extendedRequestId : "
            + "'$context.status $context.requestIdX'");
    assertThatThrownBy(() -> aws.updateStage(r -> r.restApiId(apiId).stageName("formats").patchOperations(
        p -> p.op(Op.REPLACE).path("/accessLogSettings/format").value("$context.requestId\n$context.status"))))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith(
            "Access Log format must be single line, new line character is allowed only at end of the format");
    var ending = aws.updateStage(r -> r.restApiId(apiId).stageName("formats").patchOperations(
        p -> p.op(Op.REPLACE).path("/accessLogSettings/format").value("$context.extendedRequestId\n")));
    assertThat(ending.accessLogSettings().format()).isEqualTo("$context.extendedRequestId\n");
  }

  @Test
  void anEnabledCacheClusterIsAvailableWithHalfAGigabyteUnlessSized() {
    var plain = aws.createStage(r -> r.restApiId(apiId).stageName("plain").deploymentId(deploymentId));
    assertThat(plain.cacheClusterEnabled()).isFalse();
    assertThat(plain.cacheClusterStatus()).isEqualTo(CacheClusterStatus.NOT_AVAILABLE);

    var cached = aws.createStage(r -> r.restApiId(apiId).stageName("cached").deploymentId(deploymentId).cacheClusterEnabled(true));
    assertThat(cached.cacheClusterSize()).isEqualTo("0.5");
    assertThat(cached.cacheClusterStatus()).isEqualTo(CacheClusterStatus.AVAILABLE);

    var enabled = aws.updateStage(r -> r.restApiId(apiId).stageName("plain")
        .patchOperations(p -> p.op(Op.REPLACE).path("/cacheClusterEnabled").value("true")));
    assertThat(enabled.cacheClusterSize()).isEqualTo("0.5");
    assertThat(enabled.cacheClusterStatus()).isEqualTo(CacheClusterStatus.AVAILABLE);

    var disabled = aws.updateStage(r -> r.restApiId(apiId).stageName("plain")
        .patchOperations(p -> p.op(Op.REPLACE).path("/cacheClusterEnabled").value("false")));
    assertThat(disabled.cacheClusterStatus()).isEqualTo(CacheClusterStatus.NOT_AVAILABLE);

    var sized = aws.createStage(r -> r.restApiId(apiId).stageName("sized").deploymentId(deploymentId)
        .cacheClusterEnabled(true).cacheClusterSize("1.6"));
    assertThat(sized.cacheClusterSize()).isEqualTo("1.6");
  }
}
