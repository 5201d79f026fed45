package dev.archway.observe;

import dev.archway.runtime.RequestLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One event loop's counters, by route, for the current minute (and minutes it finished since the
 * last flush). The loop adds; the flusher takes everything every few seconds. The lock is only ever
 * contended for that moment, so a request pays an uncontended monitor, no allocation.
 */
final class LoopMetrics {
  /** One minute's counters, by route telemetry (identity). */
  record Minute(long startMillis, Map<RouteTelemetry, RouteCounters> routes) {}

  private long minute = Long.MIN_VALUE;
  private Map<RouteTelemetry, RouteCounters> current = new HashMap<>();
  private final List<Minute> finished = new ArrayList<>();

  synchronized void add(RouteTelemetry route, RequestLog log, long epochMillis, boolean withKeys) {
    long start = epochMillis - Math.floorMod(epochMillis, 60_000L);
    if (start != minute) {
      if (!current.isEmpty()) {
        finished.add(new Minute(minute, current));
        current = new HashMap<>();
      }
      minute = start;
    }
    RouteCounters counters = current.get(route);
    if (counters == null) {
      counters = new RouteCounters();
      current.put(route, counters);
    }
    counters.record(log, withKeys);
  }

  /** Everything counted so far; the loop starts afresh. */
  synchronized List<Minute> take() {
    List<Minute> taken = new ArrayList<>(finished);
    finished.clear();
    if (!current.isEmpty()) {
      taken.add(new Minute(minute, current));
      current = new HashMap<>();
    }
    return taken;
  }
}
