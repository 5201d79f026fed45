package dev.archway.deploy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Refuses model regexes that invite catastrophic backtracking (AWS-BEHAVIOUR D.2): too long,
 * backreferences, or a quantified group that itself contains a quantifier ({@code (a+)+}).
 * Request-time matching is budgeted as well ({@link BudgetedRegularExpressions}); this check
 * turns the obvious cases into a clear error when the model is written.
 */
final class PatternGuard {
  static final int MAX_PATTERN_LENGTH = 1_000;

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
    Deque<Boolean> groups = new ArrayDeque<>(); // per open group: does it contain a quantifier?
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
      switch (c) {
        case '[' -> inClass = true;
        case '(' -> groups.push(false);
        case ')' -> {
          boolean inner = !groups.isEmpty() && groups.pop();
          if (inner && i + 1 < pattern.length() && isQuantifier(pattern.charAt(i + 1))) {
            return "pattern '" + pattern + "' nests quantifiers";
          }
          markQuantified(groups, inner);
        }
        case '*', '+', '{' -> markQuantified(groups, true);
        default -> { }
      }
    }
    return null;
  }

  private static boolean isQuantifier(char c) {
    return c == '*' || c == '+' || c == '{' || c == '?';
  }

  private static void markQuantified(Deque<Boolean> groups, boolean quantified) {
    if (quantified && !groups.isEmpty()) {
      groups.pop();
      groups.push(true);
    }
  }
}
