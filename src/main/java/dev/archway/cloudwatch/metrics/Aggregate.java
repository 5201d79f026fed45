package dev.archway.cloudwatch.metrics;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import dev.archway.store.MetricRows;
import java.io.IOException;

/**
 * The statistics of a set of values: sample count, sum, minimum, maximum and a DDSketch (1 %
 * relative accuracy, at most 2,048 bins) for percentiles. Mergeable, so minutes roll up into five
 * minutes and hours, and periods merge at query time. As on AWS, percentiles are unavailable once
 * a negative value or a statistic set that hides its values is added ({@code sketch} null then).
 * Not thread-safe: owned by one aggregator or one query.
 */
public final class Aggregate {
  private static final double ACCURACY = 0.01;
  private static final int BINS = 2048;

  private double count;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private DDSketch sketch = newSketch();

  private static DDSketch newSketch() {
    return DDSketches.logarithmicCollapsingLowestDense(ACCURACY, BINS);
  }

  /** {@code value} seen {@code times} times (PutMetricData's Values and Counts). */
  public void add(double value, double times) {
    count += times;
    sum += value * times;
    min = Math.min(min, value);
    max = Math.max(max, value);
    if (sketch != null) {
      if (value < 0) {
        sketch = null;
      } else {
        sketch.accept(value, times);
      }
    }
  }

  /**
   * A statistic set. Its values stay known for percentiles only when they are all equal (AWS's
   * rule: SampleCount 1, or Min = Max and Sum = Min × SampleCount).
   */
  public void addSet(double sampleCount, double setSum, double setMin, double setMax) {
    if (setMin == setMax && setSum == setMin * sampleCount) {
      add(setMin, sampleCount);
      return;
    }
    count += sampleCount;
    sum += setSum;
    min = Math.min(min, setMin);
    max = Math.max(max, setMax);
    sketch = null;
  }

  public void merge(Aggregate other) {
    count += other.count;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (sketch != null && other.sketch != null) {
      sketch.mergeWith(other.sketch);
    } else {
      sketch = null;
    }
  }

  public double sampleCount() {
    return count;
  }

  public double sum() {
    return sum;
  }

  public double minimum() {
    return min;
  }

  public double maximum() {
    return max;
  }

  public double average() {
    return count == 0 ? 0 : sum / count;
  }

  /** The value at percentile {@code p} (0..100), or NaN when percentiles are unavailable. */
  public double percentile(double p) {
    if (sketch == null || sketch.isEmpty()) {
      return Double.NaN;
    }
    // The sketch's relative error must not push a value past what was seen.
    return Math.max(min, Math.min(max, sketch.getValueAtQuantile(p / 100.0)));
  }

  public MetricRows.Point toPoint(long seriesId, int resolution, long start, String unit) {
    byte[] bytes = null;
    if (sketch != null) {
      GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
      try {
        sketch.encode(out, false);
        bytes = out.trimmedCopy();
      } catch (IOException e) {
        throw new IllegalStateException("encode a metric sketch", e);
      }
    }
    return new MetricRows.Point(seriesId, resolution, start, unit, count, sum, min, max, bytes);
  }

  public static Aggregate of(MetricRows.Point point) {
    Aggregate aggregate = new Aggregate();
    aggregate.count = point.sampleCount();
    aggregate.sum = point.sum();
    aggregate.min = point.minimum();
    aggregate.max = point.maximum();
    if (point.sketch() == null) {
      aggregate.sketch = null;
    } else {
      try {
        aggregate.sketch = DDSketch.decode(ByteArrayInput.wrap(point.sketch()), () -> new CollapsingLowestDenseStore(BINS));
      } catch (IOException e) {
        aggregate.sketch = null;
      }
    }
    return aggregate;
  }

  public Aggregate copy() {
    Aggregate copy = new Aggregate();
    copy.merge(this);
    return copy;
  }
}
