package dev.archway.cloudwatch.logs;

/** One log event as stored: its place in the group, the stream (by id), its times and its message. */
record StoredEvent(EventKey key, String streamId, long ingestionTime, String message) {
  long timestamp() {
    return key.timestamp();
  }
}
