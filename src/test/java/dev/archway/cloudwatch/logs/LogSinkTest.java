package dev.archway.cloudwatch.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import dev.archway.store.JdbcStore;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process sink: never blocks, creates what is missing, and every line is written or counted as dropped. */
class LogSinkTest {
  @Test
  void linesArriveInTheirStreamsAndNoneGoUncounted(@TempDir Path dir) {
    Vertx vertx = Vertx.vertx();
    try (JdbcStore store = JdbcStore.sqlite(dir); LogsService logs = LogsService.start(vertx, store, dir, LogLimits.DEFAULT,
        Clock.systemUTC())) {
      long now = System.currentTimeMillis();
      int attempted = 200_000;
      for (int i = 0; i < attempted; i++) {
        logs.sink().put("000000000000", "us-east-1", "API-Gateway-Execution-Logs_abc/dev", "s" + i % 3, now, "line " + i);
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> logs.sink().written() + logs.sink().dropped() == attempted);
      assertThat(logs.sink().written()).isPositive();

      Caller caller = new Caller("000000000000", "us-east-1");
      JsonNode streams = logs.service().operations().get("DescribeLogStreams").handle(caller,
          Json.MAPPER.createObjectNode().put("logGroupName", "API-Gateway-Execution-Logs_abc/dev"));
      assertThat(streams.path("logStreams")).hasSize(3);
      JsonNode events = logs.service().operations().get("FilterLogEvents").handle(caller,
          Json.MAPPER.createObjectNode().put("logGroupName", "API-Gateway-Execution-Logs_abc/dev").put("filterPattern", "\"line 0\""));
      assertThat(events.path("events")).hasSizeLessThanOrEqualTo(1);
    } finally {
      vertx.close().await();
    }
  }
}
