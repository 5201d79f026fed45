package dev.archway.e2e;

import java.time.Duration;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load from a concurrent real client (the JDK HttpClient) against one throttled URL, for the
 * accuracy target of AWS-BEHAVIOUR C.2: a bucket that starts full, with rate r and burst b,
 * offered more than r requests a second for t seconds, admits b + r·t within 2 %.
 */
final class OfferedLoad {
  private OfferedLoad() {}

  /**
   * What a load run saw: answers by status, how long requests were offered, and how long the
   * client itself stopped offering them for longer than a full bucket lasts (a pause of this
   * shared machine), time in which no gateway could have spent its refill.
   */
  record Result(int ok, int throttled, int other, double seconds, double idleSeconds) {}

  /** Keeps {@code concurrency} copies of {@code request} in flight for {@code seconds}, counting answers by status. */
  static Result offer(HttpRequest request, int concurrency, double seconds) {
    return offer(request, concurrency, seconds, Double.MAX_VALUE);
  }

  /** @param fullAfter seconds in which an idle bucket refills completely (burst / rate) */
  static Result offer(HttpRequest request, int concurrency, double seconds, double fullAfter) {
    openConnections(request, concurrency);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger throttled = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    Sends sends = new Sends(start, (long) Math.min(fullAfter * 1e9, Long.MAX_VALUE / 2));
    List<CompletableFuture<Void>> loops = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      loops.add(loop(request, deadline, sends, ok, throttled, other));
    }
    CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
    return new Result(ok.get(), throttled.get(), other.get(), (sends.last - start) / 1e9, sends.idle / 1e9);
  }

  /**
   * Runs the load and checks admitted == b + r·t within 2 % (t less any time the client stalled).
   * A pause of the machine that hosts both the client and the gateway (GC, another process on
   * these two cores) longer than a bucket takes to fill can only lose refill, never add tokens:
   * so no run may admit more than 2 % over, and at least one of three must land within 2 %.
   */
  static void assertAccurate(HttpRequest request, int concurrency, double seconds, double rate, int burst) {
    List<String> runs = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) {
        // Let the bucket fill up again, so the next run also starts from a full bucket.
        Awaitility.await().pollDelay(Duration.ofMillis((long) (1000 * burst / rate) + 100)).until(() -> true);
      }
      Result load = offer(request, concurrency, seconds, burst / rate);
      double expected = burst + rate * (load.seconds() - load.idleSeconds());
      assertThat(load.other()).isZero();
      assertThat(load.ok() + load.throttled()).as("offered above the rate").isGreaterThan((int) (expected * 1.5));
      assertThat((double) load.ok()).as("admitted of %s, expected %s", load, expected).isLessThanOrEqualTo(expected * 1.02);
      if (Math.abs(load.ok() - expected) <= expected * 0.02) {
        return;
      }
      runs.add(load + " expected " + expected);
    }
    throw new AssertionError("no run admitted b + r·t within 2 %: " + runs);
  }

  /**
   * Opens the client's connections first (an unknown path takes no token), so the load starts at
   * full speed and its duration is measured from the first request that can take a token.
   */
  private static void openConnections(HttpRequest request, int concurrency) {
    HttpRequest unknown = HttpRequest.newBuilder(request.uri().resolve("/warm-up")).GET().build();
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      calls.add(KeyedApi.HTTP.sendAsync(unknown, HttpResponse.BodyHandlers.discarding()));
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

  private static CompletableFuture<Void> loop(HttpRequest request, long deadline, Sends sends,
      AtomicInteger ok, AtomicInteger throttled, AtomicInteger other) {
    long now = System.nanoTime();
    if (now >= deadline) {
      return CompletableFuture.completedFuture(null);
    }
    sends.sent(now);
    return KeyedApi.HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenCompose(response -> {
          switch (response.statusCode()) {
            case 200 -> ok.incrementAndGet();
            case 429 -> throttled.incrementAndGet();
            default -> other.incrementAndGet();
          }
          return loop(request, deadline, sends, ok, throttled, other);
        });
  }
}
