package dev.archway.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header value (RFC 7231 IMF-fixdate), formatted once per second rather than once
 * per response. Safe on any thread: the cache is one immutable pair behind a volatile field.
 */
public final class HttpDate {
  private record Stamp(long second, String text) {}

  /** Not {@link DateTimeFormatter#RFC_1123_DATE_TIME}: it writes "3 Dec", and IMF-fixdate needs "03 Dec". */
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private static volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

  private HttpDate() {}

  public static String now() {
    long second = System.currentTimeMillis() / 1000;
    Stamp stamp = last;
    if (stamp.second() != second) {
      stamp = new Stamp(second, format(second));
      last = stamp;
    }
    return stamp.text();
  }

  static String format(long epochSecond) {
    return IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond));
  }
}
