package dev.archway.runtime;

import static dev.archway.runtime.AccessExchanges.exchange;
import static dev.archway.runtime.AccessExchanges.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.traffic.AccessRules;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.PlanKey;
import dev.archway.traffic.TokenBucket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The throttle step's levels in AWS's order, with buckets on a clock that stands still. */
class ThrottleStepTest {
  private final LiveAccess access = new LiveAccess();

  private static TokenBucket bucket(int burst) {
    return TokenBucket.of(1, burst, () -> 0L);
  }

  private static Exchange withKey(PlanKey key) {
    Exchange exchange = exchange(null);
    exchange.apiKey(key);
    return exchange;
  }

  @Test
  void theAccountLimitAppliesToEveryMethodOfTheAccountsApis() {
    TokenBucket account = bucket(2);
    access.publish(new AccessRules(Map.of(), Map.of("a1", account, "a2", account)));
    ThrottleStep one = new ThrottleStep(access, "a1", "/pets/GET", null);
    ThrottleStep other = new ThrottleStep(access, "a2", "/toys/GET", null);

    assertThat(outcome(one.apply(exchange(null)))).isEqualTo("passed");
    assertThat(outcome(other.apply(exchange(null)))).isEqualTo("passed");
    assertThat(outcome(one.apply(exchange(null)))).isEqualTo("THROTTLED");
  }

  @Test
  void theStageLimitComesBeforeTheAccount() {
    TokenBucket account = bucket(10);
    access.publish(new AccessRules(Map.of(), Map.of("a1", account)));
    ThrottleStep step = new ThrottleStep(access, "a1", "/pets/GET", bucket(1));

    assertThat(outcome(step.apply(exchange(null)))).isEqualTo("passed");
    assertThat(outcome(step.apply(exchange(null)))).isEqualTo("THROTTLED");
    assertThat(drain(account)).as("a request the stage refused took no account token").isEqualTo(9);
  }

  @Test
  void theKeysPlanLimitComesFirstAndItsPerMethodLimitWinsOverThePlans() {
    TokenBucket stage = bucket(10);
    PlanKey key = new PlanKey("k1", "p1", bucket(5), Map.of("/pets/GET", bucket(1)), null);
    ThrottleStep pets = new ThrottleStep(access, "a1", "/pets/GET", stage);
    ThrottleStep toys = new ThrottleStep(access, "a1", "/toys/GET", stage);

    assertThat(outcome(pets.apply(withKey(key)))).isEqualTo("passed");
    assertThat(outcome(pets.apply(withKey(key)))).isEqualTo("THROTTLED");
    assertThat(outcome(toys.apply(withKey(key)))).isEqualTo("passed"); // the plan's bucket of 5
    assertThat(outcome(pets.apply(exchange(null)))).as("no key: no plan limit").isEqualTo("passed");
    assertThat(drain(stage)).isEqualTo(7);
  }

  @Test
  void printsWhatItLimits() {
    assertThat(new ThrottleStep(access, "a1", "/pets/GET", bucket(3)))
        .hasToString("Throttle(/pets/GET, stage TokenBucket(rate=1.0/s, burst=3))");
  }

  private static int drain(TokenBucket bucket) {
    int n = 0;
    while (bucket.tryAcquire()) {
      n++;
    }
    return n;
  }
}
