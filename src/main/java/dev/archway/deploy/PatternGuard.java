package dev.archway.deploy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Refuses model regexes that invite catastrophic backtracking (AWS-BEHAVIOUR D.2): too long,
 * backreferences, or a quantified group that is itself one repeated atom ({@code (a+)+}).
 * Request-time matching is budgeted as well ({@link BudgetedRegularExpressions}); this check
 * turns the obvious cases into a clear error when the model is written.
 */
final class PatternGuard {
  static final int MAX_PATTERN_LENGTH = 1_000;
  /** A group whose whole content is one repeated atom, as in (a+)+, (\w*)* or ([a-z]+)*. */
  private static final Pattern SINGLE_QUANTIFIED_ATOM =
      Pattern.compile("(?:\\\\.|\\[(?:\\\\.|[^\\]])*]|[^()|\\\\\\[])(?:[*+]|\\{\\d*,?\\d*})\\??");

  private PatternGuard() {}

  /** @return null when the pattern is acceptable, else why not */
  static String problem(String pattern) {
    if (pattern.length() > MAX_PATTERN_LENGTH) {
      return "pattern longer than " + MAX_PATTERN_LENGTH + " characters";
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return "pattern '" + pattern + "' is not a valid regular expression";
    }
    Deque<Integer> groups = new ArrayDeque<>(); // start index of each open group's content
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : ' ';
        if (!inClass && (next >= '1' && next <= '9' || next == 'k')) {
          return "pattern '" + pattern + "' uses a backreference";
        }
        i++;
        continue;
      }
      if (inClass) {
        inClass = c != ']';
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        groups.push(i + 1);
      } else if (c == ')' && !groups.isEmpty()) {
        String content = pattern.substring(groups.pop(), i).replaceFirst("^\\?(:|=|!|<=|<!)", "");
        if (i + 1 < pattern.length() && isQuantifier(pattern.charAt(i + 1)) && SINGLE_QUANTIFIED_ATOM.matcher(content).matches()) {
          return "pattern '" + pattern + "' nests quantifiers";
        }
      }
    }
    return null;
  }

  private static boolean isQuantifier(char c) {
    return c == '*' || c == '+' || c == '{' || c == '?';
  }
}
