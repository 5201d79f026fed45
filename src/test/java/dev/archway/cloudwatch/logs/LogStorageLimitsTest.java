package dev.archway.cloudwatch.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention drops whole expired segments; the disk cap drops the oldest segments of any group. */
class LogStorageLimitsTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-10T00:00:00Z"));

  @Test
  void retentionDropsSegmentsWhoseNewestEventExpired(@TempDir Path dir) throws IOException {
    LogStorage storage = LogStorage.open(dir, new LogLimits(1L << 30, 4096, Duration.ofHours(1)), clock);
    long day = Duration.ofDays(1).toMillis();
    long now = clock.millis();
    GroupLog log = storage.group("g");
    log.append(List.of(new GroupLog.Entry("s", now - 10 * day, "x".repeat(5000))), now); // its own segment
    log.append(List.of(new GroupLog.Entry("s", now - day, "y".repeat(5000))), now);
    storage.enforce(Set.of("g"), Map.of("g", now - 3 * day));
    List<String> left = new ArrayList<>();
    log.scan(Long.MIN_VALUE, Long.MAX_VALUE, null, e -> left.add(e.message().substring(0, 1)));
    assertThat(left).containsExactly("y");
  }

  @Test
  void theCapDropsTheOldestSegmentsAndDeletedGroupsGoAway(@TempDir Path dir) throws IOException {
    LogStorage storage = LogStorage.open(dir, new LogLimits(40_000, 8_192, Duration.ofHours(1)), clock);
    for (int i = 0; i < 10; i++) {
      clock.set(clock.instant().plusSeconds(1));
      storage.group(i % 2 == 0 ? "even" : "odd").append(List.of(new GroupLog.Entry("s", i, "z".repeat(7_000))), clock.millis());
    }
    storage.group("gone").append(List.of(new GroupLog.Entry("s", 1, "bye")), clock.millis());
    storage.enforce(Set.of("even", "odd"), Map.of());
    assertThat(storage.bytes()).isLessThanOrEqualTo(40_000);
    assertThat(Files.exists(dir.resolve("gone"))).isFalse();
    List<Long> kept = new ArrayList<>();
    storage.group("even").scan(Long.MIN_VALUE, Long.MAX_VALUE, null, e -> kept.add(e.timestamp()));
    storage.group("odd").scan(Long.MIN_VALUE, Long.MAX_VALUE, null, e -> kept.add(e.timestamp()));
    assertThat(kept).containsExactlyInAnyOrder(5L, 6L, 7L, 8L, 9L); // the newest survive
  }
}
