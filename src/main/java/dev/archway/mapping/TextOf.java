package dev.archway.mapping;

import dev.archway.mapping.JsonValues.JsonList;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/**
 * Values turned into text the way Java's {@code toString} would, except that JSON arrays print as
 * JSON (the AWS quirk), and with a bound: a template can build structures whose text is enormous
 * (a list holding one big value a thousand times) or endless (a list holding itself), so the text
 * is written against the render's work budget and fails instead of exhausting the heap or stack.
 */
final class TextOf {
  private static final int MAX_DEPTH = 64;

  private final StringBuilder out = new StringBuilder();
  private final Budget budget;
  private final long max;

  private TextOf(Budget budget) {
    this.budget = budget;
    this.max = budget.limits().maxStringChars();
  }

  /** The text of a value, as a template would print it; spends work on the render's budget. */
  static String value(Object value, Budget budget) {
    if (value instanceof String s) {
      return s;
    }
    TextOf text = new TextOf(budget);
    text.java(value, 0);
    budget.spendWork(text.out.length());
    return text.out.toString();
  }

  /** The text of a value outside a render's accounting (reading overrides back after a render). */
  static String plain(Object value) {
    return value(value, Budget.currentOrDefault());
  }

  /** A string as a JSON string literal, quotes included. */
  static String jsonString(String s) {
    TextOf text = new TextOf(Budget.currentOrDefault());
    text.append("\"");
    text.escaped(s);
    text.append("\"");
    return text.out.toString();
  }

  private void java(Object value, int depth) {
    if (value instanceof JsonList list) {
      json(list, depth);
    } else if (value instanceof Map<?, ?> map) {
      enter(depth);
      append("{");
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        append(first ? "" : ", ");
        first = false;
        java(entry.getKey() == map ? "(this Map)" : entry.getKey(), depth + 1);
        append("=");
        java(entry.getValue() == map ? "(this Map)" : entry.getValue(), depth + 1);
      }
      append("}");
    } else if (value instanceof Collection<?> collection) {
      enter(depth);
      append("[");
      boolean first = true;
      for (Object element : collection) {
        append(first ? "" : ", ");
        first = false;
        java(element == collection ? "(this Collection)" : element, depth + 1);
      }
      append("]");
    } else if (value != null && value.getClass().isArray()) {
      enter(depth);
      append("[");
      for (int i = 0, n = Array.getLength(value); i < n; i++) {
        append(i == 0 ? "" : ", ");
        java(Array.get(value, i), depth + 1);
      }
      append("]");
    } else {
      append(String.valueOf(value));
    }
  }

  private void json(Object value, int depth) {
    if (value instanceof Map<?, ?> map) {
      enter(depth);
      append("{");
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        append(first ? "\"" : ",\"");
        first = false;
        escaped(String.valueOf(entry.getKey()));
        append("\":");
        json(entry.getValue(), depth + 1);
      }
      append("}");
    } else if (value instanceof Collection<?> collection) {
      enter(depth);
      append("[");
      boolean first = true;
      for (Object element : collection) {
        append(first ? "" : ",");
        first = false;
        json(element, depth + 1);
      }
      append("]");
    } else if (value == null || value instanceof Boolean || value instanceof Number) {
      append(String.valueOf(value));
    } else {
      append("\"");
      escaped(value instanceof String s ? s : value(value, budget));
      append("\"");
    }
  }

  /** JSON string escaping as Jackson writes it: quotes, backslashes and control characters. */
  private void escaped(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> append("\\\"");
        case '\\' -> append("\\\\");
        case '\n' -> append("\\n");
        case '\r' -> append("\\r");
        case '\t' -> append("\\t");
        case '\b' -> append("\\b");
        case '\f' -> append("\\f");
        default -> {
          if (c < 0x20) {
            room(6);
            unicode(out, c);
          } else {
            room(1);
            out.append(c);
          }
        }
      }
    }
  }

  /** Appends a backslash-u escape with four upper-case hex digits, as Jackson and Commons Lang write it. */
  static void unicode(StringBuilder out, char c) {
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append("0123456789ABCDEF".charAt((c >> shift) & 0xf));
    }
  }

  private void enter(int depth) {
    budget.tick();
    if (depth > MAX_DEPTH) {
      throw new TemplateRuntimeException("value nested deeper than " + MAX_DEPTH + " levels (or holding itself)");
    }
  }

  private void append(String s) {
    room(s.length());
    out.append(s);
  }

  private void room(int chars) {
    if (out.length() + (long) chars > max) {
      throw new TemplateRuntimeException("mapping template built a string of more than " + max + " characters");
    }
  }
}
