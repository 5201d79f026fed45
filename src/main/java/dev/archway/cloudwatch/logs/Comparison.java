package dev.archway.cloudwatch.logs;

import java.util.function.Predicate;

/**
 * One comparison of a JSON or space-delimited filter: an operator and a value as written
 * ({@code = 5*}, {@code > 100}, {@code != "GET"}, {@code = %^4[0-9]{2}$%}). Numbers compare as
 * numbers; {@code =} and {@code !=} on text match {@code *} wildcards against the whole value.
 */
record Comparison(String operator, Predicate<String> text, Double number) {

  /** @param value the value as written, quotes included; {@code quoted} when it was in double quotes */
  static Comparison of(String operator, String value, boolean quoted) {
    Double number = quoted ? null : number(value);
    boolean ordering = !operator.equals("=") && !operator.equals("!=");
    if (ordering && number == null) {
      throw new IllegalArgumentException("'" + operator + "' needs a number, not " + value);
    }
    Predicate<String> text;
    if (!quoted && value.length() > 1 && value.startsWith("%") && value.endsWith("%")) {
      text = FilterPattern.regex(value.substring(1, value.length() - 1));
    } else {
      text = FilterPattern.glob(value);
    }
    return new Comparison(operator, text, number);
  }

  /** Tests a value found in the event: its text, and whether it is a number there. */
  boolean test(String value, boolean numeric) {
    Double actual = numeric || number != null ? number(value) : null;
    return switch (operator) {
      case "=" -> number != null && actual != null ? actual.doubleValue() == number : text.test(value);
      case "!=" -> number != null && actual != null ? actual.doubleValue() != number : !text.test(value);
      case "<" -> actual != null && actual < number;
      case ">" -> actual != null && actual > number;
      case "<=" -> actual != null && actual <= number;
      case ">=" -> actual != null && actual >= number;
      default -> throw new IllegalArgumentException("unknown operator " + operator);
    };
  }

  private static Double number(String text) {
    if (text == null || text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-' || text.charAt(0) == '.')) {
      return null;
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
