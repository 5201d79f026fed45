package dev.archway.cloudwatch.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment files survive crashes whole: a process killed with SIGKILL while appending leaves only
 * whole records readable, and a torn or corrupted tail is cut off when the segment is opened.
 */
class SegmentCrashTest {
  private static final LogLimits SMALL = new LogLimits(1L << 30, 64 * 1024, Duration.ofHours(1));
  private static final Pattern LINE = Pattern.compile("event (\\d+) (x+)");

  /** Appends batches until killed; run by {@link #killedWriterLeavesOnlyWholeRecords} as a separate JVM. */
  public static void main(String[] args) throws IOException {
    GroupLog log = GroupLog.open(Path.of(args[0]), SMALL, Clock.systemUTC());
    for (int n = 0; ; ) {
      List<GroupLog.Entry> batch = new ArrayList<>();
      for (int i = 0; i < 50; i++, n++) {
        batch.add(new GroupLog.Entry("s", n, "event " + n + " " + "x".repeat(100 + n % 900)));
      }
      log.append(batch, System.currentTimeMillis());
    }
  }

  @Test
  void killedWriterLeavesOnlyWholeRecords(@TempDir Path dir) throws Exception {
    Path group = dir.resolve("g");
    Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SegmentCrashTest.class.getName(), group.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("writer.out").toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> bytes(group) > 512 * 1024);
    } finally {
      writer.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      writer.waitFor();
    }
    GroupLog reopened = GroupLog.open(group, SMALL, Clock.systemUTC());
    List<StoredEvent> events = new ArrayList<>();
    reopened.scan(Long.MIN_VALUE, Long.MAX_VALUE, null, events::add);
    assertThat(events).hasSizeGreaterThan(100);
    events.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
    for (int i = 0; i < events.size(); i++) {
      StoredEvent event = events.get(i);
      Matcher m = LINE.matcher(event.message());
      assertThat(m.matches()).as("record %d is whole", i).isTrue();
      assertThat(Long.parseLong(m.group(1))).isEqualTo(event.timestamp()).isEqualTo(i); // none lost in between
      assertThat(m.group(2)).hasSize(100 + i % 900);
    }
    // The repaired log takes appends again.
    reopened.append(List.of(new GroupLog.Entry("s", events.size(), "event " + events.size() + " xx")), System.currentTimeMillis());
    List<StoredEvent> after = new ArrayList<>();
    GroupLog.open(group, SMALL, Clock.systemUTC()).scan(Long.MIN_VALUE, Long.MAX_VALUE, null, after::add);
    assertThat(after).hasSize(events.size() + 1);
  }

  @Test
  void tornAndCorruptTailsAreCutOff(@TempDir Path dir) throws IOException {
    GroupLog log = GroupLog.open(dir, SMALL, Clock.systemUTC());
    log.append(List.of(new GroupLog.Entry("s", 1, "one"), new GroupLog.Entry("s", 2, "two")), System.currentTimeMillis());
    Path file = segments(dir).get(0);
    long whole = Files.size(file);
    byte[] next = Frames.encode(3, 5, "s", "three");
    Files.write(file, java.util.Arrays.copyOf(next, next.length - 3), java.nio.file.StandardOpenOption.APPEND); // torn write

    GroupLog reopened = GroupLog.open(dir, SMALL, Clock.systemUTC());
    assertThat(Files.size(file)).isEqualTo(whole);
    reopened.append(List.of(new GroupLog.Entry("s", 3, "three")), System.currentTimeMillis());
    assertThat(messages(reopened)).containsExactly("one", "two", "three");

    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(whole + 12); // inside the third record's payload: its checksum fails
      raw.write('X');
    }
    assertThat(messages(GroupLog.open(dir, SMALL, Clock.systemUTC()))).containsExactly("one", "two");
  }

  @Test
  void sealedSegmentsReopenFromTheirSummary(@TempDir Path dir) throws IOException {
    GroupLog log = GroupLog.open(dir, SMALL, Clock.systemUTC());
    for (int i = 0; i < 20; i++) {
      log.append(List.of(new GroupLog.Entry("s" + i % 3, i, "m".repeat(10_000))), System.currentTimeMillis());
    }
    assertThat(segments(dir)).hasSizeGreaterThan(2);
    assertThat(Files.exists(Path.of(segments(dir).get(0) + ".idx"))).isTrue();
    GroupLog reopened = GroupLog.open(dir, SMALL, Clock.systemUTC());
    assertThat(reopened.streamStats()).isEqualTo(log.streamStats());
    assertThat(reopened.bytes()).isEqualTo(log.bytes());
  }

  private static List<String> messages(GroupLog log) {
    List<StoredEvent> events = new ArrayList<>();
    log.scan(Long.MIN_VALUE, Long.MAX_VALUE, null, events::add);
    return events.stream().map(StoredEvent::message).toList();
  }

  private static List<Path> segments(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
    }
  }

  private static long bytes(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    long total = 0;
    for (Path p : segments(dir)) {
      total += Files.size(p);
    }
    return total;
  }
}
