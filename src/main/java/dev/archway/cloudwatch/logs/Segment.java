package dev.archway.cloudwatch.logs;

import dev.archway.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * One append-only segment file of a log group. Appends write whole framed records and fsync
 * before they are acknowledged; only the committed length is ever read, so a reader never sees a
 * record being written. Opening a segment drops a torn tail (a crash mid-append). A sealed segment
 * gets a sidecar summary so a restart need not scan it.
 */
final class Segment {
  private final long number;
  private final Path path;
  private volatile SegmentSummary summary;
  private FileChannel writer;

  private Segment(long number, Path path, SegmentSummary summary) {
    this.number = number;
    this.path = path;
    this.summary = summary;
  }

  static Segment create(Path dir, long number) {
    return new Segment(number, dir.resolve(name(number)), SegmentSummary.empty());
  }

  /** Opens an existing segment: from its sidecar when sealed and intact, else by scanning (and repairing) it. */
  static Segment open(Path path, long number) throws IOException {
    Path sidecar = sidecar(path);
    long length = Files.size(path);
    if (Files.exists(sidecar)) {
      try {
        SegmentSummary saved = Json.MAPPER.readValue(sidecar.toFile(), SegmentSummary.class);
        if (saved.size() == length) {
          return new Segment(number, path, saved);
        }
      } catch (IOException e) {
        // A torn sidecar: scan instead.
      }
    }
    Segment segment = new Segment(number, path, SegmentSummary.empty());
    List<StoredEvent> events = new ArrayList<>();
    long good = segment.scan(length, (key, stream) -> true, events::add);
    if (good < length) {
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
        channel.truncate(good);
        channel.force(true);
      }
    }
    segment.summary = SegmentSummary.empty().plus(events, good);
    return segment;
  }

  static String name(long number) {
    return String.format("%016d.log", number);
  }

  long number() {
    return number;
  }

  Path path() {
    return path;
  }

  SegmentSummary summary() {
    return summary;
  }

  /** Appends framed records and returns once they are on disk. Callers hold the group's lock. */
  void append(List<byte[]> frames, List<StoredEvent> events) throws IOException {
    if (writer == null) {
      writer = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
    long start = summary.size();
    int total = frames.stream().mapToInt(f -> f.length).sum();
    ByteBuffer out = ByteBuffer.allocate(total);
    frames.forEach(out::put);
    out.flip();
    try {
      writer.position(start);
      while (out.hasRemaining()) {
        writer.write(out);
      }
      writer.force(false);
    } catch (IOException e) {
      // Leave no half batch behind: the next append starts where the last whole one ended.
      writer.truncate(start);
      throw e;
    }
    summary = summary.plus(events, start + total);
  }

  /** Closes the writer and saves the summary beside the file. */
  void seal() {
    try {
      if (writer != null) {
        writer.close();
        writer = null;
      }
      Path temp = path.resolveSibling(path.getFileName() + ".idx.tmp");
      Json.MAPPER.writeValue(temp.toFile(), summary);
      Files.move(temp, sidecar(path), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("seal " + path, e);
    }
  }

  /** Reads every committed event; a segment deleted meanwhile (retention) reads as empty. */
  void forEach(Consumer<StoredEvent> action) {
    scan(summary.size(), (key, stream) -> true, action);
  }

  /** Reads the committed events {@code wanted} accepts by key and stream, decoding no other message. */
  void forEach(BiPredicate<EventKey, String> wanted, Consumer<StoredEvent> action) {
    scan(summary.size(), wanted, action);
  }

  void delete() {
    try {
      if (writer != null) {
        writer.close();
        writer = null;
      }
      Files.deleteIfExists(sidecar(path));
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("delete " + path, e);
    }
  }

  /** @return the length of the intact records read */
  private long scan(long length, BiPredicate<EventKey, String> wanted, Consumer<StoredEvent> action) {
    if (length == 0) {
      return 0;
    }
    ByteBuffer in = ByteBuffer.allocate((int) length);
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      while (in.hasRemaining() && channel.read(in, in.position()) > 0) {
        // read until full or end of file
      }
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("read " + path, e);
    }
    in.flip();
    while (in.hasRemaining()) {
      int at = in.position();
      StoredEvent event = Frames.decode(in, number, wanted);
      if (event == null) {
        return at;
      }
      if (event != Frames.SKIPPED) {
        action.accept(event);
      }
    }
    return in.position();
  }

  private static Path sidecar(Path segment) {
    return segment.resolveSibling(segment.getFileName() + ".idx");
  }

  @Override
  public String toString() {
    return "Segment[" + path.getFileName() + ", " + summary.size() + " bytes]";
  }
}
