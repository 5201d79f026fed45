package dev.archway.cloudwatch.logs;

import dev.archway.control.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Archway's own parts (access logs, execution logs) write to CloudWatch Logs: {@link #put}
 * never blocks; a full queue drops the line and counts it. One writer thread takes lines in batches,
 * creates the group and stream when missing (as API Gateway does) and appends each stream's lines
 * in one write.
 */
public final class LogSink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LogSink.class);
  private static final int BATCH = 5_000;

  /** One line for a log stream. */
  record Line(Caller caller, String group, String stream, long timestamp, String message) {}

  /** Where a line goes: its group and stream, resolved (and created) once. */
  interface Streams {
    /** @return the group's storage id and the stream's id */
    String[] resolve(Caller caller, String group, String stream);

    void append(String storageId, List<GroupLog.Entry> entries) throws java.io.IOException;
  }

  private final BlockingQueue<Line> queue;
  private final Streams streams;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;

  LogSink(int capacity, Streams streams) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.streams = streams;
    this.writer = new Thread(this::run, "archway-log-sink");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Queues a line for {@code group}/{@code stream} in the caller's account and region.
   *
   * @return false when the queue was full and the line was dropped (and counted)
   */
  public boolean put(String accountId, String region, String group, String stream, long timestamp, String message) {
    if (closed || !queue.offer(new Line(new Caller(accountId, region), group, stream, timestamp, message))) {
      dropped.incrementAndGet();
      return false;
    }
    return true;
  }

  /** Lines dropped because the queue was full (or the sink closed). */
  public long dropped() {
    return dropped.get();
  }

  /** Lines written so far. */
  public long written() {
    return written.get();
  }

  private void run() {
    List<Line> batch = new ArrayList<>(BATCH);
    while (!closed || !queue.isEmpty()) {
      try {
        Line first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | java.io.IOException e) {
        dropped.addAndGet(batch.size());
        log.warn("could not write {} log lines: {}", batch.size(), e.toString());
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Line> batch) throws java.io.IOException {
    Map<String, List<GroupLog.Entry>> byGroup = new LinkedHashMap<>();
    for (Line line : batch) {
      String[] ids = streams.resolve(line.caller(), line.group(), line.stream());
      byGroup.computeIfAbsent(ids[0], k -> new ArrayList<>()).add(new GroupLog.Entry(ids[1], line.timestamp(), line.message()));
    }
    for (Map.Entry<String, List<GroupLog.Entry>> group : byGroup.entrySet()) {
      streams.append(group.getKey(), group.getValue());
      written.addAndGet(group.getValue().size());
    }
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
