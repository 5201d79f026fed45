package dev.archway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.model.v2.Stage;
import dev.archway.model.v2.Stage.RouteSettings;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.LocalBuckets;
import dev.archway.traffic.RateLimiter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which limit each HTTP API route gets, and that recompiling finds the same bucket while the limit holds. */
class HttpApiThrottlesTest {
  private final HttpApiThrottles throttles = new HttpApiThrottles(new LiveAccess(), new LocalBuckets(() -> 0L));

  private static RouteSettings limit(Integer burst, Double rate) {
    return new RouteSettings(false, false, null, burst, rate);
  }

  private static Stage stage(RouteSettings defaults, Map<String, RouteSettings> routes) {
    return new Stage(null, null, false, null, null, defaults, "d1", null, null, null, routes, "prod", Map.of(), Map.of());
  }

  private static int drain(RateLimiter bucket) {
    int n = 0;
    while (bucket.tryAcquire()) {
      n++;
    }
    return n;
  }

  @Test
  void aRoutesOwnSettingsWinOverTheStageDefaultsFieldByField() {
    Stage stage = stage(limit(5, 100.0), Map.of("GET /pets", limit(2, null), "GET /toys", limit(null, null)));

    assertThat(throttles.routeLimit("a1", stage, "GET /pets")).hasToString("TokenBucket(rate=100.0/s, burst=2)");
    assertThat(throttles.routeLimit("a1", stage, "GET /toys")).hasToString("TokenBucket(rate=100.0/s, burst=5)");
    assertThat(throttles.routeLimit("a1", stage, "$default")).hasToString("TokenBucket(rate=100.0/s, burst=5)");
  }

  @Test
  void withoutBothNumbersARouteHasNoStageLimitButStillTheAccountStep() {
    Stage stage = stage(limit(5, null), Map.of("GET /pets", limit(3, 1.0)));

    Set<String> bucketsUsed = new HashSet<>();

    assertThat(throttles.routeLimit("a1", stage, "GET /open")).isNull();
    assertThat(throttles.step("a1", stage, "GET /open", bucketsUsed)).hasToString("Throttle(GET /open)");
    assertThat(throttles.step("a1", stage, "GET /pets", bucketsUsed))
        .hasToString("Throttle(GET /pets, stage TokenBucket(rate=1.0/s, burst=3))");
    assertThat(throttles.routeLimit("a1", stage(null, null), "GET /pets")).isNull();
    assertThat(bucketsUsed).containsExactly("route/a1/prod/GET /pets");
  }

  @Test
  void eachRouteHasItsOwnBucketAndARecompileKeepsItsTokensUntilTheLimitChanges() {
    Stage stage = stage(limit(3, 1.0), Map.of());
    RateLimiter pets = throttles.routeLimit("a1", stage, "GET /pets");
    assertThat(drain(pets)).isEqualTo(3);

    assertThat(drain(throttles.routeLimit("a1", stage, "GET /toys"))).as("another route").isEqualTo(3);
    assertThat(drain(throttles.routeLimit("a2", stage, "GET /pets"))).as("another API").isEqualTo(3);
    assertThat(throttles.routeLimit("a1", stage, "GET /pets")).as("recompiled").isSameAs(pets);
    RateLimiter changed = throttles.routeLimit("a1", stage(limit(4, 1.0), Map.of()), "GET /pets");
    assertThat(changed).isNotSameAs(pets);
    assertThat(drain(changed)).as("a new limit starts full").isEqualTo(4);
  }

  @Test
  void noAccessRulesCompileNoStep() {
    assertThat(HttpApiThrottles.NONE.step("a1", stage(limit(1, 1.0), Map.of()), "GET /pets", new HashSet<>())).isNull();
  }
}
