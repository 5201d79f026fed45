package dev.archway.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} header value (RFC 7231 IMF-fixdate), formatted once per second rather than once
 * per response. Safe on any thread: the cache is one immutable pair behind a volatile field.
 */
public final class HttpDate {
  private record Stamp(long second, String text) {}

  private static volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

  private HttpDate() {}

  public static String now() {
    long second = System.currentTimeMillis() / 1000;
    Stamp stamp = last;
    if (stamp.second() != second) {
      stamp = new Stamp(second, DateTimeFormatter.RFC_1123_DATE_TIME.format(
          Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC)));
      last = stamp;
    }
    return stamp.text();
  }
}
