package dev.archway.cloudwatch.metrics;

import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistic of an aggregate as CloudWatch names it: SampleCount, Average, Sum, Minimum, Maximum
 * or a percentile {@code p0}..{@code p100} (decimals allowed: {@code p99.9}). The other extended
 * statistics (trimmed means, IQM...) are not kept.
 */
public record Statistic(String name, ToDoubleFunction<Aggregate> value) {
  private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,3}(?:\\.\\d{1,10})?)");

  /** @return null when {@code name} is no statistic Archway computes */
  public static Statistic parse(String name) {
    if (name == null) {
      return null;
    }
    switch (name) {
      case "SampleCount":
        return new Statistic(name, Aggregate::sampleCount);
      case "Average":
        return new Statistic(name, Aggregate::average);
      case "Sum":
        return new Statistic(name, Aggregate::sum);
      case "Minimum":
        return new Statistic(name, Aggregate::minimum);
      case "Maximum":
        return new Statistic(name, Aggregate::maximum);
      default:
        break;
    }
    Matcher m = PERCENTILE.matcher(name);
    if (!m.matches()) {
      return null;
    }
    double p = Double.parseDouble(m.group(1));
    return p > 100 ? null : new Statistic(name, a -> a.percentile(p));
  }

  public boolean percentile() {
    return name.startsWith("p");
  }

  /** The statistic of an aggregate; NaN when it cannot be computed (a percentile of unknown values). */
  public double of(Aggregate aggregate) {
    return value.applyAsDouble(aggregate);
  }
}
