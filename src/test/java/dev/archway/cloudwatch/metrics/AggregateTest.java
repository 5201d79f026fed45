package dev.archway.cloudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archway.store.MetricRows;
import org.junit.jupiter.api.Test;

class AggregateTest {
  @Test
  void percentilesSurviveStorageAndMerging() {
    Aggregate a = new Aggregate();
    for (int i = 1; i <= 1000; i++) {
      a.add(i, 1);
    }
    MetricRows.Point stored = a.toPoint(1, 60, 0, "Milliseconds");
    Aggregate back = Aggregate.of(stored);
    assertThat(back.percentile(50)).isCloseTo(500, within(10.0));
    assertThat(back.percentile(99)).isCloseTo(990, within(20.0));
    assertThat(back.percentile(100)).isEqualTo(1000);
    assertThat(back.sampleCount()).isEqualTo(1000);
    assertThat(back.sum()).isEqualTo(500_500);

    Aggregate other = new Aggregate();
    other.add(5000, 1000);
    back.merge(other);
    assertThat(back.percentile(75)).isCloseTo(5000, within(100.0));
    assertThat(back.minimum()).isEqualTo(1);
    assertThat(back.maximum()).isEqualTo(5000);
  }

  @Test
  void negativeValuesAndOpaqueStatisticSetsHavePercentilesNoMore() {
    Aggregate negative = new Aggregate();
    negative.add(5, 1);
    negative.add(-1, 1);
    assertThat(negative.percentile(50)).isNaN();
    assertThat(negative.toPoint(1, 60, 0, "None").sketch()).isNull();

    Aggregate uniform = new Aggregate();
    uniform.addSet(4, 20, 5, 5); // all four values are 5: still known
    assertThat(uniform.percentile(90)).isCloseTo(5, within(0.1));
    Aggregate opaque = new Aggregate();
    opaque.addSet(4, 30, 5, 10);
    assertThat(opaque.percentile(90)).isNaN();
    assertThat(opaque.average()).isEqualTo(7.5);
  }
}
