package dev.archway.cloudwatch.logs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The time index of one segment: the span of its event timestamps, when it was first written,
 * its committed length and its streams. Rebuilt by scanning the file, or read from the sidecar
 * written when the segment was sealed.
 */
record SegmentSummary(long size, long minTimestamp, long maxTimestamp, long firstIngestion, Map<String, StreamStats> streams) {
  static SegmentSummary empty() {
    return new SegmentSummary(0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Map.of());
  }

  /** This summary with a batch of events appended, the file now {@code size} bytes long. */
  SegmentSummary plus(List<StoredEvent> batch, long size) {
    Map<String, StreamStats> merged = new HashMap<>(streams);
    long min = minTimestamp;
    long max = maxTimestamp;
    long first = firstIngestion;
    for (StoredEvent event : batch) {
      merged.merge(event.streamId(), StreamStats.of(event, event.message().length()), StreamStats::merge);
      min = Math.min(min, event.timestamp());
      max = Math.max(max, event.timestamp());
      first = Math.min(first, event.ingestionTime());
    }
    return new SegmentSummary(size, min, max, first, Map.copyOf(merged));
  }

  boolean overlaps(long from, long to) {
    return size > 0 && maxTimestamp >= from && minTimestamp <= to;
  }
}
