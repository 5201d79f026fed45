package dev.archway.cloudwatch.logs;

import dev.archway.cloudwatch.logs.FilterTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The space-delimited form of a filter pattern: {@code [ip, user, ..., status = 4* || status = 5*, size > 1000]}.
 * An event splits into fields at spaces, a {@code "quoted"} or {@code [bracketed]} run counting as
 * one field (without its quotes or brackets); {@code ...} stands for any number of fields. The
 * conditions of a field test that field.
 */
final class FieldFilter {
  private FieldFilter() {}

  /** A field of the pattern: its name (or {@code ...}) and what its value must satisfy. */
  private record Field(String name, Predicate<String> condition) {
    boolean ellipsis() {
      return name.equals("...");
    }
  }

  static Predicate<String> parse(String text) {
    FilterTokens tokens = FilterTokens.of(text);
    tokens.expect("[");
    List<Field> fields = new ArrayList<>();
    do {
      fields.add(field(tokens));
    } while (tokens.take(","));
    tokens.expect("]");
    if (!tokens.done()) {
      throw new IllegalArgumentException("unexpected '" + tokens.peek().text() + "' after ']'");
    }
    return message -> matches(fields, 0, split(message), 0);
  }

  private static Field field(FilterTokens tokens) {
    Token name = tokens.next();
    if (name.quoted() || name.text().isEmpty()) {
      throw new IllegalArgumentException("expected a field name, found '" + name.text() + "'");
    }
    Predicate<String> condition = value -> true;
    if (FilterTokens.isOperator(tokens.peek())) {
      condition = comparison(tokens);
      while (tokens.peek() != null && (tokens.peek().is("&&") || tokens.peek().is("||"))) {
        boolean and = tokens.next().is("&&");
        Token again = tokens.next();
        if (!again.text().equals(name.text())) {
          throw new IllegalArgumentException("a condition on '" + name.text() + "' names '" + again.text() + "'");
        }
        Predicate<String> next = comparison(tokens);
        condition = and ? condition.and(next) : condition.or(next);
      }
    }
    return new Field(name.text(), condition);
  }

  private static Predicate<String> comparison(FilterTokens tokens) {
    Token operator = tokens.next();
    if (!FilterTokens.isOperator(operator)) {
      throw new IllegalArgumentException("expected an operator, found '" + operator.text() + "'");
    }
    Token value = tokens.next();
    Comparison comparison = Comparison.of(operator.text(), value.text(), value.quoted());
    return field -> comparison.test(field, false);
  }

  private static boolean matches(List<Field> fields, int f, List<String> values, int v) {
    if (f == fields.size()) {
      return v == values.size();
    }
    Field field = fields.get(f);
    if (field.ellipsis()) {
      if (f == fields.size() - 1) {
        return true;
      }
      for (int skip = v; skip <= values.size(); skip++) {
        if (matches(fields, f + 1, values, skip)) {
          return true;
        }
      }
      return false;
    }
    return v < values.size() && field.condition().test(values.get(v)) && matches(fields, f + 1, values, v + 1);
  }

  static List<String> split(String message) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < message.length()) {
      char c = message.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      char close = c == '"' ? '"' : c == '[' ? ']' : 0;
      int end = close == 0 ? i : message.indexOf(close, i + 1);
      if (close != 0 && end > 0) {
        out.add(message.substring(i + 1, end));
        i = end + 1;
        continue;
      }
      end = i;
      while (end < message.length() && message.charAt(end) != ' ' && message.charAt(end) != '\t') {
        end++;
      }
      out.add(message.substring(i, end));
      i = end;
    }
    return out;
  }
}
