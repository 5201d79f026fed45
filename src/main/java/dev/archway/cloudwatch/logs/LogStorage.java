package dev.archway.cloudwatch.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The events of every log group, under {@code <data dir>/logs/<group storage id>/}: segment files
 * opened (and repaired) at start, retention applied by dropping whole segments whose newest event
 * has expired, and the disk cap kept by dropping the oldest segments of any group.
 */
public final class LogStorage {
  private final Path root;
  private final LogLimits limits;
  private final Clock clock;
  private final Map<String, GroupLog> groups = new ConcurrentHashMap<>();

  private LogStorage(Path root, LogLimits limits, Clock clock) {
    this.root = root;
    this.limits = limits;
    this.clock = clock;
  }

  public static LogStorage open(Path root, LogLimits limits, Clock clock) {
    LogStorage storage = new LogStorage(root, limits, clock);
    try {
      Files.createDirectories(root);
      try (Stream<Path> dirs = Files.list(root)) {
        dirs.filter(Files::isDirectory).forEach(dir ->
            storage.groups.put(dir.getFileName().toString(), GroupLog.open(dir, limits, clock)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("open log storage in " + root, e);
    }
    return storage;
  }

  /** The log of a group by its storage id, created on first use. */
  GroupLog group(String storageId) {
    return groups.computeIfAbsent(storageId, id -> GroupLog.open(root.resolve(id), limits, clock));
  }

  /** The log of a group if it has one, without creating it. */
  GroupLog existing(String storageId) {
    return groups.get(storageId);
  }

  void deleteGroup(String storageId) {
    GroupLog log = groups.remove(storageId);
    if (log != null) {
      log.deleteAll();
    }
  }

  public long bytes() {
    return groups.values().stream().mapToLong(GroupLog::bytes).sum();
  }

  /**
   * Applies retention (segments whose newest event is older than the group's cutoff) and the disk
   * cap, and deletes the logs of groups that no longer exist.
   *
   * @param cutoffs the oldest event time each live group keeps, by storage id (absent: forever)
   */
  void enforce(Set<String> live, Map<String, Long> cutoffs) {
    groups.keySet().stream().filter(id -> !live.contains(id)).toList().forEach(this::deleteGroup);
    cutoffs.forEach((id, cutoff) -> {
      GroupLog log = groups.get(id);
      if (log != null) {
        log.segments().stream().filter(s -> s.summary().size() > 0 && s.summary().maxTimestamp() < cutoff).forEach(log::drop);
      }
    });
    long total = bytes();
    while (total > limits.maxBytes()) {
      record Candidate(GroupLog log, Segment segment) {}
      Candidate oldest = groups.values().stream()
          .flatMap(log -> log.segments().stream().map(s -> new Candidate(log, s)))
          .min(Comparator.comparingLong((Candidate c) -> c.segment().summary().firstIngestion()))
          .orElse(null);
      if (oldest == null) {
        return;
      }
      total -= oldest.segment().summary().size();
      oldest.log().drop(oldest.segment());
    }
  }
}
