package dev.archway.runtime;

import java.util.Arrays;
import java.util.Locale;

/**
 * A fixed set of header names, matched ignoring case without hashing, lower-casing or allocating:
 * every proxied request and answer checks each of its headers against a few of these. Names are
 * grouped by length, so most headers are dismissed by one array look-up.
 */
public final class HeaderNames {
  private final String[][] byLength;

  private HeaderNames(String[][] byLength) {
    this.byLength = byLength;
  }

  public static HeaderNames of(String... names) {
    int longest = Arrays.stream(names).mapToInt(String::length).max().orElse(0);
    String[][] byLength = new String[longest + 1][];
    for (String name : names) {
      String[] same = byLength[name.length()];
      same = same == null ? new String[1] : Arrays.copyOf(same, same.length + 1);
      same[same.length - 1] = name.toLowerCase(Locale.ROOT);
      byLength[name.length()] = same;
    }
    return new HeaderNames(byLength);
  }

  public boolean contains(String name) {
    if (name.length() >= byLength.length) {
      return false;
    }
    String[] candidates = byLength[name.length()];
    if (candidates != null) {
      for (String candidate : candidates) {
        if (candidate.equalsIgnoreCase(name)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return Arrays.toString(Arrays.stream(byLength).filter(same -> same != null).flatMap(Arrays::stream).toArray());
  }
}
