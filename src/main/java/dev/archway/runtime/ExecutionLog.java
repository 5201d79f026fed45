package dev.archway.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The execution log of one request in AWS's words ("Endpoint request URI: ...", "Method completed
 * with status: 200"): the one renderer of TestInvokeMethod's {@code log} and of the lines a stage's
 * {@code loggingLevel} sends to its execution-log group. {@link #OFF} drops everything, so traffic
 * without execution logging pays one call per line. As on AWS, a line is an error ("Execution
 * failed..."), data (bodies, headers, parameters: only with {@code dataTraceEnabled}) or info.
 */
public final class ExecutionLog {
  /** Keeps nothing. */
  public static final ExecutionLog OFF = new ExecutionLog(false, false, false);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  /** The lines that carry the request's and the response's data: kept only with {@code dataTraceEnabled}. */
  private static final List<String> DATA = List.of("Method request path: ", "Method request query string: ",
      "Method request headers: ", "Method request body", "Endpoint request URI: ", "Endpoint request headers: ",
      "Endpoint request body", "Endpoint response headers: ", "Endpoint response body", "Method response body",
      "Method response headers: ");

  /** One line and when it was written (epoch ms). */
  public record Line(long epochMillis, String text) {}

  private final boolean info;
  private final boolean errors;
  private final boolean data;
  private final List<Line> lines;

  private ExecutionLog(boolean info, boolean errors, boolean data) {
    this.info = info;
    this.errors = errors;
    this.data = data;
    this.lines = info || errors || data ? new ArrayList<>() : null;
  }

  /** A log that keeps every line (TestInvokeMethod). */
  public static ExecutionLog recording() {
    return new ExecutionLog(true, true, true);
  }

  /**
   * A served request's log for a method's {@code loggingLevel} ({@code INFO}: info and errors,
   * {@code ERROR}: errors) and {@code dataTraceEnabled} (the data lines too, when a level is set).
   */
  public static ExecutionLog of(String loggingLevel, boolean dataTrace) {
    boolean info = "INFO".equals(loggingLevel);
    boolean errors = info || "ERROR".equals(loggingLevel);
    return errors ? new ExecutionLog(info, true, dataTrace) : OFF;
  }

  /**
   * Adds {@code label} followed by {@code value} as {@code describe} prints it, describing it only
   * when the log keeps such lines: served traffic must not pay for printing bodies and header maps.
   */
  public <T> void add(String label, T value, Function<T, String> describe) {
    if (keeps(label)) {
      lines.add(new Line(System.currentTimeMillis(), label + describe.apply(value)));
    }
  }

  public void add(String line) {
    if (keeps(line)) {
      lines.add(new Line(System.currentTimeMillis(), line));
    }
  }

  private boolean keeps(String line) {
    if (lines == null) {
      return false;
    }
    if (line.startsWith("Execution failed") || line.startsWith("Lambda execution failed")) {
      return errors;
    }
    for (String prefix : DATA) {
      if (line.startsWith(prefix)) {
        return data;
      }
    }
    return info;
  }

  /** Whether any line is kept: callers that build several lines at once may skip the work otherwise. */
  public boolean enabled() {
    return lines != null;
  }

  /** The lines kept so far. */
  public List<Line> lines() {
    return lines == null ? List.of() : lines;
  }

  /** The lines so far, each stamped as AWS stamps them, as TestInvokeMethod returns them in {@code log}. */
  public String text() {
    if (lines == null || lines.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (Line line : lines) {
      text.append(STAMP.format(Instant.ofEpochMilli(line.epochMillis()))).append(" : ").append(line.text()).append('\n');
    }
    return text.toString();
  }
}
