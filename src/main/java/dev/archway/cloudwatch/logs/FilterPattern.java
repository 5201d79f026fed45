package dev.archway.cloudwatch.logs;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A CloudWatch Logs filter pattern, parsed once per request. Three forms, as AWS's "Filter pattern
 * syntax" describes: terms ({@code ERROR "disk full" ?WARN -DEBUG %time[o]ut%}), JSON
 * ({@code { $.status = 5* && $.latency > 100 }}) and space-delimited ({@code [ip, user, ..., status = 4*, size]}).
 * Matching is case-sensitive; an empty pattern matches everything.
 */
public final class FilterPattern implements Predicate<String> {
  private final String text;
  private final Predicate<String> matcher;

  private FilterPattern(String text, Predicate<String> matcher) {
    this.text = text;
    this.matcher = matcher;
  }

  /** @throws IllegalArgumentException naming what is wrong with the pattern */
  public static FilterPattern parse(String pattern) {
    String text = pattern == null ? "" : pattern.trim();
    if (text.isEmpty()) {
      return new FilterPattern(text, message -> true);
    }
    if (text.startsWith("{")) {
      return new FilterPattern(text, JsonFilter.parse(text));
    }
    if (text.startsWith("[")) {
      return new FilterPattern(text, FieldFilter.parse(text));
    }
    return new FilterPattern(text, terms(text));
  }

  @Override
  public boolean test(String message) {
    return matcher.test(message);
  }

  /** Every plain term and none of the {@code -} terms; when {@code ?} terms are given, one of them too. */
  private static Predicate<String> terms(String text) {
    List<Predicate<String>> all = new ArrayList<>();
    List<Predicate<String>> any = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean optional = c == '?';
      boolean excluded = c == '-';
      int start = optional || excluded ? i + 1 : i;
      if (start >= text.length() || Character.isWhitespace(text.charAt(start))) {
        throw new IllegalArgumentException("a '" + c + "' must be followed by a term");
      }
      Predicate<String> term;
      int end;
      char first = text.charAt(start);
      if (first == '"') {
        end = closing(text, start, '"');
        String phrase = unescape(text.substring(start + 1, end));
        term = message -> message.contains(phrase);
        end++;
      } else if (first == '%') {
        end = closing(text, start, '%');
        term = regex(text.substring(start + 1, end))::test;
        end++;
      } else {
        end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          if (text.charAt(end) == '"') {
            throw new IllegalArgumentException("a quote inside the term starting at " + start + " (expected: the whole term quoted)");
          }
          end++;
        }
        String word = text.substring(start, end);
        term = message -> message.contains(word);
      }
      if (optional) {
        any.add(term);
      } else if (excluded) {
        all.add(term.negate());
      } else {
        all.add(term);
      }
      i = end;
    }
    return message -> all.stream().allMatch(t -> t.test(message)) && (any.isEmpty() || any.stream().anyMatch(t -> t.test(message)));
  }

  static int closing(String text, int open, char quote) {
    for (int i = open + 1; i < text.length(); i++) {
      if (text.charAt(i) == '\\' && quote == '"') {
        i++;
      } else if (text.charAt(i) == quote) {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed " + quote + " at " + open);
  }

  static String unescape(String quoted) {
    return quoted.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** A {@code %regex%} term: RE2 syntax, so no pattern can take more than linear time. */
  static Predicate<String> regex(String expression) {
    try {
      Pattern pattern = Pattern.compile(expression);
      return message -> pattern.matcher(message).find();
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("bad regular expression %" + expression + "%: " + e.getDescription());
    }
  }

  /** A value with {@code *} wildcards, matched against the whole text. */
  static Predicate<String> glob(String value) {
    if (value.indexOf('*') < 0) {
      return value::equals;
    }
    StringBuilder regex = new StringBuilder();
    for (String part : value.split("\\*", -1)) {
      regex.append(Pattern.quote(part)).append(".*");
    }
    regex.setLength(regex.length() - 2);
    Pattern pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    return text -> pattern.matcher(text).matches();
  }

  @Override
  public String toString() {
    return "FilterPattern[" + text + "]";
  }
}
