package dev.archway.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed between nodes: one connection that LISTENs to the channel every write NOTIFYs
 * on, and hands each change another node committed to {@code changes} (on this thread) within a
 * poll interval. It pings the server every two seconds, so a dead connection is noticed even
 * when nothing is written; when the connection is lost it reconnects every second, and each
 * reconnection runs {@code connected} (the store migrates if it could not at start, then announces
 * {@link Change#EVERYTHING}: what was committed meanwhile was not heard).
 */
final class PostgresFeed implements AutoCloseable {
  static final String CHANNEL = "archway_changes";
  private static final Logger log = LoggerFactory.getLogger(PostgresFeed.class);
  private static final int POLL_MILLIS = 100;
  private static final long PING_NANOS = Duration.ofSeconds(2).toNanos();
  private static final long RETRY_MILLIS = 1000;

  private final String url;
  private final Properties properties;
  private final String origin;
  private final Consumer<Change> changes;
  private final Hook connectedHook;
  private final CountDownLatch first = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean connected;
  private volatile boolean closed;
  private volatile Connection connection;
  private boolean lost;
  private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

  /** What the store does on each (re)connection: first on the feed's own connection, then once the feed is up. */
  interface Hook {
    void connecting(Connection c) throws SQLException;

    /** @param connection which connection this is: 1 for the first, then one more for each reconnection */
    void connected(int connection);
  }

  PostgresFeed(String url, Properties properties, String origin, Consumer<Change> changes, Hook connected) {
    this.url = url;
    this.properties = properties;
    this.origin = origin;
    this.changes = changes;
    this.connectedHook = connected;
    this.thread = new Thread(this::run, "archway-store-feed");
    thread.setDaemon(true);
    thread.start();
  }

  /** What one write announces: its origin (the writing store), and the change. */
  static String payload(String origin, Change change) {
    return Json.MAPPER.createObjectNode().put("o", origin).put("k", change.kind().name()).put("s", change.scope())
        .put("i", change.id()).toString();
  }

  boolean connected() {
    return connected;
  }

  /** The connections made so far: 0 before the first. */
  int connections() {
    return connections.get();
  }

  /** Waits, at most {@code timeout}, for the first LISTEN to be in place. */
  void awaitConnected(Duration timeout) {
    try {
      first.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (!closed) {
      try (Connection c = DriverManager.getConnection(url, properties)) {
        connection = c;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        connectedHook.connecting(c);
        int connection = connections.incrementAndGet();
        connected = true;
        first.countDown();
        if (lost) {
          log.info("store: PostgreSQL is reachable again; reading the configuration again");
          lost = false;
        }
        connectedHook.connected(connection);
        listen(c);
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        if (!lost) {
          log.warn("store: PostgreSQL unreachable ({}); serving the last configuration, management answers 503 until it is back",
              e.getMessage());
          lost = true;
        }
        connected = false;
        pause();
      }
    }
  }

  private void listen(Connection c) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    long pinged = System.nanoTime();
    while (!closed) {
      PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
      if (notifications != null) {
        for (PGNotification n : notifications) {
          Change change = parse(n.getParameter());
          if (change != null) {
            changes.accept(change);
          }
        }
      }
      if (System.nanoTime() - pinged > PING_NANOS) {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT 1");
        }
        pinged = System.nanoTime();
      }
    }
  }

  /** The change another node announced; null for this node's own (already delivered) or an unreadable one. */
  private Change parse(String payload) {
    try {
      JsonNode node = Json.MAPPER.readTree(payload);
      if (origin.equals(node.path("o").asText())) {
        return null;
      }
      return new Change(Kind.named(node.path("k").asText()), node.path("s").asText(), node.path("i").asText());
    } catch (JsonProcessingException e) {
      log.warn("store: unreadable change notification {}", payload);
      return null;
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("store: closing the feed connection: {}", e.toString());
      }
    }
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "PostgresFeed(" + (connected ? "connected" : "reconnecting") + ")";
  }
}
