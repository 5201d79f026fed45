package dev.archway.runtime;

import java.time.Duration;

/**
 * Data-plane limits of the execute listener. {@link #AWS} holds API Gateway's REST values and the
 * default deadlines.
 *
 * @param maxBodyBytes payload limit; larger bodies get 413 REQUEST_TOO_LARGE
 * @param maxInitialLineBytes request line limit (AWS: 10,240-character URL); longer lines get 414
 * @param maxHeaderBytes all header fields together (AWS: 10,240 bytes); more get 431
 * @param headerTimeout a request head must be complete this long after its first byte, else 408
 *     ({@code --header-timeout}); a body gets as long, plus a second per 500 bytes it brings
 * @param idleTimeout a keep-alive connection without a request closes after it ({@code --idle-timeout}),
 *     and so does one whose client does not read its answer
 */
public record ExecuteLimits(long maxBodyBytes, int maxInitialLineBytes, int maxHeaderBytes, Duration headerTimeout,
    Duration idleTimeout) {
  public static final ExecuteLimits AWS =
      new ExecuteLimits(10L * 1024 * 1024, 10_240, 10_240, Duration.ofSeconds(10), Duration.ofSeconds(60));

  public ExecuteLimits {
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes: " + maxBodyBytes + " (expected: >= 0)");
    }
    if (maxInitialLineBytes < 64 || maxHeaderBytes < 64) {
      throw new IllegalArgumentException("maxInitialLineBytes/maxHeaderBytes: " + maxInitialLineBytes + "/"
          + maxHeaderBytes + " (expected: >= 64)");
    }
    if (headerTimeout == null || headerTimeout.isNegative() || headerTimeout.isZero()) {
      throw new IllegalArgumentException("header timeout: " + headerTimeout + " (expected: > 0)");
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idle timeout: " + idleTimeout + " (expected: > 0)");
    }
  }

  /** The same limits with other deadlines. */
  public ExecuteLimits withTimeouts(Duration header, Duration idle) {
    return new ExecuteLimits(maxBodyBytes, maxInitialLineBytes, maxHeaderBytes, header, idle);
  }

  public long headerTimeoutNanos() {
    return headerTimeout.toNanos();
  }

  public long idleTimeoutNanos() {
    return idleTimeout.toNanos();
  }
}
