package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import dev.archway.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** Alarm operations and evaluation rules (M out of N, missing data, percentiles, metric math) on a clock the test moves. */
class AlarmManagementE2eTest {
  static final Instant START = Instant.parse("2026-07-01T08:00:00Z");
  static final MovableClock clock = new MovableClock(START);
  @RegisterExtension static final ArchwayServer server = new ArchwayServer(settings -> settings, clock);
  static CloudWatchClient cw;

  @BeforeAll
  static void client() {
    cw = CloudWatchClients.cloudWatch(server.adminPort());
  }

  @AfterAll
  static void close() {
    cw.close();
  }

  private static void alarm(String name, Consumer<PutMetricAlarmRequest.Builder> extra) {
    cw.putMetricAlarm(r -> {
      r.alarmName(name).namespace("App").metricName(name).statistic(Statistic.MAXIMUM).period(60).evaluationPeriods(1)
          .threshold(5.0).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
      extra.accept(r);
    });
  }

  private static void put(String metric, Instant at, double... values) {
    for (double v : values) {
      cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName(metric).timestamp(at).value(v)));
    }
  }

  private static StateValue state(String name) {
    return cw.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0).stateValue();
  }

  private static void minute(int n) {
    clock.set(START.plusSeconds(60L * n + 5));
  }

  @Test
  void evaluationRules() {
    alarm("m-of-n", r -> r.evaluationPeriods(3).datapointsToAlarm(2));
    alarm("breaching", r -> r.treatMissingData("breaching"));
    alarm("ignoring", r -> r.treatMissingData("ignore"));
    alarm("p90", r -> r.statistic((Statistic) null).extendedStatistic("p90").threshold(50.0));
    cw.putMetricAlarm(r -> r.alarmName("ratio").evaluationPeriods(1).threshold(0.5)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).metrics(
            MetricDataQuery.builder().id("e").returnData(false).metricStat(s -> s.period(60).stat("Sum")
                .metric(m -> m.namespace("App").metricName("errors"))).build(),
            MetricDataQuery.builder().id("n").returnData(false).metricStat(s -> s.period(60).stat("Sum")
                .metric(m -> m.namespace("App").metricName("requests"))).build(),
            MetricDataQuery.builder().id("ratio").expression("e / n").label("error ratio").build()));

    put("m-of-n", START, 9);
    put("p90", START, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
    put("errors", START, 3);
    put("requests", START, 4);
    minute(1);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(state("m-of-n")).isEqualTo(StateValue.OK); // 1 of the last 3 breaches: not enough
      assertThat(state("breaching")).isEqualTo(StateValue.ALARM); // no data counts as breaching
      assertThat(state("ignoring")).isEqualTo(StateValue.INSUFFICIENT_DATA); // no data keeps the state
      assertThat(state("p90")).isEqualTo(StateValue.ALARM);
      assertThat(state("ratio")).isEqualTo(StateValue.ALARM); // 3 / 4 > 0.5
    });
    put("m-of-n", START.plusSeconds(60), 7);
    put("breaching", START.plusSeconds(60), 1);
    minute(2);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(state("m-of-n")).isEqualTo(StateValue.ALARM);
      assertThat(state("breaching")).isEqualTo(StateValue.OK);
    });
    MetricAlarm mOfN = cw.describeAlarms(r -> r.alarmNames("m-of-n")).metricAlarms().get(0);
    assertThat(mOfN.stateReason()).isEqualTo("Threshold Crossed: 2 out of the last 3 datapoints [7.0 (01/07/26 08:01:00), "
        + "9.0 (01/07/26 08:00:00)] were greater than or equal to the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).");
  }

  @Test
  void describeSetStateActionsTagsAndDelete() {
    alarm("ops-a", r -> r.alarmActions("arn:aws:sns:us-east-1:000000000000:unmapped").tags(Tag.builder().key("team").value("gw").build()));
    alarm("ops-b", r -> r.actionsEnabled(false));
    assertThat(cw.describeAlarms(r -> r.alarmNamePrefix("ops-")).metricAlarms()).extracting(MetricAlarm::alarmName)
        .containsExactly("ops-a", "ops-b");
    var page = cw.describeAlarms(r -> r.alarmNamePrefix("ops-").maxRecords(1));
    assertThat(cw.describeAlarms(r -> r.alarmNamePrefix("ops-").maxRecords(1).nextToken(page.nextToken())).metricAlarms())
        .extracting(MetricAlarm::alarmName).containsExactly("ops-b");
    assertThat(cw.describeAlarms(r -> r.actionPrefix("arn:aws:sns")).metricAlarms()).extracting(MetricAlarm::alarmName).contains("ops-a");
    assertThat(cw.describeAlarmsForMetric(r -> r.namespace("App").metricName("ops-a")).metricAlarms()).hasSize(1);
    assertThat(cw.describeAlarmsForMetric(r -> r.namespace("App").metricName("ops-a").period(300)).metricAlarms()).isEmpty();
    MetricAlarm a = cw.describeAlarms(r -> r.alarmNames("ops-a")).metricAlarms().get(0);
    assertThat(a.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:ops-a");
    assertThat(a.actionsEnabled()).isTrue();
    assertThat(cw.describeAlarms(r -> r.alarmNames("ops-b")).metricAlarms().get(0).actionsEnabled()).isFalse();

    cw.setAlarmState(r -> r.alarmName("ops-a").stateValue(StateValue.ALARM).stateReason("testing").stateReasonData("{\"by\":\"hand\"}"));
    assertThat(cw.describeAlarms(r -> r.stateValue(StateValue.ALARM).alarmNamePrefix("ops-")).metricAlarms())
        .extracting(MetricAlarm::alarmName).containsExactly("ops-a");
    // The topic has no webhook: the action fails, and the history says so.
    await().atMost(Duration.ofSeconds(10)).until(() -> cw.describeAlarmHistory(r -> r.alarmName("ops-a")
        .historyItemType(HistoryItemType.ACTION)).alarmHistoryItems().stream()
        .anyMatch(h -> h.historySummary().startsWith("Failed to execute action arn:aws:sns:us-east-1:000000000000:unmapped")));
    assertThatThrownBy(() -> cw.setAlarmState(r -> r.alarmName("ops-a").stateValue(StateValue.OK).stateReason("x").stateReasonData("{")))
        .isInstanceOf(CloudWatchException.class).extracting(e -> ((CloudWatchException) e).awsErrorDetails().errorCode())
        .isEqualTo("InvalidFormat");

    cw.disableAlarmActions(r -> r.alarmNames("ops-a"));
    assertThat(cw.describeAlarms(r -> r.alarmNames("ops-a")).metricAlarms().get(0).actionsEnabled()).isFalse();
    cw.enableAlarmActions(r -> r.alarmNames("ops-a"));
    assertThat(cw.describeAlarms(r -> r.alarmNames("ops-a")).metricAlarms().get(0).actionsEnabled()).isTrue();

    String arn = "arn:aws:cloudwatch:us-east-1:000000000000:alarm:ops-a";
    assertThat(cw.listTagsForResource(r -> r.resourceARN(arn)).tags()).extracting(Tag::key).containsExactly("team");
    cw.tagResource(r -> r.resourceARN(arn).tags(Tag.builder().key("tier").value("1").build()));
    cw.untagResource(r -> r.resourceARN(arn).tagKeys("team"));
    assertThat(cw.listTagsForResource(r -> r.resourceARN(arn)).tags()).extracting(Tag::key).containsExactly("tier");
    assertThatThrownBy(() -> cw.listTagsForResource(r -> r.resourceARN(arn + "-nope")))
        .isInstanceOf(CloudWatchException.class).extracting(e -> ((CloudWatchException) e).statusCode()).isEqualTo(404);

    assertThatThrownBy(() -> cw.deleteAlarms(r -> r.alarmNames("ops-a", "absent"))).isInstanceOf(CloudWatchException.class)
        .extracting(e -> ((CloudWatchException) e).awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
    cw.deleteAlarms(r -> r.alarmNames("ops-a", "ops-b"));
    assertThat(cw.describeAlarms(r -> r.alarmNamePrefix("ops-")).metricAlarms()).isEmpty();
  }

  @Test
  void definitionsArchwayCannotRunAreRefused() {
    assertThatThrownBy(() -> alarm("bad-action", r -> r.alarmActions("arn:aws:automate:us-east-1:ec2:stop")))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("SNS topic actions only");
    assertThatThrownBy(() -> alarm("bad-band", r -> r.comparisonOperator(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD)))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("anomaly detection");
    assertThatThrownBy(() -> alarm("bad-period", r -> r.period(30))).isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("multiple of 60");
    assertThatThrownBy(() -> alarm("bad-m", r -> r.evaluationPeriods(2).datapointsToAlarm(3)))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("DatapointsToAlarm");
    assertThatThrownBy(() -> alarm("bad-both", r -> r.extendedStatistic("p99")))
        .isInstanceOf(InvalidParameterCombinationException.class);
    assertThatThrownBy(() -> alarm("bad-missing", r -> r.treatMissingData("sometimes")))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("TreatMissingData");
    assertThatThrownBy(() -> cw.putMetricAlarm(r -> r.alarmName("bad-op").namespace("App").metricName("x").statistic(Statistic.SUM)
        .period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator("Bigger")))
        .isInstanceOf(CloudWatchException.class).hasMessageContaining("Member must satisfy enum value set")
        .extracting(e -> ((CloudWatchException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(cw.describeAlarms(r -> r.alarmNamePrefix("bad-")).metricAlarms()).isEmpty();
  }
}
