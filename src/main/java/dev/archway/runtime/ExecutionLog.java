package dev.archway.runtime;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The execution log of one request in AWS's words ("Endpoint request URI: ...", "Method completed
 * with status: 200"), each line stamped as AWS stamps it. Kept only where someone reads it
 * (TestInvokeMethod); {@link #OFF} drops everything, so served traffic pays one call per line.
 */
public final class ExecutionLog {
  /** Keeps nothing. */
  public static final ExecutionLog OFF = new ExecutionLog(null);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH);

  private final List<String> lines;

  private ExecutionLog(List<String> lines) {
    this.lines = lines;
  }

  /** A log that keeps its lines. */
  public static ExecutionLog recording() {
    return new ExecutionLog(new ArrayList<>());
  }

  /**
   * Adds {@code label} followed by {@code value} as {@code describe} prints it, describing it only
   * when the log keeps lines: served traffic must not pay for printing bodies and header maps.
   */
  public <T> void add(String label, T value, Function<T, String> describe) {
    if (lines != null) {
      add(label + describe.apply(value));
    }
  }

  public void add(String line) {
    if (lines == null) {
      return;
    }
    lines.add(STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + " : " + line);
  }

  public boolean enabled() {
    return lines != null;
  }

  /** The lines so far, one per line, as AWS returns them in TestInvokeMethod's {@code log}. */
  public String text() {
    return lines == null || lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
