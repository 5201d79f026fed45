package dev.archway.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket against a clock the test moves. */
class TokenBucketTest {
  private final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime may be negative

  private TokenBucket bucket(double rate, int burst) {
    return TokenBucket.of(rate, burst, now::get);
  }

  private int drain(TokenBucket bucket) {
    int admitted = 0;
    while (bucket.tryAcquire()) {
      admitted++;
    }
    return admitted;
  }

  @Test
  void startsFullWithTheBurstAndRefillsAtTheRate() {
    TokenBucket bucket = bucket(10, 5);
    assertThat(drain(bucket)).isEqualTo(5);
    now.addAndGet(100_000_000); // 100 ms: one token at 10/s
    assertThat(drain(bucket)).isEqualTo(1);
    now.addAndGet(50_000_000);
    assertThat(bucket.tryAcquire()).isFalse();
    now.addAndGet(10_000_000_000L); // long idle: never more than the burst
    assertThat(drain(bucket)).isEqualTo(5);
  }

  @Test
  void admitsBurstPlusRateTimesTimeUnderSteadyOverload() {
    for (double rate : new double[] {50, 200, 1000, 0.5}) {
      int burst = 10;
      TokenBucket bucket = bucket(rate, burst);
      int admitted = 0;
      long step = 250_000; // 4,000 requests a second for 4 s: above every rate here
      for (int i = 0; i < 16_000; i++) {
        admitted += bucket.tryAcquire() ? 1 : 0;
        now.addAndGet(step);
      }
      assertThat((double) admitted).as("rate %s", rate).isCloseTo(burst + rate * 4, org.assertj.core.data.Offset.offset(1.0));
    }
  }

  @Test
  void fractionalRatesRefillOverSeveralSeconds() {
    TokenBucket bucket = bucket(0.5, 1);
    assertThat(bucket.tryAcquire()).isTrue();
    now.addAndGet(1_999_000_000);
    assertThat(bucket.tryAcquire()).isFalse();
    now.addAndGet(1_000_000);
    assertThat(bucket.tryAcquire()).isTrue();
  }

  @Test
  void zeroBurstRefusesEverythingAndZeroRateNeverRefills() {
    assertThat(bucket(100, 0).tryAcquire()).isFalse();
    TokenBucket noRefill = bucket(0, 3);
    assertThat(drain(noRefill)).isEqualTo(3);
    now.addAndGet(3_600_000_000_000L);
    assertThat(noRefill.tryAcquire()).isFalse();
  }

  @Test
  void hugeLimitsDoNotOverflow() {
    TokenBucket bucket = bucket(1e-9, Integer.MAX_VALUE);
    assertThat(bucket.tryAcquire()).isTrue();
    TokenBucket fast = bucket(1e12, 1);
    assertThat(fast.tryAcquire()).isTrue();
    now.addAndGet(1);
    assertThat(fast.tryAcquire()).isTrue();
  }

  @Test
  void refusesNonsenseLimitsNamingTheValue() {
    assertThatThrownBy(() -> bucket(-1, 1)).hasMessage("throttle rateLimit: -1.0 (expected: a finite number >= 0)");
    assertThatThrownBy(() -> bucket(Double.NaN, 1)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> bucket(1, -1)).hasMessage("throttle burstLimit: -1 (expected: >= 0)");
  }

  @Test
  void concurrentCallersNeverTakeMoreThanTheBucketHolds() throws InterruptedException {
    TokenBucket bucket = bucket(1, 10_000); // the clock stands still: exactly the burst is available
    AtomicInteger admitted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[8];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < 5_000; i++) {
          if (bucket.tryAcquire()) {
            admitted.incrementAndGet();
          }
        }
      });
      threads[t].start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(admitted.get()).isEqualTo(10_000);
  }

  @Test
  void localBucketsKeepTheirTokensWhileTheLimitIsTheSame() {
    LocalBuckets buckets = new LocalBuckets(now::get);
    RateLimiter first = buckets.bucket("stage/a/prod/*/*", 1, 2);
    assertThat(buckets.bucket("stage/a/prod/*/*", 1, 2)).isSameAs(first);
    RateLimiter changed = buckets.bucket("stage/a/prod/*/*", 1, 3);
    assertThat(changed).isNotSameAs(first);
    buckets.retain("stage/", java.util.Set.of());
    assertThat(buckets.bucket("stage/a/prod/*/*", 1, 3)).isNotSameAs(changed);
    assertThat(first).hasToString("TokenBucket(rate=1.0/s, burst=2)");
  }
}
