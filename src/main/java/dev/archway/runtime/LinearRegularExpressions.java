package dev.archway.runtime;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Model {@code pattern}s, {@code patternProperties} and {@code format: regex} values on RE2J: a
 * match takes time linear in the input, so no pattern can backtrack catastrophically. What RE2J
 * cannot express (backreferences, lookaround, possessive quantifiers) is refused when the model is
 * written. Linear is not free: a match costs about the input length times the pattern's
 * {@link ProgramSize} (RE2J spends some 40 to 70 ns per unit), so a pattern may expand to at most
 * {@link #MAX_PROGRAM_SIZE} states and the matches of one validation share a budget of work:
 * {@link #EVENT_LOOP_WORK} on an event loop (a few ms), {@link #WORKER_WORK} on a worker (under a
 * second). Past it the body is refused as invalid.
 */
public final class LinearRegularExpressions implements RegularExpressionFactory {
  public static final LinearRegularExpressions INSTANCE = new LinearRegularExpressions();
  static final int MAX_PATTERN_LENGTH = 1_000;
  static final long MAX_PROGRAM_SIZE = 10_000;
  /** Work allowed on an event loop: one validation of a small body, or one match outside a validation. */
  public static final long EVENT_LOOP_WORK = 500_000L;
  /** Work allowed to one request's validation on a worker thread. */
  public static final long WORKER_WORK = 10_000_000L;

  /** The work left to the validation running on this thread; absent outside one (each match then gets {@link #EVENT_LOOP_WORK}). */
  private static final ThreadLocal<long[]> WORK_LEFT = new ThreadLocal<>();

  /** A validation used up its matching work: the body is refused. */
  public static final class WorkExceeded extends RuntimeException {
    WorkExceeded(String pattern) {
      super("pattern '" + pattern + "' exceeded the matching work allowed per request", null, false, false);
    }
  }

  private record Compiled(Pattern pattern, long size) {}

  private LinearRegularExpressions() {}

  /** @return null when the pattern can be evaluated, else why not (for the 400 answer) */
  public static String problem(String pattern) {
    try {
      compile(pattern);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Runs one request's validation against one budget of {@code work}. */
  public static <T> T budgeted(long work, Supplier<T> validation) {
    WORK_LEFT.set(new long[] {work});
    try {
      return validation.get();
    } finally {
      WORK_LEFT.remove();
    }
  }

  /** JSON Schema semantics: the pattern may match anywhere in the value. @throws IllegalArgumentException saying why not */
  @Override
  public RegularExpression getRegularExpression(String regex) {
    Compiled compiled = compile(regex);
    spend(regex, compiled.size() + regex.length()); // a format: regex value is compiled per request
    return value -> {
      spend(regex, (long) value.length() * compiled.size());
      return compiled.pattern().matcher(value).find();
    };
  }

  /** A predicate matching whole values (authorizer identityValidationExpression). @throws IllegalArgumentException saying why not */
  public static Predicate<String> fullMatch(String regex) {
    Compiled compiled = compile(regex);
    return value -> {
      spend(regex, (long) value.length() * compiled.size());
      return compiled.pattern().matcher(value).matches();
    };
  }

  private static void spend(String regex, long work) {
    long[] left = WORK_LEFT.get();
    if (left == null ? work > EVENT_LOOP_WORK : (left[0] -= work) < 0) {
      throw new WorkExceeded(regex);
    }
  }

  private static Compiled compile(String pattern) {
    if (pattern.length() > MAX_PATTERN_LENGTH) {
      throw new IllegalArgumentException("pattern of " + pattern.length() + " characters (limit " + MAX_PATTERN_LENGTH + ")");
    }
    String translated = withoutUnicodeEscapes(pattern);
    long size = ProgramSize.of(translated, MAX_PROGRAM_SIZE);
    if (size > MAX_PROGRAM_SIZE) {
      throw new IllegalArgumentException("pattern '" + pattern + "' expands to more than " + MAX_PROGRAM_SIZE
          + " states (counted repetitions multiply: (a{100}){100} is over 10000)");
    }
    try {
      return new Compiled(Pattern.compile(translated), Math.max(1, size));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("pattern '" + pattern + "' is not supported: "
          + e.getMessage().replaceFirst("^error parsing regexp: ", "")
          + " (patterns run in linear time: no backreferences, lookaround, atomic groups or possessive quantifiers)");
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("pattern '" + pattern + "' is nested too deeply");
    }
  }

  /** ECMA-262 and Java spell a code unit {@code \u00e9}; RE2 spells it {@code \x{00e9}}. */
  private static String withoutUnicodeEscapes(String pattern) {
    if (!pattern.contains("\\u")) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 6 <= pattern.length() && pattern.charAt(i + 1) == 'u'
          && pattern.substring(i + 2, i + 6).matches("[0-9A-Fa-f]{4}")) {
        out.append("\\x{").append(pattern, i + 2, i + 6).append('}');
        i += 5;
      } else if (c == '\\' && i + 1 < pattern.length()) {
        out.append(c).append(pattern.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
