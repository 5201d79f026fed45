package dev.archway.cloudwatch.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a JSON or space-delimited filter: brackets, operators ({@code = != < > <= >= && ||}),
 * quoted strings, {@code %regex%} and plain words (selectors, names, values).
 */
final class FilterTokens {
  record Token(String text, boolean quoted) {
    boolean is(String expected) {
      return !quoted && text.equals(expected);
    }
  }

  private final List<Token> tokens;
  private int at;

  private FilterTokens(List<Token> tokens) {
    this.tokens = tokens;
  }

  static FilterTokens of(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = FilterPattern.closing(text, i, '"');
        out.add(new Token(FilterPattern.unescape(text.substring(i + 1, end)), true));
        i = end + 1;
      } else if (c == '%') {
        int end = FilterPattern.closing(text, i, '%');
        out.add(new Token(text.substring(i, end + 1), false));
        i = end + 1;
      } else if ("{}()[],".indexOf(c) >= 0) {
        out.add(new Token(String.valueOf(c), false));
        i++;
      } else if (text.startsWith("&&", i) || text.startsWith("||", i) || text.startsWith("!=", i)
          || text.startsWith("<=", i) || text.startsWith(">=", i)) {
        out.add(new Token(text.substring(i, i + 2), false));
        i += 2;
      } else if ("=<>".indexOf(c) >= 0) {
        out.add(new Token(String.valueOf(c), false));
        i++;
      } else {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "{}()[],=<>!&|\"".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        if (end == i) {
          throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
        }
        out.add(new Token(text.substring(i, end), false));
        i = end;
      }
    }
    return new FilterTokens(out);
  }

  boolean done() {
    return at >= tokens.size();
  }

  Token peek() {
    return done() ? null : tokens.get(at);
  }

  Token next() {
    if (done()) {
      throw new IllegalArgumentException("the pattern ends too early");
    }
    return tokens.get(at++);
  }

  void expect(String text) {
    Token token = next();
    if (!token.is(text)) {
      throw new IllegalArgumentException("expected '" + text + "', found '" + token.text() + "'");
    }
  }

  boolean take(String text) {
    if (!done() && peek().is(text)) {
      at++;
      return true;
    }
    return false;
  }

  static boolean isOperator(Token token) {
    return token != null && !token.quoted() && List.of("=", "!=", "<", ">", "<=", ">=").contains(token.text());
  }
}
