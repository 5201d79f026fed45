package dev.archway.runtime.front;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open connections of one event loop of the execute listener: every second their deadlines
 * are checked (cheaper than a timer set and cancelled per request, and one second late is soon
 * enough for timeouts of 10 s and more); draining asks each to finish. Touched on its loop only,
 * except {@code open}, the listener's count over all loops.
 */
final class LoopConnections {
  private static final long TICK_MILLIS = 1000;

  private final EventLoop loop;
  private final AtomicInteger open;
  private final Runnable lastClosed;
  private final Set<ExecuteConnection> connections = new LinkedHashSet<>();
  private boolean ticking;
  private boolean draining;

  /**
   * @param open the connections open on every loop of the listener
   * @param lastClosed run when a connection closes while draining and none is left on any loop
   */
  LoopConnections(EventLoop loop, AtomicInteger open, Runnable lastClosed) {
    this.loop = loop;
    this.open = open;
    this.lastClosed = lastClosed;
  }

  EventLoop loop() {
    return loop;
  }

  void add(ExecuteConnection connection) {
    connections.add(connection);
    open.incrementAndGet();
    if (draining) {
      connection.drain();
    }
    if (!ticking) {
      ticking = true;
      loop.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  void remove(ExecuteConnection connection) {
    if (connections.remove(connection) && open.decrementAndGet() == 0 && draining) {
      lastClosed.run();
    }
  }

  /** Asks every connection to close after its answer in progress; the idle ones close now. */
  void drain() {
    draining = true;
    for (ExecuteConnection connection : new ArrayList<>(connections)) {
      connection.drain();
    }
    if (open.get() == 0) { // the last ones closed on other loops before this one was told
      lastClosed.run();
    }
  }

  private void tick() {
    long now = System.nanoTime();
    for (ExecuteConnection connection : new ArrayList<>(connections)) {
      connection.tick(now);
    }
    ticking = !connections.isEmpty();
    if (ticking) {
      loop.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }
}
