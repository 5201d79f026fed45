package dev.archway.runtime;

import java.util.regex.Pattern;

/**
 * A whole-value match of a Java regular expression with a work budget, for integration-response
 * {@code selectionPattern}s and WebSocket integration response keys (Java regexes on AWS, so their
 * semantics stay java.util.regex's). The
 * JDK engine backtracks: the input is wrapped so that every character it reads is counted, and a
 * match that reads more than its budget, or recurses deeper than the thread's stack (as
 * {@code ^(a|aa)+$} does on a few thousand characters), ends with {@link Exhausted}.
 */
public final class BudgetedMatch {
  /** Character reads allowed per match: a floor plus a multiple of the input, so linear patterns never reach it. */
  static final long FLOOR = 100_000L;
  static final long PER_CHAR = 10L;

  private BudgetedMatch() {}

  /** The pattern ran out of budget on a value: a configuration error of the API, not the client's. */
  public static final class Exhausted extends RuntimeException {
    Exhausted(Pattern pattern, String why) {
      super("selectionPattern '" + pattern + "' " + why, null, false, false);
    }
  }

  public static boolean matches(Pattern pattern, String value) {
    try {
      return pattern.matcher(new CountingText(value, pattern, new long[] {FLOOR + PER_CHAR * value.length()})).matches();
    } catch (StackOverflowError e) {
      throw new Exhausted(pattern, "recursed too deeply on " + value.length() + " characters");
    }
  }

  private record CountingText(String value, Pattern pattern, long[] left) implements CharSequence {
    @Override
    public char charAt(int index) {
      if (--left[0] < 0) {
        throw new Exhausted(pattern, "exceeded its matching budget");
      }
      return value.charAt(index);
    }

    @Override
    public int length() {
      return value.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new CountingText(value.substring(start, end), pattern, left);
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
