package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.UnauthorizedCacheControlHeaderStrategy;

/** UpdateStage's method-settings paths and the methodSettings GetStage returns. */
class StageMethodSettingsE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();

  @Test
  void methodSettingsRoundTrip() {
    String apiId = Fixtures.mockApi(aws, "settings", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("dev"));
    assertThat(aws.getStage(r -> r.restApiId(apiId).stageName("dev")).methodSettings()).isEmpty();

    var stage = aws.updateStage(r -> r.restApiId(apiId).stageName("dev").patchOperations(
        p -> p.op(Op.REPLACE).path("/*/*/throttling/rateLimit").value("100"),
        p -> p.op(Op.REPLACE).path("/*/*/throttling/burstLimit").value("200"),
        p -> p.op(Op.REPLACE).path("/~1hello/GET/caching/enabled").value("true"),
        p -> p.op(Op.REPLACE).path("/~1hello/GET/caching/ttlInSeconds").value("60"),
        p -> p.op(Op.REPLACE).path("/~1hello/GET/logging/loglevel").value("INFO"),
        p -> p.op(Op.REPLACE).path("/~1hello/GET/caching/unauthorizedCacheControlHeaderStrategy").value("FAIL_WITH_403"),
        p -> p.op(Op.REPLACE).path("/description").value("tuned")));
    assertThat(stage.description()).isEqualTo("tuned");
    assertThat(stage.methodSettings()).containsOnlyKeys("*/*", "~1hello/GET");
    var all = stage.methodSettings().get("*/*");
    assertThat(all.throttlingRateLimit()).isEqualTo(100.0);
    assertThat(all.throttlingBurstLimit()).isEqualTo(200);
    assertThat(all.cachingEnabled()).isFalse();
    assertThat(all.cacheTtlInSeconds()).isEqualTo(300);
    assertThat(all.requireAuthorizationForCacheControl()).isTrue();
    var hello = aws.getStage(r -> r.restApiId(apiId).stageName("dev")).methodSettings().get("~1hello/GET");
    assertThat(hello.cachingEnabled()).isTrue();
    assertThat(hello.cacheTtlInSeconds()).isEqualTo(60);
    assertThat(hello.loggingLevel()).isEqualTo("INFO");
    assertThat(hello.unauthorizedCacheControlHeaderStrategy()).isEqualTo(UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);
    assertThat(hello.throttlingRateLimit()).isEqualTo(10000.0);

    var removed = aws.updateStage(r -> r.restApiId(apiId).stageName("dev").patchOperations(
        p -> p.op(Op.REMOVE).path("/~1hello/GET")));
    assertThat(removed.methodSettings()).containsOnlyKeys("*/*");
    assertThatThrownBy(() -> aws.updateStage(r -> r.restApiId(apiId).stageName("dev").patchOperations(
        p -> p.op(Op.REMOVE).path("/~1hello/GET"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("no method setting for this method");
  }

  @Test
  void badValuesChangeNothing() {
    String apiId = Fixtures.mockApi(aws, "bad-settings", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("dev"));
    assertRefused(apiId, "/*/*/logging/loglevel", "LOUD", "OFF, ERROR or INFO");
    assertRefused(apiId, "/*/*/caching/ttlInSeconds", "3601", "0..3600");
    assertRefused(apiId, "/*/*/throttling/rateLimit", "-1", ">= 0");
    assertRefused(apiId, "/*/*/metrics/enabled", "yes", "true or false");
    assertRefused(apiId, "/~1hello/FETCH/metrics/enabled", "true", "Invalid method setting path");
    assertThat(aws.getStage(r -> r.restApiId(apiId).stageName("dev")).methodSettings()).isEmpty();
  }

  private void assertRefused(String apiId, String path, String value, String message) {
    assertThatThrownBy(() -> aws.updateStage(r -> r.restApiId(apiId).stageName("dev").patchOperations(
        p -> p.op(Op.REPLACE).path(path).value(value))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining(message);
  }
}
