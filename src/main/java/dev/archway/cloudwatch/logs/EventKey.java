package dev.archway.cloudwatch.logs;

import java.util.Comparator;

/**
 * Where an event sits in a log group's order: its timestamp, then the segment and offset it was
 * written at (arrival order among equal timestamps). Unique in a group, so it is also the
 * {@code eventId} and the position a paging token names.
 */
record EventKey(long timestamp, long segment, long offset) implements Comparable<EventKey> {
  static final Comparator<EventKey> ORDER = Comparator.comparingLong(EventKey::timestamp)
      .thenComparingLong(EventKey::segment).thenComparingLong(EventKey::offset);

  /** The span of times a key can name (far beyond what PutLogEvents accepts), so its digits never overflow. */
  private static final long MIN_TIME = -(1L << 60) + 1;
  private static final long MAX_TIME = 1L << 61;

  /** Before every event at or after {@code timestamp}. */
  static EventKey before(long timestamp) {
    return new EventKey(clamp(timestamp), -1, -1);
  }

  /** After every event at or before {@code timestamp}. */
  static EventKey after(long timestamp) {
    return new EventKey(clamp(timestamp), 999_999_999_999_998L, Long.MAX_VALUE - 1);
  }

  private static long clamp(long timestamp) {
    return Math.max(MIN_TIME, Math.min(MAX_TIME, timestamp));
  }

  @Override
  public int compareTo(EventKey other) {
    return ORDER.compare(this, other);
  }

  /** 56 digits, as AWS's event ids and tokens are. */
  String digits() {
    return String.format("%020d%016d%020d", timestamp + OFFSET, segment + 1, offset + 1);
  }

  /** @return null when {@code text} is not what {@link #digits()} wrote */
  static EventKey parse(String text) {
    if (text == null || text.length() != 56 || !text.chars().allMatch(Character::isDigit)) {
      return null;
    }
    try {
      return new EventKey(Long.parseLong(text.substring(0, 20)) - OFFSET, Long.parseLong(text.substring(20, 36)) - 1,
          Long.parseLong(text.substring(36)) - 1);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Timestamps may be negative (before 1970): shift them so the digits stay unsigned. */
  private static final long OFFSET = 1L << 60;
}
