package dev.archway.cluster;

import dev.archway.config.ClusterSettings;
import dev.archway.control.NodeStatus;
import dev.archway.store.JdbcStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * This node among the others that share its store: membership and reachability. One node alone
 * (the embedded store) has none of it.
 */
public final class ClusterNode implements AutoCloseable {
  private final ClusterSettings settings;
  private final JdbcStore store;
  private final Membership membership;

  private ClusterNode(ClusterSettings settings, JdbcStore store, Membership membership) {
    this.settings = settings;
    this.store = store;
    this.membership = membership;
  }

  /** @param address where this node's listeners are, as the other nodes and operators see it */
  public static ClusterNode start(Vertx vertx, ClusterSettings settings, JdbcStore store, Supplier<String> address) {
    Membership membership = null;
    if (store.shared()) {
      membership = new Membership(vertx, store, settings.nodeId(), address, Clock.systemUTC());
      membership.start();
    }
    return new ClusterNode(settings, store, membership);
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
    }
  }

  @Override
  public String toString() {
    return "ClusterNode(" + settings.nodeId() + ", " + store + (membership == null ? "" : ", " + membership) + ")";
  }
}
