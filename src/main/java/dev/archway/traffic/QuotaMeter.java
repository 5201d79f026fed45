package dev.archway.traffic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The quota of one key in one usage plan, counted in memory on the request path: the requests
 * used in the current window against what the window allows, and this day's requests not yet
 * written to the store. {@link QuotaLedger} loads it from and writes it back to the counters. The
 * window and the day roll over on their UTC boundaries without touching the store: a new window
 * starts empty with the plan's limit (grants and offsets belong to the window they were set in).
 */
public final class QuotaMeter {
  /** One quota window: requests used so far and the requests it allows. */
  static final class Window {
    final QuotaWindow window;
    final long endMillis;
    final AtomicLong used;
    volatile long allowance;

    Window(QuotaWindow window, long used, long allowance) {
      this.window = window;
      this.endMillis = startOf(window.end());
      this.used = new AtomicLong(used);
      this.allowance = allowance;
    }
  }

  /** One UTC day's requests not yet added to the store's daily count. */
  static final class Day {
    final LocalDate date;
    final long endMillis;
    final AtomicLong pending = new AtomicLong();

    Day(LocalDate date) {
      this.date = date;
      this.endMillis = startOf(date.plusDays(1));
    }
  }

  private static final Future<Boolean> ADMITTED = Future.succeededFuture(true);
  private static final Future<Boolean> REFUSED = Future.succeededFuture(false);
  /** A shared counter outlives its window by a day, so a late request of the window still finds it. */
  private static final long KEPT_AFTER_MILLIS = 86_400_000L;

  private final String planId;
  private final String keyId;
  private final Clock clock;
  /** The counters this meter shares with other nodes; null when it counts alone. */
  private final SharedQuotas shared;
  /** Requests admitted here while the shared counters were away, not yet added to them. */
  private final AtomicLong unshared = new AtomicLong();
  private volatile QuotaWindow.Period period;
  private volatile long limit;
  private volatile Window window;
  private volatile Day day;
  /** The day before the last roll-over, kept so the ledger also writes requests that raced the roll-over. */
  private volatile Day previousDay;

  QuotaMeter(String planId, String keyId, Clock clock, SharedQuotas shared) {
    this.planId = planId;
    this.keyId = keyId;
    this.clock = clock;
    this.shared = shared;
    this.day = new Day(LocalDate.now(clock));
  }

  public String planId() {
    return planId;
  }

  public String keyId() {
    return keyId;
  }

  /** Counts one request; false when the window's quota is used up (the request is not counted). */
  private boolean tryConsume() {
    long now = clock.millis();
    Window w = window;
    if (now >= w.endMillis || now >= day.endMillis) {
      w = roll(now);
    }
    if (w.used.incrementAndGet() > w.allowance) {
      w.used.decrementAndGet();
      return false;
    }
    day.pending.incrementAndGet();
    return true;
  }

  /**
   * Counts one request, with the other nodes when the counters are shared (one round trip); false
   * when the window's quota is used up. While the shared counters are away it counts here, from
   * the last shared count it saw, and adds what it admitted once they are back.
   */
  public Future<Boolean> consume() {
    if (shared == null || !shared.available()) {
      return countAlone() ? ADMITTED : REFUSED;
    }
    long now = clock.millis();
    Window w = window;
    if (now >= w.endMillis || now >= day.endMillis) {
      w = roll(now);
    }
    Window current = w;
    long catchUp = unshared.getAndSet(0);
    String name = planId + "/" + keyId + "/" + current.window.start();
    return shared.consume(name, current.allowance, current.used.get(), catchUp, current.endMillis - now + KEPT_AFTER_MILLIS)
        .transform(result -> {
          if (result.failed()) {
            unshared.addAndGet(catchUp);
            return countAlone() ? ADMITTED : REFUSED;
          }
          long count = result.result();
          // The local view follows the shared count, so counting alone in an outage starts from it.
          current.used.accumulateAndGet(count < 0 ? current.allowance : count, Math::max);
          if (count < 0) {
            return REFUSED;
          }
          day.pending.incrementAndGet();
          return ADMITTED;
        });
  }

  private boolean countAlone() {
    boolean admitted = tryConsume();
    if (admitted && shared != null) {
      unshared.incrementAndGet();
    }
    return admitted;
  }

  /** Requests left in the current window (for logs and tests). */
  public long remaining() {
    Window w = window;
    return Math.max(0, w.allowance - w.used.get());
  }

  /** Replaces the window with one loaded from the store (the ledger holds its lock). */
  void load(QuotaWindow.Period newPeriod, long newLimit, QuotaWindow current, long used, long allowance) {
    this.period = newPeriod;
    this.limit = newLimit;
    this.window = new Window(current, used, allowance);
  }

  /** Takes the requests counted but not yet written, by day, for the ledger to add to the store. */
  void drain(java.util.function.ObjLongConsumer<LocalDate> sink) {
    for (Day d : new Day[] {previousDay, day}) {
      if (d != null) {
        long n = d.pending.getAndSet(0);
        if (n > 0) {
          sink.accept(d.date, n);
        }
      }
    }
  }

  /** Once a day (or window): a short lock, no I/O, so it may run on the event loop. */
  private synchronized Window roll(long now) {
    LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(now, 86_400_000L));
    if (now >= day.endMillis) {
      previousDay = day;
      day = new Day(today);
    }
    if (now >= window.endMillis) {
      window = new Window(QuotaWindow.of(period, today), 0, limit);
    }
    return window;
  }

  private static long startOf(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  @Override
  public String toString() {
    Window w = window;
    return "QuotaMeter(plan " + planId + ", key " + keyId + ", " + period + " " + w.window.start()
        + ", used " + w.used.get() + " of " + w.allowance + ")";
  }
}
