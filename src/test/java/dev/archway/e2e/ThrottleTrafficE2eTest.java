package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;

/**
 * Throttling under real load from a concurrent client: a bucket that starts full, with rate r and
 * burst b, offered more than r requests a second for t seconds, admits b + r·t within 2 %; and the
 * levels apply in AWS's order; a stage deleted and created again starts with full buckets.
 */
class ThrottleTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();

  /**
   * A bucket idle at full wastes its refill, so a pause of the test's JVM (JIT compilation of the
   * client and server paths on the first run) would cost admissions that no gateway could give.
   * One second of the same load on another API first compiles those paths.
   */
  @BeforeAll
  static void warmUp() {
    ApiGatewayClient aws = server.client();
    KeyedApi api = KeyedApi.create(aws, "warm-up").get("pets", true).deploy("prod");
    String plan = aws.createUsagePlan(r -> r.name("warm-up").throttle(t -> t.rateLimit(100.0).burstLimit(10))
        .apiStages(s -> s.apiId(api.id).stage("prod"))).id();
    offer(server.pathStyle(api.id, "prod", "/pets"), api.keyInPlan(plan), 6, 1);
  }

  private static void offer(URI uri, String apiKey, int concurrency, double seconds) {
    OfferedLoad.offer(KeyedApi.request(uri, apiKey).build(), concurrency, seconds);
  }

  private static void assertAccurate(URI uri, String apiKey, int concurrency, double seconds, double rate, int burst) {
    OfferedLoad.assertAccurate(KeyedApi.request(uri, apiKey).build(), concurrency, seconds, rate, burst);
  }

  private static PatchOperation replace(String path, String value) {
    return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
  }

  @Test
  void stageDefaultMethodThrottleAdmitsBurstPlusRateTimesTime() {
    KeyedApi api = KeyedApi.create(aws, "stage-accuracy").get("open", false).deploy("prod");
    aws.updateStage(r -> r.restApiId(api.id).stageName("prod").patchOperations(
        replace("/*/*/throttling/rateLimit", "50"), replace("/*/*/throttling/burstLimit", "10")));

    assertAccurate(server.pathStyle(api.id, "prod", "/open"), null, 4, 4, 50, 10);
  }

  @Test
  void usagePlanKeyThrottleAdmitsBurstPlusRateTimesTime() {
    KeyedApi api = KeyedApi.create(aws, "plan-accuracy").get("pets", true).deploy("prod");
    String plan = aws.createUsagePlan(r -> r.name("metered").throttle(t -> t.rateLimit(200.0).burstLimit(50))
        .apiStages(s -> s.apiId(api.id).stage("prod"))).id();
    String key = api.keyInPlan(plan);

    assertAccurate(server.pathStyle(api.id, "prod", "/pets"), key, 6, 3, 200, 50);
  }

  @Test
  void usagePlanPerMethodThrottleAdmitsBurstPlusRateTimesTime() {
    KeyedApi api = KeyedApi.create(aws, "method-accuracy").get("pets", true).deploy("prod");
    String plan = aws.createUsagePlan(r -> r.name("per-method").throttle(t -> t.rateLimit(5000.0).burstLimit(5000))
        .apiStages(s -> s.apiId(api.id).stage("prod").throttle(Map.of("/pets/GET",
            ThrottleSettings.builder().rateLimit(120.0).burstLimit(30).build())))).id();
    String key = api.keyInPlan(plan);

    assertAccurate(server.pathStyle(api.id, "prod", "/pets"), key, 4, 3, 120, 30);
  }

  @Test
  void usagePlanPerMethodLimitWinsOverThePlanLimitAndEachKeyHasItsOwnBucket() throws Exception {
    KeyedApi api = KeyedApi.create(aws, "plan-order").get("pets", true).get("toys", true).deploy("prod");
    String plan = aws.createUsagePlan(r -> r.name("layered").throttle(t -> t.rateLimit(0.1).burstLimit(3))
        .apiStages(s -> s.apiId(api.id).stage("prod").throttle(Map.of("/pets/GET",
            ThrottleSettings.builder().rateLimit(0.1).burstLimit(1).build())))).id();
    String alice = api.keyInPlan(plan);
    String bob = api.keyInPlan(plan);
    URI pets = server.pathStyle(api.id, "prod", "/pets");
    URI toys = server.pathStyle(api.id, "prod", "/toys");

    assertThat(statuses(pets, alice, 3)).containsExactly(200, 429, 429); // per-method: burst 1
    assertThat(statuses(toys, alice, 4)).containsExactly(200, 200, 200, 429); // the plan's: burst 3
    assertThat(statuses(pets, bob, 2)).containsExactly(200, 429); // bob's buckets are his own

    HttpResponse<String> throttled = KeyedApi.call(pets, alice);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).hasValue("TooManyRequestsException");
  }

  @Test
  void stageMethodSettingsWinOverTheStageDefaultAndEachMethodHasItsOwnBucket() throws Exception {
    KeyedApi api = KeyedApi.create(aws, "stage-order").get("limited", false).get("open", false).get("other", false)
        .deploy("prod");
    aws.updateStage(r -> r.restApiId(api.id).stageName("prod").patchOperations(
        replace("/*/*/throttling/rateLimit", "0.1"), replace("/*/*/throttling/burstLimit", "3"),
        replace("/~1limited/GET/throttling/rateLimit", "0.1"), replace("/~1limited/GET/throttling/burstLimit", "1")));

    assertThat(statuses(server.pathStyle(api.id, "prod", "/limited"), null, 2)).containsExactly(200, 429);
    assertThat(statuses(server.pathStyle(api.id, "prod", "/open"), null, 4)).containsExactly(200, 200, 200, 429);
    assertThat(statuses(server.pathStyle(api.id, "prod", "/other"), null, 4)).containsExactly(200, 200, 200, 429);
  }

  @Test
  void aStageThrottleAppliesEvenToKeysTheirPlanWouldAdmit() throws Exception {
    KeyedApi api = KeyedApi.create(aws, "plan-then-stage").get("pets", true).deploy("prod");
    String plan = aws.createUsagePlan(r -> r.name("generous").throttle(t -> t.rateLimit(1000.0).burstLimit(1000))
        .apiStages(s -> s.apiId(api.id).stage("prod"))).id();
    String key = api.keyInPlan(plan);
    aws.updateStage(r -> r.restApiId(api.id).stageName("prod").patchOperations(
        replace("/*/*/throttling/rateLimit", "0.1"), replace("/*/*/throttling/burstLimit", "2")));

    assertThat(statuses(server.pathStyle(api.id, "prod", "/pets"), key, 3)).containsExactly(200, 200, 429);
  }

  @Test
  void aStageDeletedAndCreatedAgainStartsWithFullBuckets() throws Exception {
    KeyedApi api = KeyedApi.create(aws, "recreated").get("open", false).deploy("prod");
    PatchOperation[] oneRequest = {replace("/*/*/throttling/rateLimit", "0.1"), replace("/*/*/throttling/burstLimit", "1")};
    aws.updateStage(r -> r.restApiId(api.id).stageName("prod").patchOperations(oneRequest));
    URI open = server.pathStyle(api.id, "prod", "/open");
    assertThat(statuses(open, null, 2)).containsExactly(200, 429);

    String deploymentId = aws.getStage(r -> r.restApiId(api.id).stageName("prod")).deploymentId();
    aws.deleteStage(r -> r.restApiId(api.id).stageName("prod"));
    aws.createStage(r -> r.restApiId(api.id).stageName("prod").deploymentId(deploymentId));
    aws.updateStage(r -> r.restApiId(api.id).stageName("prod").patchOperations(oneRequest));

    assertThat(statuses(open, null, 2)).containsExactly(200, 429);
  }

  private static List<Integer> statuses(URI uri, String key, int calls) throws Exception {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      out.add(KeyedApi.call(uri, key).statusCode());
    }
    return out;
  }
}
