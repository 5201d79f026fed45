package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.Archway;
import dev.archway.config.Settings;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** Log groups, streams and events written before a restart are all there after it. */
class LogsRestartE2eTest {
  @Test
  void eventsSurviveARestart() throws Exception {
    Path dataDir = Files.createTempDirectory("archway-logs-restart");
    long now = System.currentTimeMillis();
    try {
      try (Archway first = Archway.start(Settings.forTests(dataDir));
           CloudWatchLogsClient logs = CloudWatchClients.logs(first.adminPort())) {
        logs.createLogGroup(r -> r.logGroupName("kept"));
        logs.putRetentionPolicy(r -> r.logGroupName("kept").retentionInDays(7));
        logs.createLogStream(r -> r.logGroupName("kept").logStreamName("s"));
        logs.putLogEvents(r -> r.logGroupName("kept").logStreamName("s").logEvents(
            e -> e.timestamp(now - 2).message("first"), e -> e.timestamp(now - 1).message("second")));
      }
      try (Archway second = Archway.start(Settings.forTests(dataDir));
           CloudWatchLogsClient logs = CloudWatchClients.logs(second.adminPort())) {
        assertThat(logs.describeLogGroups(r -> {}).logGroups().get(0).retentionInDays()).isEqualTo(7);
        List<OutputLogEvent> events = logs.getLogEvents(r -> r.logGroupName("kept").logStreamName("s").startFromHead(true)).events();
        assertThat(events).extracting(OutputLogEvent::message).containsExactly("first", "second");
        LogStream stream = logs.describeLogStreams(r -> r.logGroupName("kept")).logStreams().get(0);
        assertThat(stream.lastEventTimestamp()).isEqualTo(now - 1);
        logs.putLogEvents(r -> r.logGroupName("kept").logStreamName("s").logEvents(e -> e.timestamp(now).message("third")));
        assertThat(logs.filterLogEvents(r -> r.logGroupName("kept")).events()).hasSize(3);
      }
    } finally {
      ArchwayServer.TempFiles.deleteTree(dataDir);
    }
  }
}
