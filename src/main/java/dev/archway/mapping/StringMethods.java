package dev.archway.mapping;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.velocity.util.introspection.VelMethod;

/**
 * The String methods that can make text grow or run for long — {@code concat}, {@code replace},
 * and the regular-expression ones — re-implemented against the render's budget: results are sized
 * before they are built, and a regular expression matches over text that checks the clock, so a
 * catastrophic backtracking pattern ends with the time budget instead of pinning a thread.
 * Semantics are those of {@link String}'s methods of the same name.
 */
final class StringMethods {
  private StringMethods() {}

  /** The bounded method for this call, or null when the name and argument count are not one of ours. */
  static VelMethod find(String name, Object[] args) {
    int n = args.length;
    boolean ours = switch (name) {
      case "concat", "matches" -> n == 1;
      case "replace", "replaceAll", "replaceFirst" -> n == 2;
      case "split" -> n == 1 || n == 2;
      default -> false;
    };
    return ours ? new Bound(name) : null;
  }

  private record Bound(String name) implements VelMethod {
    @Override
    public Object invoke(Object target, Object[] args) {
      Budget budget = Budget.current();
      budget.tick();
      String s = (String) target;
      for (Object arg : args) {
        if (arg == null) {
          return null;
        }
      }
      return switch (name) {
        case "concat" -> concat(s, text(args[0]), budget);
        case "replace" -> replace(s, text(args[0]), text(args[1]), budget);
        case "replaceAll" -> replaceRegex(s, text(args[0]), text(args[1]), true, budget);
        case "replaceFirst" -> replaceRegex(s, text(args[0]), text(args[1]), false, budget);
        case "matches" -> pattern(text(args[0])).matcher(new TimedText(s, budget)).matches();
        case "split" -> split(s, text(args[0]), args.length == 2 ? ((Number) args[1]).intValue() : 0, budget);
        default -> throw new IllegalStateException(name);
      };
    }

    @Override
    public boolean isCacheable() {
      return true;
    }

    @Override
    public String getMethodName() {
      return name;
    }

    @Override
    public Method getMethod() {
      return null;
    }

    @Override
    public Class<?> getReturnType() {
      return switch (name) {
        case "matches" -> Boolean.class;
        case "split" -> List.class;
        default -> String.class;
      };
    }
  }

  private static String text(Object arg) {
    return arg instanceof CharSequence c ? c.toString() : TextOf.value(arg, Budget.current());
  }

  private static String concat(String s, String other, Budget budget) {
    grow(budget, (long) s.length() + other.length());
    return s.concat(other);
  }

  private static String replace(String s, String target, String replacement, Budget budget) {
    long hits = target.isEmpty() ? s.length() + 1L : count(s, target);
    grow(budget, s.length() + hits * (replacement.length() - (long) target.length()));
    return s.replace(target, replacement);
  }

  private static long count(String s, String target) {
    long hits = 0;
    for (int at = s.indexOf(target); at >= 0; at = s.indexOf(target, at + target.length())) {
      hits++;
    }
    return hits;
  }

  private static String replaceRegex(String s, String regex, String replacement, boolean all, Budget budget) {
    Matcher matcher = pattern(regex).matcher(new TimedText(s, budget));
    StringBuilder out = new StringBuilder();
    boolean found = false;
    try {
      while (matcher.find()) {
        found = true;
        matcher.appendReplacement(out, replacement);
        room(budget, out.length() + (long) s.length() - matcher.end());
        if (!all) {
          break;
        }
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new TemplateRuntimeException("replacement '" + replacement + "' is not valid: " + e.getMessage());
    }
    if (!found) {
      return s;
    }
    matcher.appendTail(out);
    budget.spendWork(out.length());
    return out.toString();
  }

  private static List<String> split(String s, String regex, int limit, Budget budget) {
    String[] parts = pattern(regex).split(new TimedText(s, budget), limit);
    budget.spendGrowth(parts.length);
    return new ArrayList<>(Arrays.asList(parts));
  }

  private static Pattern pattern(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new TemplateRuntimeException("invalid regular expression: " + e.getDescription() + " in '" + regex + "'");
    } catch (StackOverflowError e) {
      throw new TemplateRuntimeException("regular expression nested too deeply");
    }
  }

  private static void grow(Budget budget, long length) {
    budget.checkString(length);
    budget.spendWork(length);
  }

  private static void room(Budget budget, long length) {
    budget.checkString(length);
  }

  /** Text that checks the render's clock as a regular expression reads it. */
  private record TimedText(String s, Budget budget) implements CharSequence {
    @Override
    public char charAt(int index) {
      budget.step();
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new TimedText(s.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
