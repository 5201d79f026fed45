package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.model.ThrottleSettings;
import dev.archway.testing.ArchwayServer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;

/**
 * Blue-green releases under load: switching a stage's deployment (UpdateStage) or a base path
 * mapping's stage (UpdateBasePathMapping) is atomic. Every answer during the switches is entirely
 * one version (body, mapped header, stage variable and {@code $context.deploymentId} agree), and
 * none fails.
 */
class BlueGreenE2eTest {
  /** The account throttle raised, as a service-quota increase would: the load must not be throttled. */
  @RegisterExtension static final ArchwayServer server =
      new ArchwayServer(s -> s.withAccountThrottle(new ThrottleSettings(500_000, 1_000_000.0)));
  private static final int SWITCHES = 20;
  private static final String TEMPLATE = "{\"version\": \"%s\", \"color\": \"$stageVariables.color\","
      + " \"deploymentId\": \"$context.deploymentId\"}";
  private static ApiGatewayClient aws;
  private static String apiId;
  private static String blue;
  private static String green;

  /** One API, two deployments: v1 (blue) and v2 (green), each answering its version in its body and a header. */
  @BeforeAll
  static void twoVersions() {
    aws = server.client();
    apiId = Fixtures.mockApi(aws, "blue-green", TEMPLATE.formatted("v1"));
    String hello = Fixtures.resourceId(aws, apiId, "/hello");
    version(hello, "v1");
    blue = aws.createDeployment(r -> r.restApiId(apiId).stageName("blue").variables(Map.of("color", "blue"))).id();
    Fixtures.setMockBody(aws, apiId, hello, TEMPLATE.formatted("v2"));
    version(hello, "v2");
    green = aws.createDeployment(r -> r.restApiId(apiId).stageName("green").variables(Map.of("color", "green"))).id();
  }

  private static void version(String hello, String version) {
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(hello).httpMethod("GET").statusCode("200")
        .responseParameters(Map.of("method.response.header.X-Version", false)));
    aws.updateIntegrationResponse(r -> r.restApiId(apiId).resourceId(hello).httpMethod("GET").statusCode("200")
        .patchOperations(p -> p.op(Op.ADD).path("/responseParameters/method.response.header.X-Version")
            .value("'" + version + "'")));
  }

  @Test
  void switchingAStagesDeploymentUnderLoad() throws Exception {
    aws.createStage(r -> r.restApiId(apiId).stageName("live").deploymentId(blue));
    SwitchingLoad.Result result;
    try (SwitchingLoad load = new SwitchingLoad(server.port(), apiId + ".execute-api.localhost", "/live/hello",
        (response, body) -> versionOf(response, body, false)).start()) {
      warmUp(load);
      for (int i = 0; i < SWITCHES; i++) {
        String to = i % 2 == 0 ? green : blue;
        aws.updateStage(r -> r.restApiId(apiId).stageName("live").patchOperations(
            p -> p.op(Op.REPLACE).path("/deploymentId").value(to)));
      }
      result = load.stop();
    }
    report("UpdateStage /deploymentId", result);
  }

  @Test
  void switchingABasePathMappingUnderLoad() throws Exception {
    aws.createDomainName(r -> r.domainName("shop.example.com"));
    aws.createBasePathMapping(r -> r.domainName("shop.example.com").restApiId(apiId).stage("blue").basePath("store"));
    SwitchingLoad.Result result;
    try (SwitchingLoad load = new SwitchingLoad(server.port(), "shop.example.com", "/store/hello",
        (response, body) -> versionOf(response, body, true)).start()) {
      warmUp(load);
      for (int i = 0; i < SWITCHES; i++) {
        String to = i % 2 == 0 ? "green" : "blue";
        aws.updateBasePathMapping(r -> r.domainName("shop.example.com").basePath("store").patchOperations(
            p -> p.op(Op.REPLACE).path("/stage").value(to)));
      }
      result = load.stop();
    }
    report("UpdateBasePathMapping /stage", result);
  }

  /** Lets the JIT compile both sides' request paths before the switching is measured. */
  private static void warmUp(SwitchingLoad load) {
    await().atMost(Duration.ofMinutes(1)).until(() -> load.answered() >= 2_000);
    load.measureFromNow();
  }

  /** The version every part of the answer names, or null when they disagree. */
  private static String versionOf(HttpClientResponse response, String body, boolean colored) {
    JsonObject json = new JsonObject(body);
    String version = json.getString("version");
    boolean v1 = "v1".equals(version);
    boolean agree = version != null && version.equals(response.getHeader("X-Version"))
        && json.getString("deploymentId").equals(v1 ? blue : green)
        && (!colored || json.getString("color").equals(v1 ? "blue" : "green"));
    return agree ? version : null;
  }

  private static void report(String what, SwitchingLoad.Result result) {
    System.out.printf("blue-green by %s: %d requests in %.1f s (%.0f req/s) across %d switches: %s, %d failed, %d mixed%n",
        what, result.requests(), result.seconds(), result.perSecond(), SWITCHES, result.versions(), result.failed(),
        result.mixed());
    assertThat(result.bad()).isEmpty();
    assertThat(result.failed()).isZero();
    assertThat(result.mixed()).isZero();
    assertThat(result.versions()).containsOnlyKeys("v1", "v2");
  }
}
