package dev.archway.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis the nodes share, through the Vert.x client on the event loops (nothing here blocks).
 * It pings every half second; while Redis does not answer, {@link #up()} is false and every
 * shared part (limits, quotas, WebSocket delivery) works without it rather than wait for
 * it. One log line when it goes and one when it is back; the outages are counted.
 */
public final class SharedRedis implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);
  static final long PING_MILLIS = 500;
  /** A command not answered within this is failed (and Redis taken for down), so no request waits longer. */
  static final long TIMEOUT_MILLIS = 1000;

  private final Vertx vertx;
  private final Redis client;
  private final String url;
  private final Membership membership;
  private final AtomicLong outages = new AtomicLong();
  private final long timer;
  private volatile boolean up;
  private volatile boolean everUp;
  private volatile Runnable lost = () -> {};

  private SharedRedis(Vertx vertx, String url, Membership membership) {
    this.vertx = vertx;
    this.url = dev.archway.config.ClusterSettings.redacted(url);
    this.membership = membership;
    this.client = Redis.createClient(vertx, new RedisOptions().setConnectionString(url).setMaxPoolSize(16)
        .setMaxPoolWaiting(10_000).setMaxWaitingHandlers(100_000));
    this.timer = vertx.setPeriodic(PING_MILLIS, id -> ping());
  }

  /** Connects to {@code url}; a Redis that does not answer yet is waited for in the background. */
  public static SharedRedis start(Vertx vertx, String url, Membership membership) {
    SharedRedis redis = new SharedRedis(vertx, url, membership);
    try {
      redis.ping().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("redis: {} does not answer yet ({}); limits are local until it does", redis.url, e.toString());
    }
    return redis;
  }

  public boolean up() {
    return up;
  }

  /** Times Redis went away since this node started (a metric). */
  public long outages() {
    return outages.get();
  }

  /** Runs {@code listener} (briefly, on an event loop) each time Redis goes away: the outage metric. */
  public void onLost(Runnable listener) {
    this.lost = listener;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** One command; fails at once while Redis is down, and after {@link #TIMEOUT_MILLIS} when it does not answer. */
  public Future<Response> send(Request request) {
    if (!up) {
      return Future.failedFuture("redis is unreachable");
    }
    return client.send(request).timeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).onFailure(this::failed);
  }

  /** A new connection of its own (a subscriber's). */
  Future<io.vertx.redis.client.RedisConnection> connect() {
    return client.connect();
  }

  private Future<Response> ping() {
    return client.send(Request.cmd(Command.PING)).timeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .onSuccess(pong -> {
          if (!up) {
            up = true;
            if (everUp) {
              log.info("redis: {} is reachable again; limits, quotas and WebSocket connections are shared again", url);
            }
            everUp = true;
          }
        })
        .onFailure(this::failed);
  }

  private void failed(Throwable cause) {
    if (cause instanceof Response) {
      return; // an error reply (NOSCRIPT, a wrong type): Redis answered
    }
    if (up) {
      up = false;
      outages.incrementAndGet();
      log.warn("redis: {} unreachable ({}); throttles fall back to local buckets at rate/{} (the nodes last seen),"
          + " quotas count locally, @connections reaches only this node's connections, until it is back", url, cause.getMessage(), membership.size());
      lost.run();
    }
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
    client.close();
  }

  @Override
  public String toString() {
    return "SharedRedis(" + url + ", " + (up ? "up" : "down") + ")";
  }
}
