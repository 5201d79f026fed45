package dev.archway.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Prometheus meters of one route, bound once (on its first request) and then only recorded
 * into: the request timer per status class, the integration and authorizer timers, throttled
 * requests by reason, cache results. Labels are the route's template and names, never a request's
 * path, so their number is bounded by the APIs deployed.
 */
final class RouteMeters {
  /** Prometheus histogram buckets of the latency timers, AWS's 29 s integration timeout included. */
  static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
      Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
      Duration.ofSeconds(10), Duration.ofSeconds(30)};
  private static final String[] STATUS = {"none", "1xx", "2xx", "3xx", "4xx", "5xx"};

  private final MeterRegistry registry;
  private final Tags tags;
  private final AtomicReferenceArray<Timer> requests = new AtomicReferenceArray<>(STATUS.length);
  private volatile Timer integration;
  private volatile Timer authorizer;
  private volatile Counter throttled;
  private volatile Counter quotaExceeded;
  private volatile Counter cacheHits;
  private volatile Counter cacheMisses;

  RouteMeters(MeterRegistry registry, RouteTelemetry route) {
    this.registry = registry;
    StageTelemetry stage = route.stage();
    this.tags = Tags.of("kind", stage.kind().name().toLowerCase(java.util.Locale.ROOT), "api_id", stage.apiId(),
        "api_name", stage.apiName(), "stage", route.stageDimension(), "route", route.route() == null ? "" : route.route(),
        "method", route.method() == null ? "" : route.method());
  }

  /** {@code archway_requests_seconds}: a request by its status class ({@code none} when the client left first). */
  Timer request(int status) {
    int slot = status >= 100 && status < 600 ? status / 100 : 0;
    Timer timer = requests.get(slot);
    if (timer == null) {
      timer = timer("archway.requests", "API requests, first byte to answer written, by status class",
          tags.and("status", STATUS[slot]));
      requests.set(slot, timer);
    }
    return timer;
  }

  /** {@code archway_integration_latency_seconds}. */
  Timer integration() {
    Timer timer = integration;
    if (timer == null) {
      integration = timer = timer("archway.integration.latency", "Time the integration took", tags);
    }
    return timer;
  }

  /** {@code archway_authorizer_latency_seconds} (0 for a cached decision). */
  Timer authorizer() {
    Timer timer = authorizer;
    if (timer == null) {
      authorizer = timer = timer("archway.authorizer.latency", "Time the authorizer took (0 when its decision was cached)",
          tags);
    }
    return timer;
  }

  /** {@code archway_throttled_requests_total} by reason: {@code throttle} (429 Too Many Requests) or {@code quota}. */
  Counter throttled(boolean quota) {
    Counter counter = quota ? quotaExceeded : throttled;
    if (counter == null) {
      counter = Counter.builder("archway.throttled.requests").description("Requests refused by a throttle or a quota")
          .tags(tags).tag("reason", quota ? "quota" : "throttle").register(registry);
      if (quota) {
        quotaExceeded = counter;
      } else {
        throttled = counter;
      }
    }
    return counter;
  }

  /** {@code archway_cache_requests_total} by result: {@code hit} or {@code miss}. */
  Counter cache(boolean hit) {
    Counter counter = hit ? cacheHits : cacheMisses;
    if (counter == null) {
      counter = Counter.builder("archway.cache.requests").description("Requests the stage cache answered (hit) or not")
          .tags(tags).tag("result", hit ? "hit" : "miss").register(registry);
      if (hit) {
        cacheHits = counter;
      } else {
        cacheMisses = counter;
      }
    }
    return counter;
  }

  private Timer timer(String name, String description, Tags with) {
    return Timer.builder(name).description(description).tags(with).serviceLevelObjectives(BUCKETS).register(registry);
  }
}
