package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.V2Clients;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.RouteSettings;

/**
 * HTTP API throttling through the apigatewayv2 SDK and real clients: a route's own settings win
 * over the stage's default route settings, each route has its own bucket, a route the stage does
 * not limit is not limited, b + r·t accuracy under concurrent load, and stage updates apply
 * without a redeploy while untouched routes keep their spent buckets, and a stage deleted and
 * created again starts with full ones.
 */
class HttpApiThrottleE2eTest {
  @RegisterExtension static final EchoBackend echo = new EchoBackend();
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static ApiGatewayV2Client v2;

  /** Compiles the client and server paths first (see ThrottleTrafficE2eTest): a pause costs refill no gateway can give. */
  @BeforeAll
  static void warmUp() {
    v2 = V2Clients.of(server);
    String apiId = api("warm-up", "GET /pets");
    stage(apiId, limit(10, 100.0), Map.of());
    OfferedLoad.offer(request(apiId, "/pets"), 6, 1);
  }

  /** An HTTP API whose routes proxy to the echo backend, deployed once (no auto-deploy). */
  private static String api(String name, String... routeKeys) {
    String apiId = v2.createApi(r -> r.name(name).protocolType(ProtocolType.HTTP)).apiId();
    String target = "integrations/" + v2.createIntegration(r -> r.apiId(apiId).integrationType(IntegrationType.HTTP_PROXY)
        .integrationMethod("ANY").integrationUri(echo.url() + "/echo").payloadFormatVersion("1.0")).integrationId();
    for (String key : routeKeys) {
      v2.createRoute(r -> r.apiId(apiId).routeKey(key).target(target));
    }
    return apiId;
  }

  private static void stage(String apiId, RouteSettings defaults, Map<String, RouteSettings> routes) {
    String deploymentId = v2.createDeployment(r -> r.apiId(apiId)).deploymentId();
    v2.createStage(r -> r.apiId(apiId).stageName("prod").deploymentId(deploymentId)
        .defaultRouteSettings(defaults).routeSettings(routes));
  }

  private static RouteSettings limit(int burst, double rate) {
    return RouteSettings.builder().throttlingBurstLimit(burst).throttlingRateLimit(rate).build();
  }

  private static HttpRequest request(String apiId, String path) {
    return HttpRequest.newBuilder(server.pathStyle(apiId, "prod", path)).GET().build();
  }

  private static HttpResponse<String> call(String apiId, String path) throws Exception {
    return KeyedApi.HTTP.send(request(apiId, path), HttpResponse.BodyHandlers.ofString());
  }

  private static List<Integer> statuses(String apiId, String path, int calls) throws Exception {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      out.add(call(apiId, path).statusCode());
    }
    return out;
  }

  @Test
  void aRoutesOwnSettingsWinOverTheStageDefaultAndEachRouteHasItsOwnBucket() throws Exception {
    String apiId = api("route-order", "GET /limited", "GET /open", "GET /other");
    stage(apiId, limit(3, 0.1), Map.of("GET /limited", limit(1, 0.1)));

    assertThat(statuses(apiId, "/limited", 2)).containsExactly(200, 429);
    assertThat(statuses(apiId, "/open", 4)).containsExactly(200, 200, 200, 429);
    assertThat(statuses(apiId, "/other", 4)).containsExactly(200, 200, 200, 429);

    HttpResponse<String> throttled = call(apiId, "/limited");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(throttled.headers().firstValue("apigw-requestid")).isPresent();
    assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).as("HTTP APIs send no error type").isEmpty();
  }

  @Test
  void aRouteWithoutSettingsIsNotLimitedByTheStageAndTheDefaultRouteHasItsOwnKey() throws Exception {
    String apiId = api("unlimited", "GET /limited", "GET /open", "$default");
    stage(apiId, RouteSettings.builder().detailedMetricsEnabled(false).build(),
        Map.of("GET /limited", limit(1, 0.1), "$default", limit(2, 0.1)));

    assertThat(statuses(apiId, "/open", 25)).containsOnly(200);
    assertThat(statuses(apiId, "/limited", 2)).containsExactly(200, 429);
    assertThat(statuses(apiId, "/anything/else", 3)).as("the $default route").containsExactly(200, 200, 429);
  }

  @Test
  void defaultRouteSettingsAdmitBurstPlusRateTimesTime() {
    String apiId = api("accuracy", "GET /pets");
    stage(apiId, limit(10, 50), Map.of());

    OfferedLoad.assertAccurate(request(apiId, "/pets"), 4, 4, 50, 10);
  }

  @Test
  void stageUpdatesApplyWithoutARedeployAndUntouchedRoutesKeepTheirBuckets() throws Exception {
    String apiId = api("updated", "GET /pets", "GET /toys");
    stage(apiId, null, Map.of());
    assertThat(statuses(apiId, "/pets", 5)).containsOnly(200);

    v2.updateStage(r -> r.apiId(apiId).stageName("prod").routeSettings(Map.of("GET /pets", limit(1, 0.1))));
    await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(call(apiId, "/pets").statusCode()).isEqualTo(429));
    assertThat(call(apiId, "/toys").statusCode()).isEqualTo(200);

    // Another route's limit changes: the stage is recompiled, /pets keeps its spent bucket.
    v2.updateStage(r -> r.apiId(apiId).stageName("prod")
        .routeSettings(Map.of("GET /pets", limit(1, 0.1), "GET /toys", limit(1, 0.1))));
    await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(call(apiId, "/toys").statusCode()).isEqualTo(429));
    assertThat(call(apiId, "/pets").statusCode()).isEqualTo(429);

    v2.deleteRouteSettings(r -> r.apiId(apiId).stageName("prod").routeKey("GET /pets"));
    await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(statuses(apiId, "/pets", 3)).containsOnly(200));
  }

  @Test
  void aStageDeletedAndCreatedAgainStartsWithFullBuckets() throws Exception {
    String apiId = api("recreated", "GET /pets");
    stage(apiId, null, Map.of("GET /pets", limit(1, 0.1)));
    assertThat(statuses(apiId, "/pets", 2)).containsExactly(200, 429);

    v2.deleteStage(r -> r.apiId(apiId).stageName("prod"));
    stage(apiId, null, Map.of("GET /pets", limit(1, 0.1)));

    assertThat(statuses(apiId, "/pets", 2)).containsExactly(200, 429);
  }
}
