package dev.archway.auth.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalAuthorizerCacheTest {
  final AtomicLong nanos = new AtomicLong();
  final Ticker ticker = nanos::get;
  final LocalAuthorizerCache<String> cache = new LocalAuthorizerCache<>(ticker);

  static AuthorizerCache.Key key(String stage, String token) {
    return new AuthorizerCache.Key("api", stage, "d1", "auth", List.of(token));
  }

  @Test
  void anEntryLivesForItsTtlAndAZeroTtlKeepsNothing() {
    cache.put(key("prod", "t"), "allow", Duration.ofSeconds(300));
    cache.put(key("prod", "z"), "allow", Duration.ZERO);
    nanos.addAndGet(Duration.ofSeconds(299).toNanos());
    assertThat(cache.get(key("prod", "t")).result()).isEqualTo("allow");
    assertThat(cache.get(key("prod", "z")).result()).isNull();
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(cache.get(key("prod", "t")).result()).isNull();
  }

  @Test
  void flushForgetsOneStageOnly() {
    cache.put(key("prod", "t"), "a", Duration.ofSeconds(60));
    cache.put(key("beta", "t"), "b", Duration.ofSeconds(60));
    cache.flush("api", "prod");
    assertThat(cache.get(key("prod", "t")).result()).isNull();
    assertThat(cache.get(key("beta", "t")).result()).isEqualTo("b");
  }
}
