package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import dev.archway.testing.MovableClock;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * An alarm driven OK → ALARM → OK by the data put to its metric, on a clock the test moves: a
 * webhook standing in for the SNS topic receives both notifications as SNS delivers them.
 */
class AlarmNotificationE2eTest {
  static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:alerts";
  static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
  static final MovableClock clock = new MovableClock(START);
  static final Vertx vertx = Vertx.vertx();
  static final List<JsonNode> received = new CopyOnWriteArrayList<>();
  static final List<String> messageTypes = new CopyOnWriteArrayList<>();
  static final HttpServer webhook = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
    messageTypes.add(request.getHeader("x-amz-sns-message-type"));
    received.add(parse(body.toString()));
    request.response().setStatusCode(200).end();
  }).onFailure(e -> request.response().setStatusCode(500).end())).listen(0, "127.0.0.1").await();

  private static JsonNode parse(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (Exception e) {
      return Json.MAPPER.createObjectNode().put("unreadable", body);
    }
  }

  @RegisterExtension static final ArchwayServer server = new ArchwayServer(settings -> settings.withEndpoints(
      settings.endpoints().withSnsTopic(TOPIC, URI.create("http://127.0.0.1:" + webhook.actualPort() + "/hook"))), clock);
  static CloudWatchClient cw;
  static final Dimension API = Dimension.builder().name("ApiName").value("pets").build();

  @BeforeAll
  static void client() {
    cw = CloudWatchClients.cloudWatch(server.adminPort());
  }

  @AfterAll
  static void close() {
    cw.close();
    vertx.close().await();
  }

  private static void put(Instant at, double value) {
    cw.putMetricData(r -> r.namespace("Gw").metricData(d -> d.metricName("5XXError").dimensions(API).timestamp(at).value(value)));
  }

  private static MetricAlarm alarm() {
    return cw.describeAlarms(r -> r.alarmNames("errors-high")).metricAlarms().get(0);
  }

  @Test
  void okToAlarmToOkNotifiesTheWebhookTwice() throws Exception {
    put(START, 0);
    cw.putMetricAlarm(r -> r.alarmName("errors-high").alarmDescription("too many 5xx").namespace("Gw").metricName("5XXError")
        .dimensions(API).statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(10.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).alarmActions(TOPIC).okActions(TOPIC));
    assertThat(alarm().stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    assertThat(alarm().stateReason()).isEqualTo("Unchecked: Initial alarm creation");

    clock.set(START.plusSeconds(65)); // the minute of START is complete: sum 0
    await().atMost(Duration.ofSeconds(10)).until(() -> alarm().stateValue() == StateValue.OK);
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1); // INSUFFICIENT_DATA -> OK runs the OK action

    put(START.plusSeconds(70), 7);
    put(START.plusSeconds(80), 8);
    clock.set(START.plusSeconds(125));
    await().atMost(Duration.ofSeconds(10)).until(() -> alarm().stateValue() == StateValue.ALARM);
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
    MetricAlarm alarmed = alarm();
    assertThat(alarmed.stateReason()).isEqualTo("Threshold Crossed: 1 datapoint [15.0 (01/06/26 10:01:00)] was greater than the"
        + " threshold (10.0) (minimum 1 datapoint for OK -> ALARM transition).");
    JsonNode reasonData = Json.MAPPER.readTree(alarmed.stateReasonData());
    assertThat(reasonData.path("recentDatapoints").get(0).asDouble()).isEqualTo(15.0);
    assertThat(reasonData.path("statistic").asText()).isEqualTo("Sum");

    JsonNode notification = received.get(1);
    assertThat(messageTypes).containsOnly("Notification");
    assertThat(notification.path("Type").asText()).isEqualTo("Notification");
    assertThat(notification.path("TopicArn").asText()).isEqualTo(TOPIC);
    assertThat(notification.path("Subject").asText()).isEqualTo("ALARM: \"errors-high\" in US East (N. Virginia)");
    assertThat(notification.path("MessageId").asText()).hasSize(36);
    assertThat(notification.path("SignatureVersion").asText()).isEqualTo("1");
    assertThat(Instant.parse(notification.path("Timestamp").asText())).isEqualTo(START.plusSeconds(125));
    JsonNode message = Json.MAPPER.readTree(notification.path("Message").asText());
    assertThat(message.path("AlarmName").asText()).isEqualTo("errors-high");
    assertThat(message.path("AlarmDescription").asText()).isEqualTo("too many 5xx");
    assertThat(message.path("AWSAccountId").asText()).isEqualTo("000000000000");
    assertThat(message.path("NewStateValue").asText()).isEqualTo("ALARM");
    assertThat(message.path("OldStateValue").asText()).isEqualTo("OK");
    assertThat(message.path("NewStateReason").asText()).startsWith("Threshold Crossed: 1 datapoint [15.0");
    assertThat(message.path("StateChangeTime").asText()).isEqualTo("2026-06-01T10:02:05.000+0000");
    assertThat(message.path("Region").asText()).isEqualTo("US East (N. Virginia)");
    assertThat(message.path("AlarmArn").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:errors-high");
    assertThat(message.path("AlarmActions").get(0).asText()).isEqualTo(TOPIC);
    JsonNode trigger = message.path("Trigger");
    assertThat(trigger.path("MetricName").asText()).isEqualTo("5XXError");
    assertThat(trigger.path("Namespace").asText()).isEqualTo("Gw");
    assertThat(trigger.path("Statistic").asText()).isEqualTo("SUM");
    assertThat(trigger.path("Dimensions").get(0).path("name").asText()).isEqualTo("ApiName");
    assertThat(trigger.path("Period").asInt()).isEqualTo(60);
    assertThat(trigger.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
    assertThat(trigger.path("Threshold").asDouble()).isEqualTo(10.0);
    assertThat(trigger.path("TreatMissingData").asText()).isEqualTo("missing");

    put(START.plusSeconds(130), 1);
    clock.set(START.plusSeconds(185));
    await().atMost(Duration.ofSeconds(10)).until(() -> alarm().stateValue() == StateValue.OK);
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
    JsonNode ok = Json.MAPPER.readTree(received.get(2).path("Message").asText());
    assertThat(ok.path("NewStateValue").asText()).isEqualTo("OK");
    assertThat(ok.path("OldStateValue").asText()).isEqualTo("ALARM");
    assertThat(received.get(2).path("Subject").asText()).startsWith("OK: \"errors-high\"");

    List<AlarmHistoryItem> history = cw.describeAlarmHistory(r -> r.alarmName("errors-high")).alarmHistoryItems();
    assertThat(history).extracting(AlarmHistoryItem::historyItemType).contains(HistoryItemType.CONFIGURATION_UPDATE,
        HistoryItemType.STATE_UPDATE, HistoryItemType.ACTION);
    await().atMost(Duration.ofSeconds(10)).until(() -> cw.describeAlarmHistory(r -> r.alarmName("errors-high")
        .historyItemType(HistoryItemType.ACTION)).alarmHistoryItems().size() == 3);
    assertThat(cw.describeAlarmHistory(r -> r.alarmName("errors-high").historyItemType(HistoryItemType.STATE_UPDATE))
        .alarmHistoryItems()).extracting(AlarmHistoryItem::historySummary)
        .containsExactly("Alarm updated from ALARM to OK", "Alarm updated from OK to ALARM", "Alarm updated from INSUFFICIENT_DATA to OK");
  }
}
