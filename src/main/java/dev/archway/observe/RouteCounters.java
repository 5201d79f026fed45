package dev.archway.observe;

import dev.archway.cloudwatch.metrics.Aggregate;
import dev.archway.runtime.RequestLog;
import java.util.HashMap;
import java.util.Map;

/**
 * What one route's requests came to on one event loop in one minute: counts by outcome and the
 * latencies as mergeable aggregates. Updated on its loop only (under {@link LoopMetrics}'s lock);
 * a request costs field updates and a sketch update, nothing allocated but the first time.
 */
final class RouteCounters {
  long count;
  long clientErrors;
  long serverErrors;
  /** 4xx answered by the gateway before any integration answered (WebSocket {@code ClientError}). */
  long gatewayClientErrors;
  /** The integration answered 4xx or 5xx (WebSocket {@code IntegrationError}). */
  long integrationErrors;
  /** 5xx without an integration answer: the call failed (WebSocket {@code ExecutionError}). */
  long executionErrors;
  long cacheHits;
  long cacheMisses;
  long throttles;
  long quotaRefusals;
  long bytes;
  long bytesMin = Long.MAX_VALUE;
  long bytesMax;
  /** Answers that carried bytes back (WebSocket: replies sent to the client). */
  long answered;
  final Aggregate latency = new Aggregate();
  Aggregate integrationLatency;
  Aggregate authorizerLatency;
  /** The same by API key (usage analytics); null until a request with a key came. */
  Map<String, RouteCounters> byApiKey;

  void record(RequestLog log, boolean withKeys) {
    count++;
    int status = log.status();
    boolean integrationAnswered = log.integrationStatus() >= 0;
    if (status >= 400 && status < 500) {
      clientErrors++;
      if (!integrationAnswered) {
        gatewayClientErrors++;
      }
    } else if (status >= 500) {
      serverErrors++;
      if (!integrationAnswered) {
        executionErrors++;
      }
    }
    if (log.integrationStatus() >= 400) {
      integrationErrors++;
    }
    Boolean hit = log.cacheHit();
    if (hit != null) {
      if (hit) {
        cacheHits++;
      } else {
        cacheMisses++;
      }
    }
    if ("QUOTA_EXCEEDED".equals(log.errorType())) {
      quotaRefusals++;
    } else if (log.throttled()) {
      throttles++;
    }
    long processed = log.requestBytes() + log.responseBytes();
    bytes += processed;
    bytesMin = Math.min(bytesMin, processed);
    bytesMax = Math.max(bytesMax, processed);
    if (log.responseBytes() > 0) {
      answered++;
    }
    latency.add(log.latencyNanos() / 1e6, 1);
    if (log.integrationLatencyNanos() >= 0) {
      if (integrationLatency == null) {
        integrationLatency = new Aggregate();
      }
      integrationLatency.add(log.integrationLatencyNanos() / 1e6, 1);
    }
    if (log.authorizerLatencyNanos() >= 0) {
      if (authorizerLatency == null) {
        authorizerLatency = new Aggregate();
      }
      authorizerLatency.add(log.authorizerLatencyNanos() / 1e6, 1);
    }
    if (withKeys && log.apiKeyId() != null) {
      if (byApiKey == null) {
        byApiKey = new HashMap<>();
      }
      byApiKey.computeIfAbsent(log.apiKeyId(), k -> new RouteCounters()).record(log, false);
    }
  }

  /** {@code times} samples of 1 and {@code count - times} of 0: Sum is the count, Average the rate. */
  Aggregate rate(long times) {
    Aggregate rate = new Aggregate();
    if (times > 0) {
      rate.add(1, times);
    }
    if (count > times) {
      rate.add(0, count - times);
    }
    return rate;
  }

  /** {@code times} samples of 1. */
  static Aggregate ones(long times) {
    Aggregate ones = new Aggregate();
    ones.add(1, times);
    return ones;
  }
}
