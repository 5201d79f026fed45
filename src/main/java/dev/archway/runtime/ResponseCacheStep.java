package dev.archway.runtime;

import dev.archway.cache.CachedResponse;
import dev.archway.cache.ResponseCache;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cached method's integration: answers from the stage cache when it holds the request's key
 * (a hit: no integration call), else runs the integration's steps and keeps their answer for the
 * method's TTL (bodies up to 1 MB). {@code Cache-Control: max-age=0} skips the look-up and
 * replaces the entry, for callers allowed to invalidate: anyone unless the method requires
 * authorization, then callers of an AWS_IAM method whose signature verified; the others are
 * answered as {@code unauthorizedCacheControlHeaderStrategy} says. Hits and misses are recorded
 * on the request log ({@code CacheHitCount}, {@code CacheMissCount}).
 */
public final class ResponseCacheStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCacheStep.class);
  /** What SUCCEED_WITH_RESPONSE_HEADER adds to the answer (Archway's wording: AWS documents none). */
  static final String WARNING = "199 - \"Cache-Control: max-age=0 ignored: not authorized to invalidate the cache\"";
  private static final String TRACE_ID = "X-Amzn-Trace-Id";

  /** How a request that may not invalidate the cache is answered. */
  public enum UnauthorizedStrategy { FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER, SUCCEED_WITHOUT_RESPONSE_HEADER }

  /**
   * @param getOnly whether only GET requests are cached (the stage's default settings cache GET methods only)
   * @param requireAuthorization whether invalidating takes a caller allowed to
   */
  public record Settings(Duration ttl, boolean getOnly, boolean requireAuthorization, UnauthorizedStrategy strategy) {}

  private final ResponseCache cache;
  private final CacheKeyParameters key;
  private final Settings settings;
  private final Pipeline integration;

  public ResponseCacheStep(ResponseCache cache, CacheKeyParameters key, Settings settings, Pipeline integration) {
    this.cache = cache;
    this.key = key;
    this.settings = settings;
    this.integration = integration;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    if (settings.getOnly() && !"GET".equals(request.httpMethod())) {
      return integration.run(exchange);
    }
    boolean invalidate = maxAgeZero(request.headers());
    boolean warn = false;
    if (invalidate && settings.requireAuthorization() && exchange.caller() == null) {
      invalidate = false;
      switch (settings.strategy()) {
        case FAIL_WITH_403 -> {
          return Future.failedFuture(
              new GatewayResponse.AccessDenied("User is not authorized to invalidate the cache").failure());
        }
        case SUCCEED_WITH_RESPONSE_HEADER -> warn = true;
        case SUCCEED_WITHOUT_RESPONSE_HEADER -> { }
      }
    }
    String requestKey = key.key(exchange);
    if (invalidate) {
      return miss(exchange, requestKey, true, false);
    }
    boolean warned = warn;
    Future<CachedResponse> found = cache.get(requestKey);
    return found.isComplete() ? answer(exchange, requestKey, found, warned)
        : found.transform(ignored -> answer(exchange, requestKey, found, warned));
  }

  private Future<Void> answer(Exchange exchange, String requestKey, Future<CachedResponse> found, boolean warn) {
    if (found.failed()) {
      LOG.warn("request {}: cache look-up failed, calling the integration: {}", exchange.requestId(), found.cause().toString());
    }
    CachedResponse hit = found.succeeded() ? found.result() : null;
    if (hit == null) {
      return miss(exchange, requestKey, false, warn);
    }
    exchange.requestLog().cacheHit(true);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (Map.Entry<String, String> header : hit.headers()) {
      headers.add(header.getKey(), header.getKey().equalsIgnoreCase(TRACE_ID) ? exchange.context().traceId() : header.getValue());
    }
    warn(headers, warn);
    exchange.methodResponse(new MethodResponse(hit.statusCode(), headers, Buffer.buffer(hit.body())));
    return Future.succeededFuture();
  }

  private Future<Void> miss(Exchange exchange, String requestKey, boolean invalidate, boolean warn) {
    exchange.requestLog().cacheHit(false);
    exchange.methodRequest(key.keyedView(exchange.methodRequest()));
    return integration.run(exchange).andThen(ran -> {
      MethodResponse response = exchange.methodResponse();
      if (ran.failed() || response == null) {
        return; // gateway errors are not kept
      }
      Buffer body = response.body() == null ? Buffer.buffer() : response.body();
      if (CachedResponse.fits(body.length())) {
        cache.put(requestKey, new CachedResponse(response.statusCode(), response.headers().entries(), body.getBytes()),
            settings.ttl()).onFailure(e -> LOG.warn("request {}: the answer was not cached: {}", exchange.requestId(), e.toString()));
      } else if (invalidate) {
        cache.invalidate(requestKey);
      }
      warn(response.headers(), warn);
    });
  }

  private static void warn(MultiMap headers, boolean warn) {
    if (warn) {
      headers.add("Warning", WARNING);
    }
  }

  /** Whether the request asks for a fresh answer: {@code Cache-Control: max-age=0}, among other directives. */
  static boolean maxAgeZero(MultiMap headers) {
    for (String header : headers.getAll("Cache-Control")) {
      for (String directive : header.split(",")) {
        String trimmed = directive.trim();
        if (trimmed.regionMatches(true, 0, "max-age", 0, 7)) {
          String value = trimmed.substring(7).trim();
          if (value.startsWith("=") && value.substring(1).trim().equals("0")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "ResponseCache(ttl=" + settings.ttl().toSeconds() + "s, key=" + key + (settings.getOnly() ? ", GET only" : "")
        + (settings.requireAuthorization() ? ", invalidation " + settings.strategy() : "") + ") -> [" + integration + "]";
  }
}
