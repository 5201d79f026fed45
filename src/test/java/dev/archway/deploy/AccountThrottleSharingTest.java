package dev.archway.deploy;

import static dev.archway.testing.RestFixtures.restApi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.model.ThrottleSettings;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Stage;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.GatewayResponse;
import dev.archway.runtime.MethodRequest;
import dev.archway.runtime.Step;
import dev.archway.runtime.ThrottleStep;
import dev.archway.store.Kind;
import dev.archway.store.JdbcStore;
import dev.archway.store.V2Kinds;
import dev.archway.traffic.AccessRules;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.LocalBuckets;
import dev.archway.traffic.QuotaLedger;
import dev.archway.traffic.StoreQuotaCounters;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account throttle covers REST and HTTP APIs of one account and region together, as on AWS.
 * AWS offers no way to lower it through the API (it is a service quota); Archway takes it from the
 * server setting {@code --account-throttle}. This test loads the rules from a real store with a low
 * one, as the server does, and spends tokens through the steps each kind of API compiles.
 */
class AccountThrottleSharingTest {
  private static final String SCOPE = "123456789012:us-east-1";

  @TempDir Path dataDir;
  private JdbcStore store;
  private final LocalBuckets buckets = new LocalBuckets(() -> 0L);

  @BeforeEach
  void open() {
    store = JdbcStore.sqlite(dataDir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static HttpApi httpApi(String id) {
    return new HttpApi(null, false, id, "$request.header.x-api-key", null, "2024-01-01T00:00:00Z", null, false, false,
        "ipv4", "http", HttpApi.HTTP, "$request.method $request.path", Map.of(), null, List.of());
  }

  private AccessRules load() {
    return new AccessRulesLoader(store, buckets, new QuotaLedger(new StoreQuotaCounters(store), Clock.systemUTC()),
        new ThrottleSettings(3, 0.0)).load();
  }

  private static String outcome(Step step) {
    Exchange exchange = new Exchange("req-1", null, new MethodRequest("GET", "/pets", Map.of(), null,
        MultiMap.caseInsensitiveMultiMap(), MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()));
    Future<Void> result = step.apply(exchange);
    if (result.succeeded()) {
      return "passed";
    }
    return result.cause() instanceof GatewayResponse.Failure f ? f.response().type() : result.cause().toString();
  }

  @Test
  void restAndHttpApisOfOneAccountAndRegionSpendOneAccountBucket() {
    store.write(docs -> {
      docs.put(Kind.REST_API, SCOPE, "rest1", restApi("rest1"));
      docs.put(V2Kinds.API, SCOPE, "http1", httpApi("http1"));
      docs.put(V2Kinds.API, "210987654321:us-east-1", "http2", httpApi("http2"));
      return null;
    });
    AccessRules rules = load();
    assertThat(rules.accountLimit("http1")).isSameAs(rules.accountLimit("rest1"));
    assertThat(rules.accountLimit("http2")).as("another account: a bucket of its own").isNotSameAs(rules.accountLimit("rest1"))
        .hasToString("TokenBucket(rate=0.0/s, burst=3)");

    LiveAccess live = new LiveAccess();
    live.publish(rules);
    Stage stage = new Stage(null, null, false, null, null, null, "d1", null, null, null, Map.of(), "prod", Map.of(), Map.of());
    Step http = new HttpApiThrottles(live, buckets).step("http1", stage, "GET /pets", new HashSet<>());
    Step rest = new ThrottleStep(live, "rest1", "/pets/GET", null);
    assertThat(List.of(outcome(http), outcome(rest), outcome(http), outcome(rest)))
        .containsExactly("passed", "passed", "passed", "THROTTLED");
    assertThat(outcome(http)).isEqualTo("THROTTLED");

    live.publish(load());
    assertThat(outcome(http)).as("a reload keeps the spent bucket").isEqualTo("THROTTLED");
  }
}
