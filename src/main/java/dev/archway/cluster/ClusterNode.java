package dev.archway.cluster;

import dev.archway.auth.lambda.AuthorizerCache;
import dev.archway.auth.lambda.LocalAuthorizerCache;
import dev.archway.cache.StageCaches;
import dev.archway.cloudwatch.metrics.MetricSink;
import dev.archway.config.ClusterSettings;
import dev.archway.control.NodeStatus;
import dev.archway.store.JdbcStore;
import dev.archway.store.Store;
import dev.archway.traffic.Buckets;
import dev.archway.traffic.LocalBuckets;
import dev.archway.traffic.SharedQuotas;
import dev.archway.websocket.Connections;
import dev.archway.websocket.LocalConnections;
import dev.archway.store.StoreException;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * This node among the others that share its store: membership, reachability, and the last known
 * configuration it serves while the store is away. One node alone (the embedded store) has none of it.
 */
public final class ClusterNode implements AutoCloseable {
  private final ClusterSettings settings;
  private final JdbcStore store;
  private final Membership membership;
  private final LastKnownConfig configuration;
  private final SharedRedis redis;
  private final Buckets buckets;
  private final Connections connections;

  private ClusterNode(ClusterSettings settings, JdbcStore store, Membership membership, LastKnownConfig configuration,
      SharedRedis redis) {
    this.settings = settings;
    this.store = store;
    this.membership = membership;
    this.configuration = configuration;
    this.redis = redis;
    this.buckets = redis == null ? new LocalBuckets() : new SharedBuckets(redis, membership);
    this.connections = redis == null ? new LocalConnections() : new RedisConnections(redis, settings.nodeId());
  }

  /**
   * @param dataDir where the snapshot of a shared store is kept
   * @param address where this node's listeners are, as the other nodes and operators see it
   * @throws StoreException when the shared store cannot be reached and there is no whole snapshot to serve
   */
  public static ClusterNode start(Vertx vertx, ClusterSettings settings, JdbcStore store, Path dataDir,
      Supplier<String> address) {
    if (!store.shared()) {
      return new ClusterNode(settings, store, null, null, null);
    }
    LastKnownConfig configuration = new LastKnownConfig(vertx, store, LastKnownConfig.file(dataDir));
    configuration.start();
    Membership membership = new Membership(vertx, store, settings.nodeId(), address, Clock.systemUTC());
    membership.start();
    SharedRedis redis = settings.redis() == null ? null : SharedRedis.start(vertx, settings.redis(), membership);
    return new ClusterNode(settings, store, membership, configuration, redis);
  }

  /** Where token buckets live: this node's memory, or Redis for every node. */
  public Buckets buckets() {
    return buckets;
  }

  /** The quota counters shared with other nodes (Redis), or null: each node counts alone. */
  public SharedQuotas quotas() {
    return redis == null ? null : new RedisQuotas(redis);
  }

  /** Counts each Redis outage as the metric {@code Archway/Cluster RedisUnavailable} (dimension {@code Node}). */
  public void recordOutages(MetricSink sink, String accountId, String region) {
    if (redis != null) {
      redis.onLost(() -> sink.record(accountId, region, "Archway/Cluster", "RedisUnavailable",
          Map.of("Node", settings.nodeId()), "Count", 1));
    }
  }

  /** The REST stage response caches: in this node's memory, or in Redis for every node. */
  public StageCaches responseCaches() {
    return redis == null ? StageCaches.local()
        : new StageCaches((stage, bytes) -> new RedisResponseCache(redis, stage), Long.MAX_VALUE);
  }

  /** Lambda authorizer results: in this node's memory, or in Redis for every node (written and read by {@code codec}). */
  public <V> AuthorizerCache<V> authorizerCache(AuthorizerCache.Codec<V> codec) {
    return redis == null ? new LocalAuthorizerCache<>() : new RedisAuthorizerCache<>(redis, codec);
  }

  /** The WebSocket connections: this node's, or every node's through Redis. */
  public Connections connections() {
    return connections;
  }

  /**
   * The store the data plane reads its configuration from: the store itself for a node alone; the
   * shared store, or its last snapshot while it is away, for one of many.
   */
  public Store configuration() {
    return configuration == null ? store : configuration;
  }

  /** What {@code /health/ready} says of this node among the others; null for a node alone. */
  public NodeStatus status() {
    if (membership == null) {
      return null;
    }
    return new NodeStatus(settings.nodeId(), store.reachable(), redis == null ? null : redis.up(), membership.nodes());
  }

  @Override
  public void close() {
    if (connections instanceof RedisConnections shared) {
      shared.close();
    }
    if (redis != null) {
      redis.close();
    }
    if (membership != null) {
      membership.close();
      configuration.close();
    }
  }

  @Override
  public String toString() {
    return "ClusterNode(" + settings.nodeId() + ", " + store + (membership == null ? "" : ", " + membership) + ")";
  }
}
