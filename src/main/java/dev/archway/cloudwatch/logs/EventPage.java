package dev.archway.cloudwatch.logs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Collects one page of events from an unordered scan with bounded memory: the first {@code limit}
 * events after a position (forward) or the last {@code limit} before it (backward), then at most
 * 1 MB of messages, as AWS's pages are. {@code more} tells whether events were left out.
 */
final class EventPage implements Consumer<StoredEvent> {
  static final int MAX_BYTES = 1024 * 1024;

  private final EventKey from;
  private final EventKey to;
  private final boolean forward;
  private final int limit;
  private final PriorityQueue<StoredEvent> kept;
  private boolean more;

  /** Events strictly between {@code from} and {@code to}; the page is taken at {@code from}'s end when {@code forward}. */
  EventPage(EventKey from, EventKey to, boolean forward, int limit) {
    this.from = from;
    this.to = to;
    this.forward = forward;
    this.limit = limit;
    // Forward keeps the smallest keys, so the heap's head is the largest kept (the first to go).
    this.kept = new PriorityQueue<>(forward
        ? (a, b) -> b.key().compareTo(a.key())
        : (a, b) -> a.key().compareTo(b.key()));
  }

  @Override
  public void accept(StoredEvent event) {
    if (wants(event.key())) {
      kept.add(event);
      if (kept.size() > limit) {
        kept.poll();
      }
    }
  }

  /** Whether an event at {@code key} would make the page: asked before the (costly) filter pattern runs. */
  boolean wants(EventKey key) {
    if (key.compareTo(from) <= 0 || key.compareTo(to) >= 0) {
      return false;
    }
    if (kept.size() < limit) {
      return true;
    }
    more = true;
    int order = key.compareTo(kept.peek().key());
    return forward ? order < 0 : order > 0;
  }

  /**
   * Whether events with timestamps in [min, max] could still make the page: once it is full, a
   * segment entirely past its worst event need not be read (there is more, though).
   */
  boolean wantsSpan(long min, long max) {
    if (kept.size() < limit) {
      return true;
    }
    more = true;
    long worst = kept.peek().timestamp();
    return forward ? min <= worst : max >= worst;
  }

  boolean forward() {
    return forward;
  }

  /** The page in ascending order, trimmed to 1 MB of messages from the end it was taken at. */
  List<StoredEvent> events() {
    List<StoredEvent> sorted = new ArrayList<>(kept);
    sorted.sort((a, b) -> a.key().compareTo(b.key()));
    if (!forward) {
      Collections.reverse(sorted);
    }
    List<StoredEvent> out = new ArrayList<>();
    long bytes = 0;
    for (StoredEvent event : sorted) {
      bytes += event.message().length() + 26L;
      if (bytes > MAX_BYTES && !out.isEmpty()) {
        more = true;
        break;
      }
      out.add(event);
    }
    if (!forward) {
      Collections.reverse(out);
    }
    return out;
  }

  boolean more() {
    return more;
  }
}
