package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.Archway;
import dev.archway.config.Settings;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** Metrics, alarms and dashboards put before a restart are all there after it, percentiles included. */
class MetricsRestartE2eTest {
  @Test
  void metricsSurviveARestart() throws Exception {
    Path dataDir = Files.createTempDirectory("archway-metrics-restart");
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
    try {
      try (Archway first = Archway.start(Settings.forTests(dataDir)); CloudWatchClient cw = CloudWatchClients.cloudWatch(first.adminPort())) {
        cw.putMetricData(r -> r.namespace("Kept").metricData(d -> d.metricName("Latency").timestamp(minute).values(10.0, 20.0, 30.0)));
        cw.putMetricAlarm(r -> r.alarmName("kept").namespace("Kept").metricName("Latency").statistic(Statistic.AVERAGE).period(60)
            .evaluationPeriods(1).threshold(100.0).comparisonOperator("GreaterThanThreshold"));
        cw.putDashboard(r -> r.dashboardName("kept").dashboardBody("{\"widgets\":[]}"));
      }
      // The metric sink's queue is written at close too: a sample recorded just before stopping is kept.
      try (Archway second = Archway.start(Settings.forTests(dataDir)); CloudWatchClient cw = CloudWatchClients.cloudWatch(second.adminPort())) {
        Datapoint point = cw.getMetricStatistics(r -> r.namespace("Kept").metricName("Latency").startTime(minute)
            .endTime(minute.plusSeconds(60)).period(60).statistics(Statistic.AVERAGE, Statistic.SAMPLE_COUNT)).datapoints().get(0);
        assertThat(point.average()).isEqualTo(20.0);
        assertThat(point.sampleCount()).isEqualTo(3.0);
        assertThat(cw.getMetricStatistics(r -> r.namespace("Kept").metricName("Latency").startTime(minute)
            .endTime(minute.plusSeconds(60)).period(60).extendedStatistics("p100")).datapoints().get(0).extendedStatistics())
            .containsEntry("p100", 30.0);
        assertThat(cw.listMetrics(r -> r.namespace("Kept")).metrics()).hasSize(1);
        assertThat(cw.describeAlarms(r -> r.alarmNames("kept")).metricAlarms()).hasSize(1);
        assertThat(cw.getDashboard(r -> r.dashboardName("kept")).dashboardBody()).isEqualTo("{\"widgets\":[]}");
      }
    } finally {
      ArchwayServer.TempFiles.deleteTree(dataDir);
    }
  }
}
