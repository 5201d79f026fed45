package dev.archway.deploy;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * JSON Schema {@code pattern} matching with a work budget: the input is wrapped so that every
 * character the JDK engine reads is counted, and a match that reads more than the budget fails
 * the validation instead of holding the event loop (java.util.regex backtracks exponentially).
 */
final class BudgetedRegularExpressions implements RegularExpressionFactory {
  /** Character reads allowed per match: a fixed floor plus a multiple of the input, so linear patterns never hit it. */
  static final long FLOOR = 1_000_000L;
  static final long PER_CHAR = 20L;

  static final BudgetedRegularExpressions INSTANCE = new BudgetedRegularExpressions();

  /** A match ran out of budget: the body is treated as invalid. */
  static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded(String pattern) {
      super("pattern '" + pattern + "' exceeded its matching budget", null, false, false);
    }
  }

  private BudgetedRegularExpressions() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return value -> pattern.matcher(new CountingSequence(value, regex, new long[] {FLOOR + PER_CHAR * value.length()})).find();
  }

  private record CountingSequence(String value, String regex, long[] left) implements CharSequence {
    @Override
    public char charAt(int index) {
      if (--left[0] < 0) {
        throw new BudgetExceeded(regex);
      }
      return value.charAt(index);
    }

    @Override
    public int length() {
      return value.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new CountingSequence(value.substring(start, end), regex, left);
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
