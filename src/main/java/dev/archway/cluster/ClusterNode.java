package dev.archway.cluster;

import dev.archway.config.ClusterSettings;
import dev.archway.control.NodeStatus;
import dev.archway.store.JdbcStore;
import dev.archway.store.Store;
import dev.archway.store.StoreException;
import io.vertx.core.Vertx;
import java.nio.file.Path;
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

  private ClusterNode(ClusterSettings settings, JdbcStore store, Membership membership, LastKnownConfig configuration) {
    this.settings = settings;
    this.store = store;
    this.membership = membership;
    this.configuration = configuration;
  }

  /**
   * @param dataDir where the snapshot of a shared store is kept
   * @param address where this node's listeners are, as the other nodes and operators see it
   * @throws StoreException when the shared store cannot be reached and there is no whole snapshot to serve
   */
  public static ClusterNode start(Vertx vertx, ClusterSettings settings, JdbcStore store, Path dataDir,
      Supplier<String> address) {
    if (!store.shared()) {
      return new ClusterNode(settings, store, null, null);
    }
    LastKnownConfig configuration = new LastKnownConfig(vertx, store, LastKnownConfig.file(dataDir));
    configuration.start();
    Membership membership = new Membership(vertx, store, settings.nodeId(), address, Clock.systemUTC());
    membership.start();
    return new ClusterNode(settings, store, membership, configuration);
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
    return new NodeStatus(settings.nodeId(), store.reachable(), null, membership.nodes());
  }

  @Override
  public void close() {
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
