package dev.archway.websocket;

import java.time.Duration;

/**
 * The limits of WebSocket connections, AWS's by default: frames up to 32 KB and messages up to
 * 128 KB (larger ones close the connection with 1009), 10 minutes idle, 2 hours in all. A client
 * that does not read what is sent to it is closed once {@code maxPendingBytes} wait to be written:
 * a slow reader is never buffered without bound.
 */
public record WebSocketLimits(int maxFrameBytes, int maxMessageBytes, Duration idleTimeout, Duration maxDuration,
    int maxPendingBytes) {

  public static final WebSocketLimits AWS =
      new WebSocketLimits(32 * 1024, 128 * 1024, Duration.ofMinutes(10), Duration.ofHours(2), 1024 * 1024);

  public WebSocketLimits {
    if (maxFrameBytes < 1 || maxMessageBytes < maxFrameBytes) {
      throw new IllegalArgumentException("websocket frame/message limits: " + maxFrameBytes + "/" + maxMessageBytes
          + " (expected: 1 <= frame <= message)");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero() || maxDuration.isNegative() || maxDuration.isZero()) {
      throw new IllegalArgumentException("websocket timeouts: " + idleTimeout + ", " + maxDuration + " (expected: > 0)");
    }
    if (maxPendingBytes < maxMessageBytes) {
      throw new IllegalArgumentException("websocket maxPendingBytes: " + maxPendingBytes + " (expected: >= " + maxMessageBytes + ")");
    }
  }

  /** These limits with another idle timeout (tests use a short one). */
  public WebSocketLimits withIdleTimeout(Duration idle) {
    return new WebSocketLimits(maxFrameBytes, maxMessageBytes, idle, maxDuration, maxPendingBytes);
  }
}
