package dev.archway.cloudwatch.logs;

import java.time.Duration;

/**
 * How the log store bounds itself: the total bytes of segment files it keeps (the oldest
 * segments anywhere go first when more arrive), the size and age at which a segment is sealed.
 */
public record LogLimits(long maxBytes, long segmentBytes, Duration segmentAge) {
  /** 1 GiB in all, 8 MiB or one hour per segment. */
  public static final LogLimits DEFAULT = new LogLimits(1L << 30, 8L << 20, Duration.ofHours(1));

  public LogLimits {
    if (maxBytes < segmentBytes || segmentBytes < 4096) {
      throw new IllegalArgumentException("log storage limit: " + maxBytes + " bytes (expected: at least one segment of "
          + segmentBytes + " bytes, and segments of at least 4096 bytes)");
    }
  }
}
