package dev.archway.cloudwatch.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The search of {@code SEARCH('{AWS/ApiGateway,ApiName} MetricName="Latency" prod', 'Average', 300)}:
 * an optional schema (namespace and the exact set of dimension names), {@code Name="value"} terms
 * that must equal the metric name ({@code MetricName}) or a dimension's value, and free terms that
 * must appear (any case) in the namespace, the metric name or a dimension. Boolean operators
 * (OR, NOT, parentheses) are not served.
 */
record SearchExpression(String namespace, List<String> schemaDimensions, Predicate<MetricId> filter) {

  static SearchExpression parse(String text) {
    String rest = text.trim();
    String namespace = null;
    List<String> schema = null;
    if (rest.startsWith("{")) {
      int close = rest.indexOf('}');
      if (close < 0) {
        throw new IllegalArgumentException("Unclosed '{' in SEARCH expression");
      }
      String[] parts = rest.substring(1, close).split(",");
      namespace = unquote(parts[0].trim());
      schema = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        schema.add(unquote(parts[i].trim()));
      }
      rest = rest.substring(close + 1);
    }
    Predicate<MetricId> filter = m -> true;
    for (String term : terms(rest)) {
      if (term.matches("(?i)(AND|OR|NOT)") || term.startsWith("(")) {
        throw new IllegalArgumentException("SEARCH operators AND, OR, NOT and parentheses are not supported by Archway");
      }
      int eq = term.indexOf('=');
      if (eq > 0) {
        String key = unquote(term.substring(0, eq));
        String value = unquote(term.substring(eq + 1));
        filter = filter.and(key.equals("MetricName") ? m -> m.metricName().equals(value)
            : key.equals("Namespace") ? m -> m.namespace().equals(value)
            : m -> value.equals(m.dimensionValue(key)));
      } else {
        String needle = unquote(term).toLowerCase(Locale.ROOT);
        filter = filter.and(m -> (m.namespace() + " " + m.metricName() + " " + m.dimensions()).toLowerCase(Locale.ROOT).contains(needle));
      }
    }
    String ns = namespace;
    List<String> dims = schema;
    Predicate<MetricId> inSchema = m -> (ns == null || m.namespace().equals(ns))
        && (dims == null || m.dimensions().size() == dims.size() && m.dimensions().stream().allMatch(d -> dims.contains(d.name())));
    return new SearchExpression(namespace, schema, inSchema.and(filter));
  }

  private static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder term = new StringBuilder();
    boolean quoted = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        term.append(c);
      } else if (Character.isWhitespace(c) && !quoted) {
        if (term.length() > 0) {
          out.add(term.toString());
          term.setLength(0);
        }
      } else {
        term.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("Unclosed '\"' in SEARCH expression");
    }
    if (term.length() > 0) {
      out.add(term.toString());
    }
    return out;
  }

  private static String unquote(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }
}
