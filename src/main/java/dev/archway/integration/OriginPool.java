package dev.archway.integration;

import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The keep-alive connections of one event loop to one origin. Only touched on that loop's thread,
 * so plain fields and deques suffice. The most recently used idle connection is reused first (its
 * peer is least likely to have closed it); connections idle for a minute are closed.
 */
final class OriginPool {
  /** Per event loop; with one loop per core this is the per-core share of a backend's connections. */
  static final int MAX_CONNECTIONS = 100;
  static final int MAX_WAITING = 10_000;
  static final long IDLE_MILLIS = 60_000;

  private final Origin origin;
  private final EventLoop loop;
  private final BackendClient client;
  private final ArrayDeque<BackendConnection> idle = new ArrayDeque<>();
  private final ArrayDeque<BackendCall> waiting = new ArrayDeque<>();
  /** Connections connecting, busy or idle. */
  private int open;
  private boolean sweepScheduled;

  OriginPool(Origin origin, EventLoop loop, BackendClient client) {
    this.origin = origin;
    this.loop = loop;
    this.client = client;
  }

  Origin origin() {
    return origin;
  }

  EventLoop loop() {
    return loop;
  }

  void acquire(BackendCall call) {
    BackendConnection connection;
    while ((connection = idle.pollLast()) != null) {
      if (connection.usable()) {
        connection.serve(call);
        return;
      }
    }
    if (open < MAX_CONNECTIONS) {
      connect(call);
    } else if (waiting.size() < MAX_WAITING) {
      waiting.addLast(call);
    } else {
      call.fail(new IllegalStateException("more than " + MAX_WAITING + " requests waiting for a connection to " + origin));
    }
  }

  /** A connection finished an exchange and may be reused: the next waiting call gets it, or it rests. */
  void release(BackendConnection connection) {
    BackendCall next = nextWaiting();
    if (next != null) {
      connection.serve(next);
      return;
    }
    connection.idleSince(System.nanoTime());
    idle.addLast(connection);
    if (!sweepScheduled) {
      sweepScheduled = true;
      loop.schedule(this::sweep, IDLE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** A connection closed (or never opened); a waiting call may now open another. */
  void closed(BackendConnection connection) {
    open--;
    idle.remove(connection);
    BackendCall next = nextWaiting();
    if (next != null) {
      connect(next);
    } else if (open == 0) {
      client.forget(this);
    }
  }

  private void connect(BackendCall call) {
    open++;
    BackendConnection connection = new BackendConnection(this);
    client.connect(this, connection, call.remainingMillis()).addListener(connected -> {
      if (connected.isSuccess()) {
        connection.serve(call);
      } else {
        call.fail(connected.cause());
      }
    });
  }

  private BackendCall nextWaiting() {
    BackendCall next;
    while ((next = waiting.pollFirst()) != null) {
      if (!next.done()) {
        return next;
      }
    }
    return null;
  }

  private void sweep() {
    sweepScheduled = false;
    long oldest = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS);
    while (!idle.isEmpty() && idle.peekFirst().idleSince() - oldest <= 0) {
      idle.pollFirst().close();
    }
    if (!idle.isEmpty()) {
      sweepScheduled = true;
      loop.schedule(this::sweep, IDLE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }
}
