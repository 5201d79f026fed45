package dev.archway.cloudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.store.JdbcStore;
import dev.archway.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.archway.testing.TestStores;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The in-process metric sink: never blocks, and every sample is either in the store or counted as dropped. */
@ParameterizedClass
@EnumSource(TestStores.class)
class MetricSinkTest {
  @Parameter
  TestStores stores;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:30Z"));

  @Test
  void samplesReachTheStoreWithAnApiKeyDimension(@TempDir Path dir) {
    try (JdbcStore store = stores.open(dir)) {
      MetricStore metrics = new MetricStore(store, clock);
      MetricSink sink = new MetricSink(metrics, 1_000);
      int attempted = 50_000;
      int accepted = 0;
      for (int i = 0; i < attempted; i++) {
        if (sink.record("000000000000", "us-east-1", "AWS/ApiGateway", "Count",
            Map.of("ApiName", "pets", "ApiKeyId", "key" + i % 2), "Count", 1)) {
          accepted++;
        }
      }
      assertThat(accepted + sink.dropped()).isEqualTo(attempted);
      sink.close();
      MetricQuery query = new MetricQuery(metrics);
      long start = Instant.parse("2026-03-01T12:00:00Z").getEpochSecond();
      double total = 0;
      for (String key : new String[] {"key0", "key1"}) {
        MetricId metric = MetricId.of("AWS/ApiGateway", "Count", Map.of("ApiName", "pets", "ApiKeyId", key));
        total += query.merged("000000000000:us-east-1", metric, start, start + 60, 60, null).values().stream()
            .mapToDouble(Aggregate::sum).sum();
      }
      assertThat(total).isEqualTo(accepted);
      assertThat(sink.record("000000000000", "us-east-1", "N", "M", Map.of(), null, 1)).isFalse(); // closed
    }
  }

  @Test
  void rollupsServeOlderRangesAndPruningKeepsAwsRetention(@TempDir Path dir) {
    try (JdbcStore store = stores.open(dir)) {
      MetricStore metrics = new MetricStore(store, clock);
      MetricId metric = MetricId.of("N", "M", Map.of());
      long t = clock.millis();
      metrics.add("s", metric, "None", t, a -> a.add(5, 1));
      metrics.add("s", metric, "None", t + 120_000, a -> a.add(7, 1));
      metrics.flush();
      long start = Instant.parse("2026-03-01T12:00:00Z").getEpochSecond();
      assertThat(metrics.points("s", metric, 300, start, start + 300).firstEntry().getValue().get("None").sum()).isEqualTo(12);
      assertThat(metrics.points("s", metric, 3600, start - 3600, start + 3600).firstEntry().getValue().get("None").sampleCount())
          .isEqualTo(2);

      clock.set(clock.instant().plus(Duration.ofDays(20))); // past 15 days: minutes go, five minutes and hours stay
      metrics.prune();
      assertThat(metrics.points("s", metric, 60, start, start + 300)).isEmpty();
      assertThat(metrics.points("s", metric, 300, start, start + 300)).hasSize(1);
      assertThat(metrics.resolutionFor(start)).isEqualTo(300);
      assertThat(new MetricQuery(metrics).merged("s", metric, start, start + 300, 300, null).firstEntry().getValue().sum()).isEqualTo(12);
      clock.set(clock.instant().plus(Duration.ofDays(50)));
      metrics.prune();
      assertThat(metrics.points("s", metric, 300, start, start + 300)).isEmpty();
      assertThat(metrics.resolutionFor(start)).isEqualTo(3600);
      assertThat(metrics.points("s", metric, 3600, start - 3600, start + 3600)).hasSize(1);
    }
  }
}
