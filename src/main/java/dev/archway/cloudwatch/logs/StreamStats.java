package dev.archway.cloudwatch.logs;

/** What DescribeLogStreams reports of a stream's events, kept per segment and merged on demand. */
record StreamStats(long firstEventTimestamp, long lastEventTimestamp, long lastIngestionTime, long storedBytes) {
  static StreamStats of(StoredEvent event, int bytes) {
    return new StreamStats(event.timestamp(), event.timestamp(), event.ingestionTime(), bytes);
  }

  StreamStats merge(StreamStats other) {
    if (other == null) {
      return this;
    }
    return new StreamStats(Math.min(firstEventTimestamp, other.firstEventTimestamp),
        Math.max(lastEventTimestamp, other.lastEventTimestamp), Math.max(lastIngestionTime, other.lastIngestionTime),
        storedBytes + other.storedBytes);
  }
}
