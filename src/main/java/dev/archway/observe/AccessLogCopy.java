package dev.archway.observe;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copy of every access-log line that {@code --access-log -|FILE} asks for: standard output or a
 * file appended to. {@link #offer} never blocks; a full queue drops the line and counts it. One
 * writer thread writes what is queued in batches.
 */
final class AccessLogCopy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AccessLogCopy.class);
  private static final int CAPACITY = 10_000;

  private final OutputStream out;
  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final LongAdder dropped = new LongAdder();
  private final Thread writer;
  private volatile boolean closed;

  /** @throws IOException when {@code file} cannot be opened for appending */
  AccessLogCopy(Path file) throws IOException {
    this.out = file.toString().equals("-") ? new PrintStream(System.out, false, StandardCharsets.UTF_8)
        : Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    this.writer = new Thread(this::run, "archway-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  void offer(String line) {
    if (closed || !queue.offer(line)) {
      dropped.increment();
    }
  }

  long dropped() {
    return dropped.sum();
  }

  private void run() {
    List<String> batch = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (!closed || !queue.isEmpty()) {
      try {
        String first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 1_000);
        batch.forEach(line -> text.append(line).append('\n'));
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException e) {
        dropped.add(batch.size());
        LOG.warn("could not write {} access-log lines: {}", batch.size(), e.toString());
      } finally {
        batch.clear();
        text.setLength(0);
      }
    }
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(5_000);
      out.flush();
      if (!(out instanceof PrintStream)) {
        out.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.warn("could not close the access log: {}", e.toString());
    }
  }
}
