package dev.archway.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * As many requests as the machine allows (64 keep-alive connections from a Vert.x client on an
 * event loop of its own) to one URL while something switches what serves it: every answer is
 * classified by {@code version}, which names the version it is entirely (e.g. {@code "v1"}) or
 * returns null for a mixed or failed answer.
 */
final class SwitchingLoad implements AutoCloseable {
  /**
   * What a run saw: answers by version; failed ones (no answer, or not a 200) and mixed ones (a 200
   * that is not entirely one version), a few of them kept; the requests answered since
   * {@link #measureFromNow()} and in how many seconds.
   */
  record Result(Map<String, Long> versions, long failed, long mixed, List<String> bad, long requests, double seconds) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private static final int CONNECTIONS = 64;
  private static final String MIXED = "not one version: ";
  private static final String FAILED = "failed: ";

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpClientAgent client = vertx.createHttpClient(
      new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
      new PoolOptions().setHttp1MaxSize(CONNECTIONS));
  private final RequestOptions request;
  private final BiFunction<HttpClientResponse, String, String> version;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong mixed = new AtomicLong();
  private final List<String> bad = new CopyOnWriteArrayList<>();
  private final CountDownLatch lanes = new CountDownLatch(CONNECTIONS);
  private final AtomicLong answered = new AtomicLong();
  private volatile long started;
  private volatile long baseline;

  /** @param version the version an answer (response, body) is entirely, or null when it is not one */
  SwitchingLoad(int port, String host, String path, BiFunction<HttpClientResponse, String, String> version) {
    this.request = new RequestOptions().setHost("127.0.0.1").setPort(port).setURI(path).putHeader("Host", host);
    this.version = version;
  }

  /** Starts the load; it runs until {@link #stop()}. */
  SwitchingLoad start() {
    started = System.nanoTime();
    for (int i = 0; i < CONNECTIONS; i++) {
      vertx.runOnContext(v -> lane());
    }
    return this;
  }

  /** Answers received so far. */
  long answered() {
    return answered.get();
  }

  /** The rate is measured from now (after a warm-up); every answer still counts in versions, failed and mixed. */
  void measureFromNow() {
    baseline = answered.get();
    started = System.nanoTime();
  }

  /** Stops offering requests, waits for the ones in flight, and says what was seen since the start or restart. */
  Result stop() throws InterruptedException {
    running.set(false);
    if (!lanes.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("requests still in flight a minute after the load stopped");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Long> versions = new java.util.TreeMap<>();
    seen.forEach((name, count) -> versions.put(name, count.get()));
    return new Result(versions, failed.get(), mixed.get(), List.copyOf(bad), answered.get() - baseline, seconds);
  }

  private void lane() {
    if (!running.get()) {
      lanes.countDown();
      return;
    }
    client.request(request)
        .compose(req -> req.send().compose(response -> response.body().map(body -> {
          String v = response.statusCode() == 200 ? version.apply(response, body.toString()) : null;
          return v != null ? v : (response.statusCode() == 200 ? MIXED : FAILED) + response.statusCode() + " "
              + response.headers().entries() + " " + body;
        })))
        .onComplete(ar -> {
          answered.incrementAndGet();
          String answer = ar.succeeded() ? ar.result() : FAILED + ar.cause();
          if (!answer.startsWith(MIXED) && !answer.startsWith(FAILED)) {
            seen.computeIfAbsent(answer, k -> new AtomicLong()).incrementAndGet();
            lane();
            return;
          }
          (answer.startsWith(MIXED) ? mixed : failed).incrementAndGet();
          if (bad.size() < 10) {
            bad.add(answer);
          }
          lane();
        });
  }

  @Override
  public void close() {
    client.close().await();
    vertx.close().await();
  }
}
