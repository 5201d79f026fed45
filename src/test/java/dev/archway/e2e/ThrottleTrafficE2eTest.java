package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archway.testing.ArchwayServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
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
 * levels apply in AWS's order.
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

  /**
   * What a load run saw: answers by status, how long requests were offered, and how long the
   * client itself stopped offering them for longer than a full bucket lasts (a pause of this
   * shared machine), time in which no gateway could have spent its refill.
   */
  private record Load(int ok, int throttled, int other, double seconds, double idleSeconds) {}

  /** Keeps {@code concurrency} requests in flight for {@code seconds}, counting answers by status. */
  private static Load offer(URI uri, String apiKey, int concurrency, double seconds) {
    return offer(uri, apiKey, concurrency, seconds, Double.MAX_VALUE);
  }

  /** @param fullAfter seconds in which an idle bucket refills completely (burst / rate) */
  private static Load offer(URI uri, String apiKey, int concurrency, double seconds, double fullAfter) {
    warmUp(uri.resolve("/warm-up"), concurrency);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger throttled = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    Sends sends = new Sends(start, (long) Math.min(fullAfter * 1e9, Long.MAX_VALUE / 2));
    List<CompletableFuture<Void>> loops = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      loops.add(loop(uri, apiKey, deadline, sends, ok, throttled, other));
    }
    CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
    return new Load(ok.get(), throttled.get(), other.get(), (sends.last - start) / 1e9, sends.idle / 1e9);
  }

  /**
   * Opens the client's connections first (an unknown path takes no token), so the load starts at
   * full speed and its duration is measured from the first request that can take a token.
   */
  private static void warmUp(URI unknown, int concurrency) {
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      calls.add(KeyedApi.HTTP.sendAsync(KeyedApi.request(unknown, null).build(), HttpResponse.BodyHandlers.discarding()));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
  }

  /** When requests were sent: the last one, and the pauses between two longer than a bucket takes to fill. */
  private static final class Sends {
    private final long fullAfterNanos;
    long last;
    long idle;

    Sends(long start, long fullAfterNanos) {
      this.last = start;
      this.fullAfterNanos = fullAfterNanos;
    }

    synchronized void sent(long now) {
      if (now - last > fullAfterNanos) {
        idle += now - last - fullAfterNanos;
      }
      last = Math.max(last, now);
    }
  }

  private static CompletableFuture<Void> loop(URI uri, String apiKey, long deadline, Sends sends,
      AtomicInteger ok, AtomicInteger throttled, AtomicInteger other) {
    long now = System.nanoTime();
    if (now >= deadline) {
      return CompletableFuture.completedFuture(null);
    }
    sends.sent(now);
    return KeyedApi.HTTP.sendAsync(KeyedApi.request(uri, apiKey).build(), HttpResponse.BodyHandlers.discarding())
        .thenCompose(response -> {
          switch (response.statusCode()) {
            case 200 -> ok.incrementAndGet();
            case 429 -> throttled.incrementAndGet();
            default -> other.incrementAndGet();
          }
          return loop(uri, apiKey, deadline, sends, ok, throttled, other);
        });
  }

  /** Runs the load and checks admitted == b + r·t within 2 % (t less any time the client stalled). */
  private static void assertAccurate(URI uri, String apiKey, int concurrency, double seconds, double rate, int burst) {
    Load load = offer(uri, apiKey, concurrency, seconds, burst / rate);
    double expected = burst + rate * (load.seconds() - load.idleSeconds());
    assertThat(load.other()).isZero();
    assertThat(load.ok() + load.throttled()).as("offered above the rate").isGreaterThan((int) (expected * 1.5));
    assertThat((double) load.ok()).as("admitted of %s, expected %s", load, expected).isCloseTo(expected, within(expected * 0.02));
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

  private static List<Integer> statuses(URI uri, String key, int calls) throws Exception {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      out.add(KeyedApi.call(uri, key).statusCode());
    }
    return out;
  }
}
