package dev.archway.cluster;

import dev.archway.store.NodeRows;
import dev.archway.store.Store;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes sharing the store: each writes a heartbeat every two seconds (on a worker thread) and
 * reads back the nodes seen in the last ten. When the store cannot be reached the last membership
 * seen stays, which is what local limits divide by while Redis is also away (AWS-BEHAVIOUR §B).
 */
public final class Membership implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Membership.class);
  static final Duration BEAT = Duration.ofSeconds(2);
  static final Duration LIVE = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final Store store;
  private final String nodeId;
  private final Supplier<String> address;
  private final Clock clock;
  private final long startedAt;
  private final AtomicBoolean beating = new AtomicBoolean();
  private volatile List<String> nodes;
  private long timer = -1;

  public Membership(Vertx vertx, Store store, String nodeId, Supplier<String> address, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.nodeId = nodeId;
    this.address = address;
    this.clock = clock;
    this.startedAt = clock.millis();
    this.nodes = List.of(nodeId);
  }

  public void start() {
    beat();
    timer = vertx.setPeriodic(BEAT.toMillis(), id -> beat());
  }

  public String nodeId() {
    return nodeId;
  }

  /** The live nodes by name, this one included, as last seen. */
  public List<String> nodes() {
    return nodes;
  }

  /** How many nodes share the limits: at least this one. */
  public int size() {
    return Math.max(1, nodes.size());
  }

  private void beat() {
    if (!beating.compareAndSet(false, true)) {
      return;
    }
    vertx.executeBlocking(() -> store.write(docs -> {
      long now = clock.millis();
      docs.nodes().beat(new NodeRows.Node(nodeId, address.get(), startedAt, now));
      return docs.nodes().live(now - LIVE.toMillis());
    }), false).onComplete(result -> {
      beating.set(false);
      if (result.succeeded()) {
        List<String> seen = result.result().stream().map(NodeRows.Node::nodeId).toList();
        if (!seen.equals(nodes)) {
          log.info("cluster: {} node(s) live: {}", seen.size(), String.join(", ", seen));
        }
        nodes = seen;
      }
    });
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  @Override
  public String toString() {
    return "Membership(" + nodeId + " of " + nodes + ")";
  }
}
