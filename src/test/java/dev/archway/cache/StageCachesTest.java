package dev.archway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StageCachesTest {
  private static final CachedResponse ANSWER = new CachedResponse(200, List.of(java.util.Map.entry("a", "b")), new byte[10]);

  @Test
  void aStageKeepsItsCacheUntilItsSizeChanges() {
    StageCaches caches = new StageCaches(LocalResponseCache::new, Long.MAX_VALUE);
    ResponseCache first = caches.of("api", "prod", "0.5");
    first.put("k", ANSWER, Duration.ofMinutes(1));
    assertThat(caches.of("api", "prod", null)).isSameAs(first);
    assertThat(caches.of("api", "prod", "1.6")).isNotSameAs(first);
    assertThat(caches.of("api", "prod", "1.6").get("k").result()).isNull();
  }

  @Test
  void flushAndRetainForgetAnswers() {
    StageCaches caches = new StageCaches(LocalResponseCache::new, Long.MAX_VALUE);
    ResponseCache prod = caches.of("api", "prod", "0.5");
    prod.put("k", ANSWER, Duration.ofMinutes(1));
    assertThat(prod.get("k").result()).isSameAs(ANSWER);
    caches.flush("api", "prod");
    assertThat(prod.get("k").result()).isNull();
    assertThat(caches.flush("api", "none").succeeded()).isTrue();

    ResponseCache dev = caches.of("api", "dev", "0.5");
    caches.retain("api", Set.of("prod"));
    assertThat(caches.of("api", "prod", "0.5")).isSameAs(prod);
    assertThat(caches.of("api", "dev", "0.5")).isNotSameAs(dev);
  }

  @Test
  void aCacheHoldsAtMostItsBytes() {
    LocalResponseCache small = new LocalResponseCache(10_000);
    CachedResponse kilobyte = new CachedResponse(200, List.of(), new byte[1000]);
    for (int i = 0; i < 100; i++) {
      small.put("k" + i, kilobyte, Duration.ofMinutes(1));
    }
    // Caffeine evicts in the background, soon after the writes.
    org.awaitility.Awaitility.await().until(() ->
        java.util.stream.IntStream.range(0, 100).filter(i -> small.get("k" + i).result() != null).count() <= 10);
  }

  @Test
  void sizesAreGibibytesAndTheHeapBoundsThem() {
    assertThat(StageCaches.bytes("0.5")).isEqualTo(512L * 1024 * 1024);
    assertThat(StageCaches.bytes(null)).isEqualTo(512L * 1024 * 1024);
    assertThat(StageCaches.bytes("237")).isEqualTo(237L * 1024 * 1024 * 1024);
    long[] made = new long[1];
    new StageCaches(bytes -> {
      made[0] = bytes;
      return new LocalResponseCache(bytes);
    }, 1_000_000).of("api", "prod", "0.5");
    assertThat(made[0]).isEqualTo(1_000_000);
  }
}
