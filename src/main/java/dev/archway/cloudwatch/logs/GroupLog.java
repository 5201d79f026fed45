package dev.archway.cloudwatch.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The events of one log group: a directory of segments, oldest first, the last one written to.
 * A segment is sealed when it reaches its size or age limit, so retention and the disk cap can
 * drop whole files. Appends are serialised per group; reads take a snapshot of the segment list.
 */
final class GroupLog {
  /** One event to append: the stream's id, the event time and its message. */
  record Entry(String streamId, long timestamp, String message) {}

  private final Path dir;
  private final LogLimits limits;
  private final Clock clock;
  private final List<Segment> segments = new CopyOnWriteArrayList<>();
  private Segment active;

  private GroupLog(Path dir, LogLimits limits, Clock clock) {
    this.dir = dir;
    this.limits = limits;
    this.clock = clock;
  }

  static GroupLog open(Path dir, LogLimits limits, Clock clock) {
    GroupLog log = new GroupLog(dir, limits, clock);
    try {
      Files.createDirectories(dir);
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
      }
      for (Path file : files) {
        String name = file.getFileName().toString();
        log.segments.add(Segment.open(file, Long.parseLong(name.substring(0, name.length() - 4))));
      }
    } catch (IOException | NumberFormatException e) {
      throw new UncheckedIOException("open log group in " + dir, e instanceof IOException io ? io : new IOException(e));
    }
    // The newest segment stays open for appends unless it was sealed.
    if (!log.segments.isEmpty() && !Files.exists(dir.resolve(log.segments.get(log.segments.size() - 1).path().getFileName() + ".idx"))) {
      log.active = log.segments.get(log.segments.size() - 1);
    }
    return log;
  }

  /** Appends a batch at the given ingestion time; durable when it returns. */
  synchronized void append(List<Entry> entries, long ingestionTime) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    List<byte[]> frames = new ArrayList<>(entries.size());
    int bytes = 0;
    for (Entry entry : entries) {
      byte[] frame = Frames.encode(entry.timestamp(), ingestionTime, entry.streamId(), entry.message());
      frames.add(frame);
      bytes += frame.length;
    }
    rollIfDue(bytes);
    long offset = active.summary().size();
    List<StoredEvent> events = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      events.add(new StoredEvent(new EventKey(entry.timestamp(), active.number(), offset), entry.streamId(), ingestionTime,
          entry.message()));
      offset += frames.get(i).length;
    }
    active.append(frames, events);
  }

  private void rollIfDue(int incoming) {
    if (active != null) {
      SegmentSummary summary = active.summary();
      boolean full = summary.size() > 0 && summary.size() + incoming > limits.segmentBytes();
      boolean old = summary.size() > 0 && clock.millis() - summary.firstIngestion() > limits.segmentAge().toMillis();
      if (!full && !old) {
        return;
      }
      active.seal();
    }
    long next = segments.isEmpty() ? 1 : segments.get(segments.size() - 1).number() + 1;
    active = Segment.create(dir, next);
    segments.add(active);
  }

  /**
   * Fills a page with the events of [from, to] of the given streams that {@code matches} accepts:
   * segments are read from the page's end (oldest first for a forward page), and the scan stops
   * reading segments that can no longer improve a full page.
   */
  void scan(long from, long to, Set<String> streamIds, EventPage page, Predicate<StoredEvent> matches) {
    List<Segment> ordered = new ArrayList<>(segments);
    ordered.sort(page.forward() ? Comparator.comparingLong((Segment s) -> s.summary().minTimestamp())
        : Comparator.comparingLong((Segment s) -> s.summary().maxTimestamp()).reversed());
    for (Segment segment : ordered) {
      SegmentSummary summary = segment.summary();
      if (!summary.overlaps(from, to) || streamIds != null && streamIds.stream().noneMatch(summary.streams()::containsKey)) {
        continue;
      }
      if (!page.wantsSpan(summary.minTimestamp(), summary.maxTimestamp())) {
        continue;
      }
      segment.forEach((key, stream) -> key.timestamp() >= from && key.timestamp() <= to
          && (streamIds == null || streamIds.contains(stream)) && page.wants(key), event -> {
            if (matches.test(event)) {
              page.accept(event);
            }
          });
    }
  }

  /**
   * Calls {@code action} for every event with a timestamp in [from, to] of the given streams (all
   * when null), segment by segment: not in timestamp order.
   */
  void scan(long from, long to, Set<String> streamIds, Consumer<StoredEvent> action) {
    for (Segment segment : segments) {
      SegmentSummary summary = segment.summary();
      if (!summary.overlaps(from, to) || streamIds != null && streamIds.stream().noneMatch(summary.streams()::containsKey)) {
        continue;
      }
      segment.forEach(event -> {
        if (event.timestamp() >= from && event.timestamp() <= to && (streamIds == null || streamIds.contains(event.streamId()))) {
          action.accept(event);
        }
      });
    }
  }

  /** Per stream id: its events' times and bytes over every segment. */
  Map<String, StreamStats> streamStats() {
    Map<String, StreamStats> out = new HashMap<>();
    for (Segment segment : segments) {
      segment.summary().streams().forEach((id, stats) -> out.merge(id, stats, StreamStats::merge));
    }
    return out;
  }

  long bytes() {
    return segments.stream().mapToLong(s -> s.summary().size()).sum();
  }

  List<Segment> segments() {
    return List.copyOf(segments);
  }

  /** Drops a segment (retention, the disk cap); the active one is sealed first, and the next append starts a new one. */
  synchronized void drop(Segment segment) {
    if (segment == active) {
      active = null;
    }
    segments.remove(segment);
    segment.delete();
  }

  /** Deletes every segment and the directory. */
  synchronized void deleteAll() {
    segments.forEach(Segment::delete);
    segments.clear();
    active = null;
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("delete " + dir, e);
    }
  }
}
