package dev.archway.cloudwatch.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of a CloudWatch metric math expression: numbers, query ids, strings,
 * {@code + - * / ^}, unary minus, parentheses, arrays {@code [m1, m2]} and function calls
 * {@code SUM(METRICS())}. Parsed by recursive descent; nesting is bounded.
 */
sealed interface MathExpression {
  record Number(double value) implements MathExpression {}

  record Ref(String id) implements MathExpression {}

  record Text(String value) implements MathExpression {}

  record Negate(MathExpression operand) implements MathExpression {}

  record Binary(char operator, MathExpression left, MathExpression right) implements MathExpression {}

  record Array(List<MathExpression> items) implements MathExpression {}

  record Call(String function, List<MathExpression> arguments) implements MathExpression {}

  /** @throws IllegalArgumentException saying where the expression is malformed */
  static MathExpression parse(String text) {
    Parser parser = new Parser(text);
    MathExpression expression = parser.sum();
    parser.space();
    if (parser.at < text.length()) {
      throw new IllegalArgumentException("Unexpected '" + text.charAt(parser.at) + "' at position " + (parser.at + 1));
    }
    return expression;
  }

  final class Parser {
    private static final int MAX_DEPTH = 50;
    private final String text;
    private int at;
    private int depth;

    Parser(String text) {
      this.text = text;
    }

    void space() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    boolean take(char c) {
      space();
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    MathExpression sum() {
      if (++depth > MAX_DEPTH) {
        throw new IllegalArgumentException("Expression nested too deeply");
      }
      MathExpression left = product();
      while (true) {
        if (take('+')) {
          left = new Binary('+', left, product());
        } else if (take('-')) {
          left = new Binary('-', left, product());
        } else {
          depth--;
          return left;
        }
      }
    }

    MathExpression product() {
      MathExpression left = power();
      while (true) {
        if (take('*')) {
          left = new Binary('*', left, power());
        } else if (take('/')) {
          left = new Binary('/', left, power());
        } else {
          return left;
        }
      }
    }

    MathExpression power() {
      MathExpression base = unary();
      return take('^') ? new Binary('^', base, power()) : base;
    }

    MathExpression unary() {
      return take('-') ? new Negate(unary()) : primary();
    }

    MathExpression primary() {
      space();
      if (at >= text.length()) {
        throw new IllegalArgumentException("Unexpected end of expression");
      }
      char c = text.charAt(at);
      if (take('(')) {
        MathExpression inner = sum();
        expect(')');
        return inner;
      }
      if (take('[')) {
        List<MathExpression> items = list(']');
        return new Array(items);
      }
      if (c == '"' || c == '\'') {
        int end = text.indexOf(c, at + 1);
        if (end < 0) {
          throw new IllegalArgumentException("Unclosed string at position " + (at + 1));
        }
        String value = text.substring(at + 1, end);
        at = end + 1;
        return new Text(value);
      }
      if (Character.isDigit(c) || c == '.') {
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
          at++;
        }
        try {
          return new Number(Double.parseDouble(text.substring(start, at)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Bad number '" + text.substring(start, at) + "'");
        }
      }
      if (Character.isLetter(c)) {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
          at++;
        }
        String name = text.substring(start, at);
        if (take('(')) {
          return new Call(name.toUpperCase(java.util.Locale.ROOT), list(')'));
        }
        return new Ref(name);
      }
      throw new IllegalArgumentException("Unexpected '" + c + "' at position " + (at + 1));
    }

    private List<MathExpression> list(char close) {
      List<MathExpression> items = new ArrayList<>();
      if (take(close)) {
        return items;
      }
      do {
        items.add(sum());
      } while (take(','));
      expect(close);
      return items;
    }

    private void expect(char c) {
      if (!take(c)) {
        throw new IllegalArgumentException("Expected '" + c + "' at position " + (at + 1));
      }
    }
  }
}
