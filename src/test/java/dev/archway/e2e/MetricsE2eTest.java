package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** PutMetricData, GetMetricStatistics and ListMetrics through the AWS SDK (which speaks awsquery to CloudWatch). */
class MetricsE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static CloudWatchClient cw;
  static final Instant MINUTE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(30, ChronoUnit.MINUTES);
  static final Dimension API = Dimension.builder().name("ApiName").value("pets").build();

  @BeforeAll
  static void client() {
    cw = CloudWatchClients.cloudWatch(server.adminPort());
  }

  @AfterAll
  static void close() {
    cw.close();
  }

  @Test
  void valuesStatisticSetsAndValueArraysAggregatePerMinute() {
    cw.putMetricData(r -> r.namespace("Shop").metricData(
        d -> d.metricName("Latency").dimensions(API).timestamp(MINUTE.plusSeconds(5)).value(100.0).unit(StandardUnit.MILLISECONDS),
        d -> d.metricName("Latency").dimensions(API).timestamp(MINUTE.plusSeconds(20)).value(300.0).unit(StandardUnit.MILLISECONDS),
        d -> d.metricName("Latency").dimensions(API).timestamp(MINUTE.plusSeconds(70)).values(10.0, 20.0).counts(3.0, 1.0)
            .unit(StandardUnit.MILLISECONDS),
        d -> d.metricName("Latency").dimensions(API).timestamp(MINUTE.plusSeconds(130))
            .statisticValues(s -> s.sampleCount(4.0).sum(40.0).minimum(5.0).maximum(15.0)).unit(StandardUnit.MILLISECONDS)));

    List<Datapoint> points = cw.getMetricStatistics(r -> r.namespace("Shop").metricName("Latency").dimensions(API)
        .startTime(MINUTE).endTime(MINUTE.plusSeconds(180)).period(60)
        .statistics(Statistic.SUM, Statistic.AVERAGE, Statistic.MINIMUM, Statistic.MAXIMUM, Statistic.SAMPLE_COUNT))
        .datapoints().stream().sorted(Comparator.comparing(Datapoint::timestamp)).toList();
    assertThat(points).hasSize(3);
    assertThat(points.get(0).timestamp()).isEqualTo(MINUTE);
    assertThat(points.get(0).sum()).isEqualTo(400.0);
    assertThat(points.get(0).average()).isEqualTo(200.0);
    assertThat(points.get(0).minimum()).isEqualTo(100.0);
    assertThat(points.get(0).maximum()).isEqualTo(300.0);
    assertThat(points.get(0).sampleCount()).isEqualTo(2.0);
    assertThat(points.get(0).unit()).isEqualTo(StandardUnit.MILLISECONDS);
    assertThat(points.get(1).sum()).isEqualTo(50.0);
    assertThat(points.get(1).sampleCount()).isEqualTo(4.0);
    assertThat(points.get(2).average()).isEqualTo(10.0);

    // One period over all three minutes merges them; percentiles come from the sketches.
    Datapoint whole = cw.getMetricStatistics(r -> r.namespace("Shop").metricName("Latency").dimensions(API)
        .startTime(MINUTE).endTime(MINUTE.plusSeconds(180)).period(180).extendedStatistics("p50", "p99")).datapoints().get(0);
    assertThat(whole.extendedStatistics()).doesNotContainKey("p50"); // the statistic set hides its values
    List<Datapoint> first = cw.getMetricStatistics(r -> r.namespace("Shop").metricName("Latency").dimensions(API)
        .startTime(MINUTE).endTime(MINUTE.plusSeconds(120)).period(120).extendedStatistics("p50", "p100")).datapoints();
    assertThat(first.get(0).extendedStatistics().get("p50")).isCloseTo(10.0, within(0.2));
    assertThat(first.get(0).extendedStatistics().get("p100")).isEqualTo(300.0);

    assertThat(cw.getMetricStatistics(r -> r.namespace("Shop").metricName("Latency").dimensions(API).startTime(MINUTE)
        .endTime(MINUTE.plusSeconds(180)).period(60).statistics(Statistic.SUM).unit(StandardUnit.SECONDS)).datapoints()).isEmpty();
    // Dimensions must match exactly.
    assertThat(cw.getMetricStatistics(r -> r.namespace("Shop").metricName("Latency").startTime(MINUTE)
        .endTime(MINUTE.plusSeconds(180)).period(60).statistics(Statistic.SUM)).datapoints()).isEmpty();
  }

  @Test
  void largeBatchesArriveGzippedAsTheModelAsks() {
    // Over 10 KB the SDK compresses PutMetricData (the model's requestcompression trait).
    java.util.List<software.amazon.awssdk.services.cloudwatch.model.MetricDatum> data = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int n = i;
      data.add(software.amazon.awssdk.services.cloudwatch.model.MetricDatum.builder().metricName("Batch")
          .dimensions(Dimension.builder().name("Shard").value("shard-" + n % 10).build()).timestamp(MINUTE).value((double) n).build());
    }
    cw.putMetricData(r -> r.namespace("Big").metricData(data));
    assertThat(cw.listMetrics(r -> r.namespace("Big")).metrics()).hasSize(10);
    Datapoint shard3 = cw.getMetricStatistics(r -> r.namespace("Big").metricName("Batch")
        .dimensions(Dimension.builder().name("Shard").value("shard-3").build()).startTime(MINUTE).endTime(MINUTE.plusSeconds(60))
        .period(60).statistics(Statistic.SAMPLE_COUNT, Statistic.SUM)).datapoints().get(0);
    assertThat(shard3.sampleCount()).isEqualTo(100.0);
    assertThat(shard3.sum()).isEqualTo(49_800.0); // 3 + 13 + ... + 993
  }

  @Test
  void listMetricsFiltersByNamespaceNameAndDimensions() {
    cw.putMetricData(r -> r.namespace("Inventory").metricData(
        d -> d.metricName("Count").dimensions(API, Dimension.builder().name("Stage").value("prod").build()).timestamp(MINUTE).value(1.0),
        d -> d.metricName("Count").dimensions(API).timestamp(MINUTE).value(1.0),
        d -> d.metricName("Errors").dimensions(Dimension.builder().name("ApiName").value("cats").build()).timestamp(MINUTE).value(1.0)));
    assertThat(cw.listMetrics(r -> r.namespace("Inventory")).metrics()).hasSize(3);
    assertThat(cw.listMetrics(r -> r.namespace("Inventory").metricName("Count")).metrics()).hasSize(2);
    List<Metric> prod = cw.listMetrics(r -> r.namespace("Inventory").dimensions(DimensionFilter.builder().name("Stage").build())).metrics();
    assertThat(prod).hasSize(1);
    assertThat(prod.get(0).dimensions()).extracting(Dimension::name).containsExactly("ApiName", "Stage");
    assertThat(cw.listMetrics(r -> r.dimensions(DimensionFilter.builder().name("ApiName").value("cats").build())).metrics())
        .extracting(Metric::metricName).containsExactly("Errors");
    assertThat(cw.listMetricsPaginator(r -> r.namespace("Inventory")).metrics()).hasSize(3);
  }

  @Test
  void refusalsAreAwsShaped() {
    assertThatThrownBy(() -> cw.putMetricData(r -> r.namespace("AWS/ApiGateway").metricData(d -> d.metricName("Count").value(1.0))))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("The value AWS/ApiGateway for parameter Namespace is invalid.");
    assertThatThrownBy(() -> cw.putMetricData(r -> r.namespace("N").metricData(d -> d.metricName("M").value(1.0)
        .statisticValues(s -> s.sampleCount(1.0).sum(1.0).minimum(1.0).maximum(1.0)))))
        .isInstanceOf(InvalidParameterCombinationException.class);
    assertThatThrownBy(() -> cw.putMetricData(r -> r.namespace("N").metricData(d -> d.metricName("M"))))
        .isInstanceOf(MissingRequiredParameterException.class).hasMessageContaining("MetricData.member.1.Value is required");
    assertThatThrownBy(() -> cw.putMetricData(r -> r.namespace("N").metricData(d -> d.metricName("M").value(Double.NaN))))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> cw.putMetricData(r -> r.namespace("N").metricData(d -> d.metricName("M").value(1.0)
        .timestamp(Instant.now().minus(15, ChronoUnit.DAYS)))))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("two weeks in the past");
    assertThatThrownBy(() -> cw.getMetricStatistics(r -> r.namespace("N").metricName("M").startTime(MINUTE.minus(3, ChronoUnit.DAYS))
        .endTime(MINUTE).period(60).statistics(Statistic.SUM)))
        .isInstanceOf(InvalidParameterCombinationException.class).hasMessageContaining("exceeds the limit of 1440");
    assertThatThrownBy(() -> cw.getMetricStatistics(r -> r.namespace("N").metricName("M").startTime(MINUTE)
        .endTime(MINUTE.plusSeconds(60)).period(45).statistics(Statistic.SUM)))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("multiple of 60");
    assertThatThrownBy(() -> cw.getMetricStatistics(r -> r.namespace("N").metricName("M").startTime(MINUTE)
        .endTime(MINUTE.plusSeconds(60)).period(60)))
        .isInstanceOf(MissingRequiredParameterException.class);
    assertThatThrownBy(() -> cw.getMetricStatistics(r -> r.namespace("N").metricName("M").startTime(MINUTE)
        .endTime(MINUTE.plusSeconds(60)).period(60).extendedStatistics("tm99")))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("tm99");
    assertThatThrownBy(() -> cw.getMetricStatistics(r -> r.namespace("N").startTime(MINUTE).endTime(MINUTE.plusSeconds(60))
        .period(60).statistics(Statistic.SUM)))
        .isInstanceOf(MissingRequiredParameterException.class).hasMessageContaining("MetricName");
    assertThatThrownBy(() -> cw.putMetricData(r -> r.namespace("N").metricData(d -> d.metricName("M").value(1.0).storageResolution(5))))
        .isInstanceOf(CloudWatchException.class).hasMessageContaining("StorageResolution");
  }
}
