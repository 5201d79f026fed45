package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** PutLogEvents, GetLogEvents and FilterLogEvents through the AWS SDK, with AWS's limits and paging. */
class LogEventsE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static CloudWatchLogsClient logs;
  static final long NOW = System.currentTimeMillis();

  @BeforeAll
  static void client() {
    logs = CloudWatchClients.logs(server.adminPort());
  }

  @AfterAll
  static void close() {
    logs.close();
  }

  private static void stream(String group, String stream) {
    if (logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().stream().noneMatch(g -> g.logGroupName().equals(group))) {
      logs.createLogGroup(r -> r.logGroupName(group));
    }
    logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
  }

  private static InputLogEvent event(long timestamp, String message) {
    return InputLogEvent.builder().timestamp(timestamp).message(message).build();
  }

  @Test
  void getLogEventsPagesBothWaysAndHandsBackTheTokenAtTheEnd() {
    stream("paged", "s");
    List<InputLogEvent> events = IntStream.range(0, 25).mapToObj(i -> event(NOW - 25_000 + i * 1000L, "line " + i)).toList();
    logs.putLogEvents(r -> r.logGroupName("paged").logStreamName("s").logEvents(events));

    var head = logs.getLogEvents(r -> r.logGroupName("paged").logStreamName("s").startFromHead(true).limit(10));
    assertThat(head.events()).extracting(OutputLogEvent::message).startsWith("line 0", "line 1").hasSize(10);
    var next = logs.getLogEvents(r -> r.logGroupName("paged").logStreamName("s").nextToken(head.nextForwardToken()).limit(10));
    assertThat(next.events()).extracting(OutputLogEvent::message).startsWith("line 10").endsWith("line 19");
    var last = logs.getLogEvents(r -> r.logGroupName("paged").logStreamName("s").nextToken(next.nextForwardToken()).limit(10));
    assertThat(last.events()).extracting(OutputLogEvent::message).containsExactly("line 20", "line 21", "line 22", "line 23", "line 24");
    var end = logs.getLogEvents(r -> r.logGroupName("paged").logStreamName("s").nextToken(last.nextForwardToken()));
    assertThat(end.events()).isEmpty();
    assertThat(end.nextForwardToken()).isEqualTo(last.nextForwardToken());

    // Without startFromHead: the newest events, in ascending order; the backward token goes further back.
    var tail = logs.getLogEvents(r -> r.logGroupName("paged").logStreamName("s").limit(3));
    assertThat(tail.events()).extracting(OutputLogEvent::message).containsExactly("line 22", "line 23", "line 24");
    var before = logs.getLogEvents(r -> r.logGroupName("paged").logStreamName("s").limit(3).nextToken(tail.nextBackwardToken()));
    assertThat(before.events()).extracting(OutputLogEvent::message).containsExactly("line 19", "line 20", "line 21");
    assertThat(before.events().get(0).ingestionTime()).isPositive();

    var window = logs.getLogEvents(r -> r.logGroupName("paged").logStreamName("s").startTime(NOW - 20_000).endTime(NOW - 18_000)
        .startFromHead(true));
    assertThat(window.events()).extracting(OutputLogEvent::message).containsExactly("line 5", "line 6"); // end exclusive
    assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName("paged").logStreamName("s").nextToken("f/garbage")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("nextToken");
  }

  @Test
  void putLogEventsRejectsAsAwsDoes() {
    stream("limits", "s");
    PutLogEventsResponse mixed = logs.putLogEvents(r -> r.logGroupName("limits").logStreamName("s").logEvents(
        event(NOW - Duration.ofDays(15).toMillis(), "too old"),
        event(NOW, "fine"),
        event(NOW + Duration.ofHours(3).toMillis(), "too new")));
    assertThat(mixed.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
    assertThat(mixed.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(2);
    assertThat(mixed.nextSequenceToken()).hasSize(56);
    assertThat(logs.getLogEvents(r -> r.logGroupName("limits").logStreamName("s")).events())
        .extracting(OutputLogEvent::message).containsExactly("fine");

    assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("limits").logStreamName("s")
        .logEvents(event(NOW, "b"), event(NOW - 1, "a"))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("Log events in a single PutLogEvents request must be in chronological order.");
    assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("limits").logStreamName("s")
        .logEvents(event(NOW - Duration.ofHours(30).toMillis(), "a"), event(NOW, "b"))))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("cannot span more than 24 hours");
    String big = "x".repeat(600_000);
    assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("limits").logStreamName("s")
        .logEvents(event(NOW, big), event(NOW, big))))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Upload too large: 1200052 bytes exceeds limit of 1048576");
    List<InputLogEvent> many = new ArrayList<>();
    for (int i = 0; i < 10_001; i++) {
      many.add(event(NOW, "m"));
    }
    assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("limits").logStreamName("s").logEvents(many)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to 10000");
    assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("limits").logStreamName("s").logEvents(event(NOW, ""))))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Member must have length greater than or equal to 1");
    assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName("limits").logStreamName("absent").logEvents(event(NOW, "x"))))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("The specified log stream does not exist.");
    // Nothing of a refused batch was kept.
    assertThat(logs.getLogEvents(r -> r.logGroupName("limits").logStreamName("s")).events()).hasSize(1);
  }

  @Test
  void filterLogEventsMatchesEveryPatternForm() {
    stream("filtered", "web");
    stream("filtered", "worker");
    logs.putLogEvents(r -> r.logGroupName("filtered").logStreamName("web").logEvents(
        event(NOW - 5000, "{\"status\": 503, \"latency\": 140, \"path\": \"/pets\", \"user\": {\"id\": \"u1\"}}"),
        event(NOW - 4000, "{\"status\": 200, \"latency\": 20, \"path\": \"/pets\", \"user\": {\"id\": \"u2\"}}"),
        event(NOW - 3000, "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 404 1534")));
    logs.putLogEvents(r -> r.logGroupName("filtered").logStreamName("worker").logEvents(
        event(NOW - 4500, "ERROR disk full on /var"),
        event(NOW - 3500, "WARN retrying job 7"),
        event(NOW - 2500, "INFO job 7 done")));

    assertThat(messages("")).hasSize(6);
    assertThat(messages("ERROR")).containsExactly("ERROR disk full on /var");
    assertThat(messages("job 7")).containsExactly("WARN retrying job 7", "INFO job 7 done");
    assertThat(messages("\"disk full\"")).containsExactly("ERROR disk full on /var");
    assertThat(messages("?ERROR ?WARN")).containsExactly("ERROR disk full on /var", "WARN retrying job 7");
    assertThat(messages("job -INFO")).containsExactly("WARN retrying job 7");
    assertThat(messages("%job [0-9]%")).containsExactly("WARN retrying job 7", "INFO job 7 done");
    assertThat(messages("{ $.status = 5* }")).hasSize(1).allMatch(m -> m.contains("503"));
    assertThat(messages("{ $.latency > 100 }")).hasSize(1).allMatch(m -> m.contains("503"));
    assertThat(messages("{ $.status = 200 || $.latency >= 140 }")).hasSize(2);
    assertThat(messages("{ ($.status != 200) && $.path = \"/pe*\" }")).hasSize(1).allMatch(m -> m.contains("503"));
    assertThat(messages("{ $.user.id = \"u2\" }")).hasSize(1).allMatch(m -> m.contains("200"));
    assertThat(messages("{ $.missing NOT EXISTS && $.status = 200 }")).hasSize(1);
    assertThat(messages("[ip, id, user, timestamp, request, status_code = 4*, size > 1000]")).hasSize(1)
        .allMatch(m -> m.startsWith("127.0.0.1"));
    assertThat(messages("[..., status_code = 404, size]")).hasSize(1);
    assertThat(messages("[ip, ..., size > 2000]")).isEmpty();

    var worker = logs.filterLogEvents(r -> r.logGroupName("filtered").logStreamNames("worker"));
    assertThat(worker.events()).extracting(FilteredLogEvent::logStreamName).containsOnly("worker");
    assertThat(worker.events()).extracting(FilteredLogEvent::eventId).allMatch(id -> id.length() == 56);
    assertThat(logs.filterLogEvents(r -> r.logGroupName("filtered").logStreamNamePrefix("wo").startTime(NOW - 4000).endTime(NOW - 3500))
        .events()).extracting(FilteredLogEvent::message).containsExactly("WARN retrying job 7"); // end inclusive

    var first = logs.filterLogEvents(r -> r.logGroupName("filtered").limit(4));
    assertThat(first.events()).hasSize(4);
    var rest = logs.filterLogEvents(r -> r.logGroupName("filtered").limit(4).nextToken(first.nextToken()));
    assertThat(rest.events()).hasSize(2);
    assertThat(rest.nextToken()).isNull();
    // The SDK's paginator walks the same pages.
    assertThat(logs.filterLogEventsPaginator(r -> r.logGroupName("filtered").limit(2)).events()).hasSize(6);

    for (String bad : new String[] {"{ $.status = }", "{ status = 5 }", "[a, b", "\"unclosed", "%[%", "{ $.a > abc }"}) {
      assertThatThrownBy(() -> messages(bad)).as(bad)
          .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid filter pattern");
    }
  }

  private static List<String> messages(String pattern) {
    return logs.filterLogEvents(r -> r.logGroupName("filtered").filterPattern(pattern)).events().stream()
        .map(FilteredLogEvent::message).toList();
  }
}
