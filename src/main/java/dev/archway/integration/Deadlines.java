package dev.archway.integration;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/**
 * The calls in flight on one event loop, checked against their deadlines every
 * {@value #TICK_MILLIS} ms while there are any. Cheaper than a scheduled task per call (set and
 * cancelled for nearly every one of them): tracking is two pointer writes. A call runs out of time
 * at most one tick late, which AWS's 50 ms to 29 s timeouts do not notice. Used on its loop only.
 */
final class Deadlines {
  static final long TICK_MILLIS = 10;

  private final EventLoop loop;
  /** A doubly linked list through the calls themselves: no allocation per call. */
  private BackendCall first;
  private boolean ticking;

  Deadlines(EventLoop loop) {
    this.loop = loop;
  }

  void track(BackendCall call) {
    call.linkBefore(first);
    first = call;
    if (!ticking) {
      ticking = true;
      loop.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  void untrack(BackendCall call) {
    if (first == call) {
      first = call.next();
    }
    call.unlink();
  }

  private void tick() {
    long now = System.nanoTime();
    BackendCall call = first;
    while (call != null) {
      BackendCall next = call.next();
      if (now - call.deadlineNanos() >= 0) {
        call.expire(); // ends the call, which untracks it
      }
      call = next;
    }
    ticking = first != null;
    if (ticking) {
      loop.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }
}
