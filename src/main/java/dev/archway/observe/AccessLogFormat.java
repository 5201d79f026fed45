package dev.archway.observe;

import dev.archway.runtime.RequestLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stage's {@code accessLogSettings.format}, compiled once: the text between variables and, for
 * each {@code $context.<name>}, the function that reads it. Rendering a request appends the parts
 * in order, a variable without a value as {@code -}, nothing escaped (as AWS writes its access
 * logs). A name AWS does not define is kept as text and named by {@link #unknownVariables()}.
 */
public final class AccessLogFormat {
  private static final String PREFIX = "$context.";

  private final String source;
  private final Object[] parts;
  private final Set<String> unknown;

  private AccessLogFormat(String source, Object[] parts, Set<String> unknown) {
    this.source = source;
    this.parts = parts;
    this.unknown = unknown;
  }

  /**
   * @param accountId the API owner's account ({@code $context.accountId})
   * @param traced whether the stage traces requests ({@code $context.xrayTraceId})
   */
  public static AccessLogFormat compile(String format, String accountId, boolean traced) {
    List<Object> parts = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      int start = format.indexOf(PREFIX, i);
      if (start < 0) {
        text.append(format, i, format.length());
        break;
      }
      int end = nameEnd(format, start + PREFIX.length());
      String name = format.substring(start + PREFIX.length(), end);
      AccessLogVariables.Value value = name.isEmpty() ? null : AccessLogVariables.of(name, accountId, traced);
      text.append(format, i, start);
      if (value == null) {
        if (!name.isEmpty()) {
          unknown.add(PREFIX + name);
        }
        text.append(format, start, end);
      } else {
        if (!text.isEmpty()) {
          parts.add(text.toString());
          text.setLength(0);
        }
        parts.add(value);
      }
      i = end;
    }
    if (!text.isEmpty()) {
      parts.add(text.toString());
    }
    return new AccessLogFormat(format, parts.toArray(), Set.copyOf(unknown));
  }

  /** Where a name starting at {@code from} ends: dotted segments of letters, digits and {@code _}, no trailing dot. */
  private static int nameEnd(String format, int from) {
    int end = from;
    int i = from;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_') {
        i++;
        end = i;
      } else if (c == '.' && i > from && i + 1 < format.length() && isNameChar(format.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    return end;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** The request's access-log line. */
  public String render(RequestLog log) {
    StringBuilder line = new StringBuilder(source.length() + 64);
    for (Object part : parts) {
      if (part instanceof String text) {
        line.append(text);
      } else {
        String value = ((AccessLogVariables.Value) part).apply(log);
        line.append(value == null || value.isEmpty() ? "-" : value);
      }
    }
    return line.toString();
  }

  /** The {@code $context} names of the format AWS does not define (they are printed as written). */
  public Set<String> unknownVariables() {
    return unknown;
  }

  @Override
  public String toString() {
    return source;
  }
}
