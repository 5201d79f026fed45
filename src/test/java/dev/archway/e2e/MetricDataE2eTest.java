package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/** GetMetricData: MetricStat queries, metric math, SEARCH, ordering and paging, through the AWS SDK. */
class MetricDataE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static CloudWatchClient cw;
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(20, ChronoUnit.MINUTES);

  @BeforeAll
  static void data() {
    cw = CloudWatchClients.cloudWatch(server.adminPort());
    // Requests and errors of two APIs over three minutes: requests 10, 20, 40 (pets) and 5, 5, 5 (cats).
    double[] pets = {10, 20, 40};
    for (int minute = 0; minute < 3; minute++) {
      Instant at = T0.plus(minute, ChronoUnit.MINUTES);
      double p = pets[minute];
      cw.putMetricData(r -> r.namespace("Gw").metricData(
          d -> d.metricName("Count").dimensions(api("pets")).timestamp(at).value(p),
          d -> d.metricName("Errors").dimensions(api("pets")).timestamp(at).value(p / 10),
          d -> d.metricName("Count").dimensions(api("cats")).timestamp(at).value(5.0)));
    }
  }

  @AfterAll
  static void close() {
    cw.close();
  }

  private static Dimension api(String name) {
    return Dimension.builder().name("ApiName").value(name).build();
  }

  private static MetricDataQuery stat(String id, String metric, String api, String stat, boolean returned) {
    return MetricDataQuery.builder().id(id).returnData(returned).metricStat(s -> s.period(60).stat(stat)
        .metric(m -> m.namespace("Gw").metricName(metric).dimensions(api(api)))).build();
  }

  private static MetricDataQuery expression(String id, String expression) {
    return MetricDataQuery.builder().id(id).expression(expression).label(id).build();
  }

  private static GetMetricDataResponse get(ScanBy scan, MetricDataQuery... queries) {
    return cw.getMetricData(r -> r.startTime(T0).endTime(T0.plus(3, ChronoUnit.MINUTES)).scanBy(scan).metricDataQueries(queries));
  }

  private static Map<String, List<Double>> values(GetMetricDataResponse response) {
    return response.metricDataResults().stream().collect(Collectors.toMap(MetricDataResult::label, MetricDataResult::values));
  }

  @Test
  void metricStatAndArithmetic() {
    GetMetricDataResponse response = get(ScanBy.TIMESTAMP_ASCENDING,
        stat("requests", "Count", "pets", "Sum", true), stat("errors", "Errors", "pets", "Sum", false),
        expression("rate", "100 * errors / requests"), expression("shifted", "-(requests - 5) ^ 1"));
    MetricDataResult requests = response.metricDataResults().get(0);
    assertThat(requests.id()).isEqualTo("requests");
    assertThat(requests.label()).isEqualTo("Count");
    assertThat(requests.timestamps()).containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
    assertThat(requests.values()).containsExactly(10.0, 20.0, 40.0);
    assertThat(requests.statusCodeAsString()).isEqualTo("Complete");
    assertThat(values(response)).containsEntry("rate", List.of(10.0, 10.0, 10.0)).containsEntry("shifted", List.of(-5.0, -15.0, -35.0))
        .doesNotContainKey("Errors");
    // Newest first by default.
    assertThat(get(ScanBy.TIMESTAMP_DESCENDING, stat("requests", "Count", "pets", "Sum", true)).metricDataResults().get(0).values())
        .containsExactly(40.0, 20.0, 10.0);
  }

  @Test
  void functionsOverSeriesAndArrays() {
    MetricDataQuery pets = stat("p", "Count", "pets", "Sum", false);
    MetricDataQuery cats = stat("c", "Count", "cats", "Sum", false);
    Map<String, List<Double>> v = values(get(ScanBy.TIMESTAMP_ASCENDING, pets, cats,
        expression("total", "SUM([p, c])"), expression("mean", "AVG(METRICS())"), expression("low", "MIN([p, c])"),
        expression("high", "MAX(METRICS())"), expression("diff", "DIFF(p)"), expression("rate", "RATE(p)"),
        expression("avgScalar", "p - MIN(p) + ABS(-1)"), expression("filled", "FILL(p / (p - 20), 0)")));
    assertThat(v.get("total")).containsExactly(15.0, 25.0, 45.0);
    assertThat(v.get("mean")).containsExactly(7.5, 12.5, 22.5);
    assertThat(v.get("low")).containsExactly(5.0, 5.0, 5.0);
    assertThat(v.get("high")).containsExactly(10.0, 20.0, 40.0);
    assertThat(v.get("diff")).containsExactly(10.0, 20.0);
    assertThat(v.get("rate")).containsExactly(10.0 / 60, 20.0 / 60);
    assertThat(v.get("avgScalar")).containsExactly(1.0, 11.0, 31.0);
    assertThat(v.get("filled")).containsExactly(-1.0, 0.0, 2.0); // 20/0 has no value; FILL puts 0 there
  }

  @Test
  void searchFindsSeriesBySchemaAndTerms() {
    GetMetricDataResponse response = get(ScanBy.TIMESTAMP_ASCENDING,
        MetricDataQuery.builder().id("all").expression("SEARCH('{Gw,ApiName} MetricName=\"Count\"', 'Sum', 60)").build());
    assertThat(response.metricDataResults()).hasSize(2).allMatch(r -> r.id().equals("all"));
    assertThat(response.metricDataResults()).extracting(MetricDataResult::label).containsExactlyInAnyOrder("pets Count", "cats Count");
    GetMetricDataResponse summed = get(ScanBy.TIMESTAMP_ASCENDING, MetricDataQuery.builder().id("s").returnData(false)
        .expression("SEARCH('{Gw,ApiName} pets', 'Sum', 60)").build(), expression("both", "SUM(s)"));
    assertThat(values(summed).get("both")).containsExactly(11.0, 22.0, 44.0); // Count + Errors of pets
  }

  @Test
  void pagingByMaxDatapoints() {
    GetMetricDataResponse first = cw.getMetricData(r -> r.startTime(T0).endTime(T0.plus(3, ChronoUnit.MINUTES)).maxDatapoints(2)
        .metricDataQueries(stat("p", "Count", "pets", "Sum", true)));
    assertThat(first.metricDataResults().get(0).values()).containsExactly(40.0, 20.0);
    assertThat(first.metricDataResults().get(0).statusCodeAsString()).isEqualTo("PartialData");
    GetMetricDataResponse second = cw.getMetricData(r -> r.startTime(T0).endTime(T0.plus(3, ChronoUnit.MINUTES)).maxDatapoints(2)
        .nextToken(first.nextToken()).metricDataQueries(stat("p", "Count", "pets", "Sum", true)));
    assertThat(second.metricDataResults().get(0).values()).containsExactly(10.0);
    assertThat(second.nextToken()).isNull();
    assertThat(cw.getMetricDataPaginator(r -> r.startTime(T0).endTime(T0.plus(3, ChronoUnit.MINUTES)).maxDatapoints(1)
        .metricDataQueries(stat("p", "Count", "pets", "Sum", true))).metricDataResults().stream()
        .mapToInt(r -> r.values().size()).sum()).isEqualTo(3);
  }

  @Test
  void badExpressionsAreRefusedWithTheReason() {
    for (String[] bad : new String[][] {{"1 +", "Unexpected end"}, {"NOPE(p)", "Unsupported function NOPE"}, {"x * 2", "Unrecognized identifier x"},
        {"SUM(p", "Expected ')'"}, {"(".repeat(60) + "p" + ")".repeat(60), "nested too deeply"}}) {
      assertThatThrownBy(() -> get(ScanBy.TIMESTAMP_ASCENDING, stat("p", "Count", "pets", "Sum", false), expression("e", bad[0])))
          .as(bad[0]).isInstanceOf(CloudWatchException.class).hasMessageContaining("Error in expression e").hasMessageContaining(bad[1])
          .extracting(e -> ((CloudWatchException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    }
    assertThatThrownBy(() -> get(ScanBy.TIMESTAMP_ASCENDING, expression("a", "b"), expression("b", "a")))
        .isInstanceOf(CloudWatchException.class).hasMessageContaining("Circular");
    assertThatThrownBy(() -> get(ScanBy.TIMESTAMP_ASCENDING, stat("p", "Count", "pets", "Sum", true), stat("p", "Count", "cats", "Sum", true)))
        .isInstanceOf(CloudWatchException.class).hasMessageContaining("not unique");
  }
}
