package dev.archway.cloudwatch.metrics;

import dev.archway.cloudwatch.metrics.MathValue.Many;
import dev.archway.cloudwatch.metrics.MathValue.Scalar;
import dev.archway.cloudwatch.metrics.MathValue.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The metric math functions Archway serves, with CloudWatch's semantics: SUM, AVG, MIN, MAX of
 * an array give one series (value by value), of one series a scalar; RATE (per second) and DIFF
 * against the previous value; ABS, CEIL, FLOOR; FILL with a number or REPEAT; arithmetic between
 * scalars, series and arrays, a series pair meeting only where both have a value.
 */
final class MathFunctions {
  private MathFunctions() {}

  static MathValue call(String function, List<MathValue> args) {
    return switch (function) {
      case "SUM" -> reduce(one(function, args), Double::sum, false);
      case "AVG" -> reduce(one(function, args), Double::sum, true);
      case "MIN" -> reduce(one(function, args), Math::min, false);
      case "MAX" -> reduce(one(function, args), Math::max, false);
      case "ABS" -> map(one(function, args), Math::abs);
      case "CEIL" -> map(one(function, args), Math::ceil);
      case "FLOOR" -> map(one(function, args), Math::floor);
      case "RATE" -> eachSeries(one(function, args), s -> delta(s, true));
      case "DIFF" -> eachSeries(one(function, args), s -> delta(s, false));
      default -> throw new IllegalArgumentException("Unsupported function " + function
          + " (Archway serves SUM, AVG, MIN, MAX, RATE, DIFF, ABS, CEIL, FLOOR, FILL, METRICS and SEARCH)");
    };
  }

  private static MathValue one(String function, List<MathValue> args) {
    if (args.size() != 1) {
      throw new IllegalArgumentException(function + " takes 1 argument, " + args.size() + " given");
    }
    return args.get(0);
  }

  /** Over an array: one series of the values at each timestamp. Over one series: a scalar. */
  private static MathValue reduce(MathValue value, BinaryOperator<Double> op, boolean average) {
    if (value instanceof Series series) {
      if (series.values().isEmpty()) {
        return new Scalar(Double.NaN);
      }
      double total = series.values().values().stream().reduce(op).orElseThrow();
      return new Scalar(average ? total / series.values().size() : total);
    }
    if (value instanceof Many many) {
      TreeMap<Long, Double> out = new TreeMap<>();
      TreeMap<Long, Integer> counts = new TreeMap<>();
      for (Series series : many.series()) {
        series.values().forEach((t, v) -> {
          out.merge(t, v, op);
          counts.merge(t, 1, Integer::sum);
        });
      }
      if (average) {
        out.replaceAll((t, v) -> v / counts.get(t));
      }
      return new Series("", out);
    }
    return value;
  }

  static MathValue map(MathValue value, DoubleUnaryOperator op) {
    if (value instanceof Scalar scalar) {
      return new Scalar(op.applyAsDouble(scalar.value()));
    }
    return eachSeries(value, s -> {
      TreeMap<Long, Double> out = new TreeMap<>();
      s.values().forEach((t, v) -> out.put(t, op.applyAsDouble(v)));
      return new Series(s.label(), out);
    });
  }

  static MathValue eachSeries(MathValue value, java.util.function.UnaryOperator<Series> op) {
    if (value instanceof Series series) {
      return op.apply(series);
    }
    if (value instanceof Many many) {
      return new Many(many.series().stream().map(op).toList());
    }
    throw new IllegalArgumentException("Expected a time series, found a number");
  }

  private static Series delta(Series series, boolean perSecond) {
    TreeMap<Long, Double> out = new TreeMap<>();
    Map.Entry<Long, Double> previous = null;
    for (Map.Entry<Long, Double> entry : series.values().entrySet()) {
      if (previous != null) {
        double change = entry.getValue() - previous.getValue();
        out.put(entry.getKey(), perSecond ? change / (entry.getKey() - previous.getKey()) : change);
      }
      previous = entry;
    }
    return new Series(series.label(), out);
  }

  /** FILL(series, number) or FILL(series, REPEAT) over every period of the grid. */
  static MathValue fill(MathValue value, MathValue with, boolean repeat, List<Long> grid) {
    return eachSeries(value, s -> {
      TreeMap<Long, Double> out = new TreeMap<>();
      Double last = null;
      for (long t : grid) {
        Double v = s.values().get(t);
        if (v != null) {
          last = v;
        } else if (repeat) {
          v = last;
        } else if (with instanceof Scalar scalar) {
          v = scalar.value();
        }
        if (v != null) {
          out.put(t, v);
        }
      }
      return new Series(s.label(), out);
    });
  }

  static MathValue arithmetic(char operator, MathValue left, MathValue right) {
    DoubleBinaryOperator op = switch (operator) {
      case '+' -> Double::sum;
      case '-' -> (a, b) -> a - b;
      case '*' -> (a, b) -> a * b;
      case '/' -> (a, b) -> a / b;
      case '^' -> Math::pow;
      default -> throw new IllegalArgumentException("Unknown operator " + operator);
    };
    if (left instanceof Scalar l && right instanceof Scalar r) {
      return new Scalar(op.applyAsDouble(l.value(), r.value()));
    }
    if (right instanceof Scalar r) {
      return eachSeries(left, s -> pointwise(s, t -> r.value(), op));
    }
    if (left instanceof Scalar l) {
      return eachSeries(right, s -> pointwise(s, t -> l.value(), (a, b) -> op.applyAsDouble(b, a)));
    }
    if (right instanceof Series r) {
      return eachSeries(left, s -> pointwise(s, r.values()::get, op));
    }
    if (left instanceof Series l && right instanceof Many many) {
      List<Series> out = new ArrayList<>();
      many.series().forEach(s -> out.add(pointwise(s, l.values()::get, (a, b) -> op.applyAsDouble(b, a))));
      return new Many(out);
    }
    throw new IllegalArgumentException("Arithmetic between two arrays of time series is not supported");
  }

  private static Series pointwise(Series series, java.util.function.LongFunction<Double> other, DoubleBinaryOperator op) {
    TreeMap<Long, Double> out = new TreeMap<>();
    series.values().forEach((t, v) -> {
      Double w = other.apply(t);
      if (w != null) {
        double result = op.applyAsDouble(v, w);
        if (Double.isFinite(result)) {
          out.put(t, result);
        }
      }
    });
    return new Series(series.label(), out);
  }
}
