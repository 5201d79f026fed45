package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * {@code aws logs tail GROUP --follow} works: the AWS CLI v2 polls FilterLogEvents (interleaved,
 * from a start time), follows {@code nextToken}, then polls again from the newest timestamp it saw
 * and drops event ids it has already printed. This test runs that loop against Archway while
 * lines arrive, and every line is printed exactly once.
 */
class LogsTailE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  /** The CLI's FollowLogEventsGenerator, one poll per call. */
  static final class Follower {
    private final CloudWatchLogsClient logs;
    private FilterLogEventsRequest request;
    private Map<Long, Set<String>> seen = new HashMap<>();
    final List<String> printed = new ArrayList<>();

    Follower(CloudWatchLogsClient logs, String group, long start) {
      this.logs = logs;
      this.request = FilterLogEventsRequest.builder().logGroupName(group).interleaved(true).startTime(start).build();
    }

    void poll() {
      FilterLogEventsResponse response = logs.filterLogEvents(request);
      for (FilteredLogEvent event : response.events()) {
        if (seen.computeIfAbsent(event.timestamp(), t -> new HashSet<>()).add(event.eventId())) {
          printed.add(event.message());
        }
      }
      if (!seen.isEmpty()) {
        long newest = seen.keySet().stream().max(Long::compare).orElseThrow();
        seen = new HashMap<>(Map.of(newest, seen.get(newest)));
      }
      if (response.nextToken() != null) {
        request = request.toBuilder().nextToken(response.nextToken()).build();
      } else {
        FilterLogEventsRequest.Builder next = request.toBuilder().nextToken(null);
        seen.keySet().stream().max(Long::compare).ifPresent(next::startTime);
        request = next.build();
      }
    }
  }

  @Test
  void followPrintsEveryLineOnce() {
    try (CloudWatchLogsClient logs = CloudWatchClients.logs(server.adminPort())) {
      logs.createLogGroup(r -> r.logGroupName("/tail/me"));
      logs.createLogStream(r -> r.logGroupName("/tail/me").logStreamName("a"));
      logs.createLogStream(r -> r.logGroupName("/tail/me").logStreamName("b"));
      long start = System.currentTimeMillis() - 60_000;
      logs.putLogEvents(r -> r.logGroupName("/tail/me").logStreamName("a").logEvents(e -> e.timestamp(start + 1000).message("before")));
      Follower follower = new Follower(logs, "/tail/me", start);
      follower.poll();
      assertThat(follower.printed).containsExactly("before");

      for (int i = 0; i < 5; i++) {
        String line = "live " + i;
        String stream = i % 2 == 0 ? "a" : "b";
        long at = start + 2000 + i / 2 * 1000L; // pairs share a timestamp across streams
        logs.putLogEvents(r -> r.logGroupName("/tail/me").logStreamName(stream).logEvents(e -> e.timestamp(at).message(line)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
          follower.poll();
          assertThat(follower.printed).contains(line);
        });
      }
      follower.poll();
      assertThat(follower.printed).containsExactly("before", "live 0", "live 1", "live 2", "live 3", "live 4");
    }
  }
}
